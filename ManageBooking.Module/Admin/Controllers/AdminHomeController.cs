using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.Admin.Controllers;

/// <summary>/admin: sends each user to the first screen their permissions open.</summary>
[Route("admin")]
[Authorize]
public sealed class AdminHomeController(AdminMenu menu) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync()
    {
        var items = await menu.VisibleItemsAsync();
        return items.Count > 0 ? LocalRedirect(items[0].Url) : Forbid();
    }
}
