using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.Admin.Controllers;

/// <summary>Staff accounts: the list with the invitation form, one account's role and status, and the audit list.</summary>
[Route("admin/staff")]
[Authorize(Policy = nameof(Permissions.ManageStaff))]
public sealed class StaffAdminController(StaffService staff, AuditLog audit, UserManager<IdentityUser> users) : Controller
{
    private const string NoticeKey = "ManageBooking.StaffNotice";

    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(CancellationToken cancellationToken)
        => View("Index", new StaffListViewModel(await staff.ListAsync(cancellationToken), new StaffInviteForm { Role = Permissions.BookingManagerRole }, StaffService.Roles, TempData[NoticeKey] as string));

    [HttpPost("invite")]
    public async Task<IActionResult> InviteAsync(StaffInviteForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await staff.InviteAsync(form.Email, form.Role, Actor(), cancellationToken);
        if (outcome.Succeeded)
        {
            TempData[NoticeKey] = $"Invitation sent to {outcome.Value.Email} as {outcome.Value.Role}: they choose their password through the link in it.";
            return RedirectToAction("Index");
        }

        var top = AdminFailures.Show(this, outcome.Failure, key => key == FieldKey.Email ? nameof(form.Email) : key == FieldKey.Role ? nameof(form.Role) : null);
        return View("Index", new StaffListViewModel(await staff.ListAsync(cancellationToken), form, StaffService.Roles, top));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> DetailsAsync(string id, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(id, cancellationToken);
        return member is null ? NotFound() : View("Details", Details(member, TempData[NoticeKey] as string, null));
    }

    [HttpPost("{id:guid}/role")]
    public async Task<IActionResult> ChangeRoleAsync(string id, string? role, CancellationToken cancellationToken)
        => await DoneAsync(id, await staff.ChangeRoleAsync(id, role, Actor(), cancellationToken), m => $"{m.Email} is now {m.Role}.", cancellationToken);

    [HttpPost("{id:guid}/disable")]
    public async Task<IActionResult> DisableAsync(string id, CancellationToken cancellationToken)
        => await DoneAsync(id, await staff.DisableAsync(id, Actor(), cancellationToken), m => $"{m.Email} is disabled and signed out everywhere.", cancellationToken);

    [HttpPost("{id:guid}/enable")]
    public async Task<IActionResult> EnableAsync(string id, CancellationToken cancellationToken)
        => await DoneAsync(id, await staff.EnableAsync(id, Actor(), cancellationToken), m => $"{m.Email} can sign in again.", cancellationToken);

    [HttpPost("{id:guid}/password-link")]
    public async Task<IActionResult> SendPasswordLinkAsync(string id, CancellationToken cancellationToken)
        => await DoneAsync(id, await staff.SendPasswordLinkAsync(id, Actor(), cancellationToken), m => $"A link to choose a password is on its way to {m.Email}; it works once, for three days.", cancellationToken);

    [HttpPost("{id:guid}/remove")]
    public async Task<IActionResult> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await staff.RemoveAsync(id, Actor(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailedAsync(id, outcome.Failure, cancellationToken);
        }

        TempData[NoticeKey] = $"{outcome.Value.Email} was removed.";
        return RedirectToAction("Index");
    }

    [HttpGet("audit")]
    public async Task<IActionResult> AuditAsync(string? before, CancellationToken cancellationToken)
    {
        var (entries, next) = await audit.PageAsync(before, cancellationToken);
        return View("Audit", new AuditListViewModel(entries, next));
    }

    /// <summary>The actor is the signed-in person, never anything the form says.</summary>
    private ActorInfo Actor() => new(Models.Actor.Staff, User.Identity?.Name);

    private async Task<IActionResult> DoneAsync(string id, Outcome<StaffMember> outcome, Func<StaffMember, string> success, CancellationToken cancellationToken)
    {
        if (!outcome.Succeeded)
        {
            return await FailedAsync(id, outcome.Failure, cancellationToken);
        }

        TempData[NoticeKey] = success(outcome.Value);
        return RedirectToAction("Details", new { id });
    }

    private async Task<IActionResult> FailedAsync(string id, BookingFailure failure, CancellationToken cancellationToken)
    {
        var member = await staff.GetAsync(id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        var top = AdminFailures.Show(this, failure, key => key == FieldKey.Role ? "role" : null);
        return View("Details", Details(member, null, top ?? AdminFailures.Top(failure)));
    }

    private StaffDetailsViewModel Details(StaffMember member, string? notice, string? message)
        => new(member, StaffService.Roles, member.Id == users.GetUserId(User), notice, message);
}
