using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Security;
using ManageBooking.Tokens;
using Microsoft.Extensions.Options;

namespace ManageBooking.BookingPages.Services;

/// <summary>
/// Manage links: signed for a booking's current link version with the current link key, checked against every key
/// still accepted, and made absolute from the configured base URL (never from a request's Host header).
/// </summary>
public sealed class ManageLinks(IOptions<ManageBookingOptions> options, LinkKeyRing keys)
{
    /// <summary>The booking's current token: the same for every email until the link is regenerated.</summary>
    public string TokenFor(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return ManageToken.Create(keys.Current.Span, booking.Id, booking.ManageLinkVersion);
    }

    /// <summary>True when <paramref name="token"/> is this booking's current signed link.</summary>
    public bool Opens(string? token, Guid bookingId, int linkVersion) => ManageToken.Verify(token, bookingId, linkVersion, keys.Keys);

    /// <summary>The booking's current manage page (or one of its steps: "reschedule", "cancel").</summary>
    public Uri ManagePage(Booking booking, string? step = null) => ManagePage(TokenFor(booking), step);

    public Uri ManagePage(string token, string? step = null)
        => new(Base, ManagePaths.Page(token, step).TrimStart('/'));

    /// <summary>A site path ("/logo.png") made absolute for emails; an absolute address stays as it is.</summary>
    public Uri Absolute(string pathOrUrl) => new(Base, pathOrUrl);

    /// <summary>The site's host name, for Message-IDs.</summary>
    public string Host => Base.Host;

    private Uri Base
    {
        get
        {
            var url = options.Value.BaseUrl.ToString();
            return new Uri(url.EndsWith('/') ? url : url + "/");
        }
    }
}
