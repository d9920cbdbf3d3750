using System.Globalization;
using ManageBooking.BookingPages.TimeZones;
using ManageBooking.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ManageBooking.BookingPages.Controllers;

/// <summary>
/// The zone list the picker's script searches, one static file per language: its address carries a version of its
/// content, so browsers and proxies keep it for a year and pages never carry the list.
/// </summary>
[Route("booking/time-zones")]
public sealed class TimeZonesController(ZoneDirectory directory, SiteCultures cultures) : Controller
{
    [HttpGet("{culture}.json")]
    public IActionResult List(string culture, string? v)
    {
        var known = cultures.Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            return NotFound();
        }

        var (json, version) = directory.File(known);
        Response.Headers.CacheControl = v == version ? "public, max-age=31536000, immutable" : "public, max-age=300";
        Response.Headers[HeaderNames.Vary] = "Accept-Encoding";
        return File(json, "application/json; charset=utf-8");
    }
}
