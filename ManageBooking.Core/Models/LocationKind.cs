using System.Text.Json.Serialization;

namespace ManageBooking.Models;

/// <summary>Where a session takes place.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LocationKind>))]
public enum LocationKind
{
    /// <summary>An address to come to.</summary>
    InPerson,

    /// <summary>A phone call; <see cref="PhoneCaller"/> says who dials.</summary>
    Phone,

    /// <summary>A video call at a URL.</summary>
    Video,

    /// <summary>Whatever the owner writes.</summary>
    Custom,
}
