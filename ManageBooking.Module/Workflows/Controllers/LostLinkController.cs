using System.Globalization;
using ManageBooking.Bookings;
using ManageBooking.Workflows.LostLink;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace ManageBooking.Workflows.Controllers;

/// <summary>
/// "Lost your link?": a customer enters their email address and is sent their upcoming bookings' manage links. The
/// answer is the same page whether or not the address has bookings; a GET only shows the form; requests are limited
/// per client and per address.
/// </summary>
[Route("booking/lost-link")]
public sealed class LostLinkController(LostLinkService service, LostLinkLimiter limiter, IStringLocalizer<Localization.SharedText> text) : Controller
{
    public const string ClientPolicy = "lost-link";

    [HttpGet("")]
    public IActionResult Index() => View("Index", new LostLinkForm());

    [HttpPost("")]
    [EnableRateLimiting(ClientPolicy)]
    public async Task<IActionResult> IndexAsync(LostLinkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var address = form.Email?.Trim() ?? "";
        if (!InputRules.IsEmail(address))
        {
            ModelState.AddModelError(nameof(LostLinkForm.Email), text["Enter the email address you booked with."]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", form);
        }

        if (!limiter.TryAcquire(LostLinkService.Normalize(address), out var retryAfter))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(LostLinkForm.Email), text["We have just sent the links for this address. Check your inbox, or try again later."]);
            return View("Index", form);
        }

        await service.SendLinksAsync(address, cancellationToken);
        return RedirectToAction("Sent");
    }

    /// <summary>The same words for every address: whether one has bookings is the mailbox owner's business alone.</summary>
    [HttpGet("sent")]
    public IActionResult Sent() => View("Sent");
}
