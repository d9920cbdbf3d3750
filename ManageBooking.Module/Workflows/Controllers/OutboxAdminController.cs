using ManageBooking.Data;
using ManageBooking.Modularity;
using ManageBooking.Models.Outbox;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Controllers;

/// <summary>Deliveries: what was sent, what waits, what failed and why; a failed one can be retried.</summary>
[RequireFeatures(FeatureIds.Admin)]
[Route("admin/outbox")]
[Authorize(Policy = nameof(Permissions.ViewBookings))]
public sealed class OutboxAdminController(ManageBookingDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string? status, CancellationToken cancellationToken)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (Enum.TryParse<OutboxStatus>(status, ignoreCase: true, out var chosen))
        {
            query = query.Where(m => m.Status == chosen);
        }

        ViewData["Status"] = status;
        return View("Index", await query.OrderByDescending(m => m.CreatedUtc).Take(200).ToListAsync(cancellationToken));
    }

    [HttpPost("{id:guid}/retry")]
    [Authorize(Policy = nameof(Permissions.ManageNotifications))]
    public async Task<IActionResult> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status == OutboxStatus.Failed)
        {
            // A fresh set of attempts; the earlier ones stay in the attempt log.
            message.Status = OutboxStatus.Pending;
            message.Attempts = 0;
            message.DueUtc = clock.GetUtcNow().UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken);
        return RedirectToAction("Index", new { status = "pending" });
    }
}
