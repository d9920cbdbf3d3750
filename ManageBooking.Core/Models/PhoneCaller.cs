using System.Text.Json.Serialization;

namespace ManageBooking.Models;

/// <summary>Who dials a phone session.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PhoneCaller>))]
public enum PhoneCaller
{
    /// <summary>The customer calls the number the page gives.</summary>
    CustomerCalls,

    /// <summary>The host calls the customer at the number they give when booking.</summary>
    HostCalls,
}
