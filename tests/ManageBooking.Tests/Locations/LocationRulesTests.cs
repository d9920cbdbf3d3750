using ManageBooking.Bookings;
using ManageBooking.Locations;
using ManageBooking.Models;

namespace ManageBooking.Tests.Locations;

public sealed class LocationRulesTests
{
    [Theory]
    [InlineData(LocationKind.InPerson, " 12 rue de Rivoli, Paris ", PhoneCaller.CustomerCalls, "12 rue de Rivoli, Paris", null)]
    [InlineData(LocationKind.InPerson, "", PhoneCaller.CustomerCalls, null, "Enter the address.")]
    [InlineData(LocationKind.Phone, "+33 1 23 45 67 89", PhoneCaller.CustomerCalls, "+33 1 23 45 67 89", null)]
    [InlineData(LocationKind.Phone, "ring me", PhoneCaller.CustomerCalls, null, "Enter the phone number to call")]
    [InlineData(LocationKind.Phone, "", PhoneCaller.HostCalls, "", null)] // the customer gives the number when booking
    [InlineData(LocationKind.Phone, "ring me", PhoneCaller.HostCalls, null, "Enter the phone number to call")]
    [InlineData(LocationKind.Video, "https://meet.example.com/alex", PhoneCaller.CustomerCalls, "https://meet.example.com/alex", null)]
    [InlineData(LocationKind.Video, "javascript:alert(1)", PhoneCaller.CustomerCalls, null, "starting with https://")]
    [InlineData(LocationKind.Video, "data:text/html,hi", PhoneCaller.CustomerCalls, null, "starting with https://")]
    [InlineData(LocationKind.Video, "meet.example.com/alex", PhoneCaller.CustomerCalls, null, "starting with https://")]
    [InlineData(LocationKind.Custom, "We'll send a link the day before.", PhoneCaller.CustomerCalls, "We'll send a link the day before.", null)]
    [InlineData(LocationKind.Custom, "  ", PhoneCaller.CustomerCalls, null, "Describe where")]
    [InlineData(LocationKind.Custom, "LONG", PhoneCaller.CustomerCalls, null, "at most 500")]
    public void Check_ATableOfLocations_KeepsTheTrimmedValueOrSaysWhy(LocationKind kind, string value, PhoneCaller caller, string? stored, string? error)
    {
        var outcome = LocationRules.Check(kind, value.Replace("LONG", new string('x', 501), StringComparison.Ordinal), caller);

        if (error is not null)
        {
            Assert.False(outcome.Succeeded);
            Assert.Contains(error, outcome.Failure.Errors![FieldKey.Location][0], StringComparison.Ordinal);
            return;
        }

        Assert.True(outcome.Succeeded);
        Assert.Equal(new BookingLocation(kind, stored!, caller), outcome.Value);
    }

    [Fact]
    public void Check_NoKind_IsNoLocation()
        => Assert.Null(LocationRules.Check(null, "anything", PhoneCaller.CustomerCalls).Value);
}
