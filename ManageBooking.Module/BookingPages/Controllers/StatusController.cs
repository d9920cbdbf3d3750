using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.BookingPages.Controllers;

/// <summary>
/// Where an answer without a body is re-executed (see UseManageBooking): a customer's browser that asked for a page of
/// the module that does not exist gets a themed page in its language; everything else (the API, a client asking for
/// JSON, any other status) gets the problem details it got before.
/// </summary>
[Route(Path)]
[IgnoreAntiforgeryToken] // a re-executed POST to an unknown address carries no token, and changes nothing here
public sealed class StatusController : Controller
{
    public const string Path = "booking/status";

    private static readonly string[] CustomerAreas = ["/book/", "/booking/"];

    [Route("")]
    public IActionResult Index()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var status = original?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        var path = original?.OriginalPath ?? Request.Path.Value ?? "";
        if (status == StatusCodes.Status404NotFound && AcceptsHtml() && CustomerAreas.Any(a => path.StartsWith(a, StringComparison.OrdinalIgnoreCase)))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("NotFound");
        }

        return Problem(statusCode: status);
    }

    private bool AcceptsHtml()
        => Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
