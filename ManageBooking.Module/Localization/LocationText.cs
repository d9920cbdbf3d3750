using ManageBooking.Models;
using Microsoft.Extensions.Localization;

namespace ManageBooking.Localization;

/// <summary>
/// Where a session takes place, in the reader's words: one place for the booking page, the confirmation, the manage
/// page and the emails. Each sentence is one resource with its values as arguments.
/// </summary>
public sealed class LocationText(IStringLocalizer<SharedText> text)
{
    public string Kind(LocationKind kind) => kind switch
    {
        LocationKind.InPerson => text["In person"],
        LocationKind.Phone => text["Phone call"],
        LocationKind.Video => text["Video call"],
        _ => text["Where"],
    };

    /// <summary>
    /// The location for the customer, or with <paramref name="customerName"/> for the host's side. Before booking
    /// (<paramref name="booked"/> false) a video link is not given away on a public page.
    /// </summary>
    public LocationLine Describe(BookingLocation location, string ownerName, bool booked, string? customerName = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        var kind = Kind(location.Kind);
        return location.Kind switch
        {
            LocationKind.Phone when location.Caller == PhoneCaller.HostCalls && location.Value.Length == 0
                => new(kind, text["{0} will call you at the number you give.", ownerName], null),
            LocationKind.Phone when location.Caller == PhoneCaller.HostCalls && customerName is not null
                => new(kind, text["Call {0} at {1}.", customerName, location.Value], Tel(location.Value)),
            LocationKind.Phone when location.Caller == PhoneCaller.HostCalls
                => new(kind, text["{0} will call you at {1}.", ownerName, location.Value], null),
            LocationKind.Phone => new(kind, text["Call {0}.", location.Value], Tel(location.Value)),
            LocationKind.Video when !booked => new(kind, text["The link comes with your confirmation."], null),
            LocationKind.Video => new(kind, location.Value, location.Value),
            _ => new(kind, location.Value, null),
        };
    }

    /// <summary>A tel: link of the digits (and a leading +) only.</summary>
    private static string Tel(string number)
        => "tel:" + new string([.. number.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == 0))]);
}
