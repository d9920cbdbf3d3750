using ManageBooking.Bookings;
using ManageBooking.Models;

namespace ManageBooking.Tests.Bookings;

/// <summary>A booking request checked against its page: every problem at once, each under its field's key.</summary>
public sealed class NewBookingValidatorTests
{
    private const string Monday = "2026-03-09T10:00:00-04:00";
    private const string Tuesday = "2026-03-10T10:00:00-04:00";

    [Theory]
    [InlineData("", "ada@example.com", "Europe/London", 1, "name")]
    [InlineData("LONG", "ada@example.com", "Europe/London", 1, "name")]
    [InlineData("Ada", "ada@", "Europe/London", 1, "email")]
    [InlineData("Ada", "Ada <ada@example.com>", "Europe/London", 1, "email")]
    [InlineData("Ada", "ada@localhost", "Europe/London", 1, "email")]
    [InlineData("Ada", "ada@example.com", "Mars/Olympus", 1, "timeZone")]
    [InlineData("Ada", "ada@example.com", "", 1, "timeZone")]
    [InlineData("Ada", "ada@example.com", "Europe/London", 0, "starts")]
    [InlineData("Ada", "ada@example.com", "Europe/London", 2, "starts")] // one session, two times
    [InlineData("", "nope", "Nowhere", 0, "name,email,timeZone,starts")]
    public void Validate_BadFields_AreAllNamedAtOnce(string name, string email, string zone, int starts, string fields)
    {
        var input = new NewBookingInput(name.Replace("LONG", new string('a', Booking.NameMaxLength + 1), StringComparison.Ordinal), email, zone, [.. new[] { Monday, Tuesday }.Take(starts)]);

        var outcome = NewBookingValidator.Validate(new BookingPage { SessionsPerBooking = 1 }, input);

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.Equal(fields.Split(',').Order(StringComparer.Ordinal), outcome.Failure!.Errors!.Keys.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-03-09T10:00:00", "an offset")] // a local time is ambiguous
    [InlineData("next Monday", "ISO 8601")]
    [InlineData(Monday + "|" + Monday, "different time")]
    public void Validate_BadStartsOfAPackage_AreRefused(string starts, string message)
    {
        var texts = starts.Split('|');
        var page = new BookingPage { SessionsPerBooking = texts.Length };

        var outcome = NewBookingValidator.Validate(page, new NewBookingInput("Ada", "ada@example.com", "Europe/London", texts));

        Assert.Contains(message, Assert.Single(outcome.Failure!.Errors![FieldKey.Starts]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AGoodRequest_IsTrimmed_AndItsStartsSorted()
    {
        var page = new BookingPage { SessionsPerBooking = 2 };

        var outcome = NewBookingValidator.Validate(page, new NewBookingInput("  Ada Lovelace ", " ada@example.com", "America/New_York", [Tuesday, Monday]));

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        Assert.Equal(("Ada Lovelace", "ada@example.com", "America/New_York"), (outcome.Value.Name, outcome.Value.Email, outcome.Value.TimeZone.Id));
        Assert.True(outcome.Value.Starts[0] < outcome.Value.Starts[1]);
    }
}
