using ManageBooking.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.BookingPages.Controllers;

/// <summary>The language buttons in the footer: remembers the choice in the culture cookie and returns to the page.</summary>
[Route("booking/culture")]
public sealed class CultureController(SiteCultures cultures, TimeProvider clock) : Controller
{
    [HttpPost("")]
    public IActionResult Set(string? culture, string? returnUrl)
    {
        var chosen = cultures.Supported.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "That language is not offered.",
                detail: "Choose one of: " + string.Join(", ", cultures.Supported.Select(c => c.Name)) + ".");
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
            });

        // Only back into this site: a return address from a form is never trusted to leave it.
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        Response.Headers.Location = target;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
