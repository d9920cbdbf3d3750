using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ManageBooking.Rendering;

/// <summary>
/// The keys of <see cref="RenderCache"/>: the address as asked (path and query, so every link the page writes back is
/// the one it was asked by), the language and theme it was rendered in, and the versions of the rows it shows. The same
/// function serves the look-up (versions from a small query) and the store (versions from the rows rendered).
/// </summary>
public static class RenderKeys
{
    /// <summary>A manage page or a manage API answer of one booking.</summary>
    public static string Booking(HttpContext context, Guid? themeVersion, Guid bookingVersion, Guid pageVersion)
        => Of(context, themeVersion, $"{bookingVersion:N}.{pageVersion:N}");

    /// <summary>A booking page or its slots: the page's settings and every booking of its calendar.</summary>
    public static string Page(HttpContext context, Guid? themeVersion, Guid pageVersion, long calendarWrites, string? zoneCookie)
        => Of(context, themeVersion, $"{pageVersion:N}.{calendarWrites.ToString(CultureInfo.InvariantCulture)}.{zoneCookie}");

    private static string Of(HttpContext context, Guid? themeVersion, string rows)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return string.Concat(
            request.Path.Value, request.QueryString.Value, "|", CultureInfo.CurrentUICulture.Name, "|", themeVersion?.ToString("N"), "|", rows);
    }
}
