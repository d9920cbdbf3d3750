using ManageBooking.Options;
using Microsoft.Extensions.Options;

namespace ManageBooking.BookingPages.Services;

/// <summary>Absolute links into the site, built from the configured base URL and never from a request's Host header.</summary>
public sealed class ManageLinks(IOptions<ManageBookingOptions> options)
{
    public Uri ManagePage(string token, string? step = null)
        => new(Base, "booking/manage/" + Uri.EscapeDataString(token) + (step is null ? "" : "/" + step));

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
