using ManageBooking.Options;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// The settings in force: the public address, how email leaves, how the outbox behaves. They come from configuration
/// (appsettings or environment), which is where a multi-node site keeps them consistent; this screen shows them.
/// </summary>
[Route("admin/settings")]
[Authorize(Policy = nameof(Permissions.ManageSettings))]
public sealed class SettingsAdminController(
    IOptions<ManageBookingOptions> site, IOptions<EmailOptions> email, IOptions<OutboxOptions> outbox, IEmailSender sender) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        var smtp = email.Value.Smtp;
        ViewData["Rows"] = new List<(string, string)>
        {
            ("Public address (ManageBooking:BaseUrl)", site.Value.BaseUrl.ToString()),
            ("Database (ManageBooking:Database:Provider)", site.Value.Database.Provider.ToString()),
            ("Email delivery", sender is PickupDirectoryEmailSender pickup ? $"Pickup directory: {pickup.Directory}" : $"SMTP {smtp.Host}:{smtp.Port}{(smtp.EnableSsl ? " with STARTTLS" : "")}"),
            ("Sender (ManageBooking:Email:Smtp:From)", $"{smtp.FromName} <{smtp.From}>"),
            ("Background sender on this node", outbox.Value.DispatcherEnabled ? $"on, every {outbox.Value.PollSeconds} s" : "off"),
            ("Attempts before a delivery is marked failed", outbox.Value.MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return View("Index");
    }
}
