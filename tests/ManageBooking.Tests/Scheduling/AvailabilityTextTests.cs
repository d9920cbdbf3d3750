using ManageBooking.Models;
using ManageBooking.Scheduling;

namespace ManageBooking.Tests.Scheduling;

public sealed class AvailabilityTextTests
{
    [Theory]
    [InlineData("09:00-17:00", "09:00-17:00")]
    [InlineData("13:00-17:00, 09:00-12:00", "09:00-12:00, 13:00-17:00")]
    [InlineData("", "")]
    [InlineData("20:00-24:00", "20:00-24:00")]
    public void Ranges_RoundTrip(string text, string expected)
    {
        Assert.True(AvailabilityText.TryParseRanges(text, out var ranges, out var error), error);
        Assert.Equal(expected, AvailabilityText.FormatRanges(ranges));
    }

    [Theory]
    [InlineData("9-5")]
    [InlineData("17:00-09:00")]
    [InlineData("09:00-12:00, 11:00-13:00")]
    [InlineData("09:00 to 17:00")]
    public void Ranges_RefuseWhatIsNotARange(string text)
    {
        Assert.False(AvailabilityText.TryParseRanges(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Overrides_ReadClosedDaysAndShortDays()
    {
        Assert.True(AvailabilityText.TryParseOverrides("2026-12-31 10:00-13:00\n2026-12-24 closed\n2026-12-25", out var overrides, out var error), error);

        Assert.Equal(3, overrides.Count);
        Assert.Empty(overrides.Single(o => o.Date == new DateOnly(2026, 12, 24)).Hours);
        Assert.Equal(new TimeRange(new TimeOnly(10, 0), new TimeOnly(13, 0)), overrides.Single(o => o.Date == new DateOnly(2026, 12, 31)).Hours.Single());
        Assert.Equal("2026-12-24 closed\n2026-12-25 closed\n2026-12-31 10:00-13:00", AvailabilityText.FormatOverrides(overrides));
        Assert.False(AvailabilityText.TryParseOverrides("24/12/2026 closed", out _, out _));
        Assert.False(AvailabilityText.TryParseOverrides("2026-12-24 closed\n2026-12-24 09:00-10:00", out _, out _));
    }
}
