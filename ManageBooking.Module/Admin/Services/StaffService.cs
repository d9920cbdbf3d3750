using System.Text.Json;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models;
using ManageBooking.Models.Outbox;
using ManageBooking.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Staff accounts: invite (the person sets their own password through a one-time link sent through the outbox), give
/// a role, disable (every session ends at once), enable, send a new-password link, remove. Each change runs under the
/// staff lock, keeps an administrator who can sign in, and writes its audit entry in the same transaction.
/// </summary>
public sealed class StaffService(
    ManageBookingDbContext db,
    UserManager<IdentityUser> users,
    StaffLock staffLock,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>A disabled account is locked out for good: Identity refuses its sign-in, and nothing lifts it but Enable.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web);

    /// <summary>The roles a person can be given, in the order the screens list them.</summary>
    public static IReadOnlyList<string> Roles { get; } = [.. Permissions.DefaultRoles.Keys];

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await Accounts().ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => r.Id).Select(g => Member(g.First(), g.Select(r => r.Role).FirstOrDefault(r => r is not null))).OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<StaffMember?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await Accounts().Where(a => a.Id == id).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : Member(rows[0], rows.Select(r => r.Role).FirstOrDefault(r => r is not null));
    }

    /// <summary>Creates the account without a password and queues the invitation with its one-time link.</summary>
    public async Task<Outcome<StaffMember>> InviteAsync(string? email, string? role, ActorInfo actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var checkedInvite = StaffInvitation.Validate(email, role, Roles);
        if (!checkedInvite.Succeeded)
        {
            return checkedInvite.Failure;
        }

        var invitation = checkedInvite.Value;
        await using var transaction = await staffLock.AcquireAsync(cancellationToken);
        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return BookingFailure.Invalid(FieldKey.Email, "Someone already has an account with this address.");
        }

        var user = new IdentityUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = false };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return BookingFailure.Invalid(FieldKey.Email, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        Check(await users.AddToRoleAsync(user, invitation.Role));
        QueueLink(user, AccountLinkPurpose.Invite, actor, invitation.Role);
        audit.Add(actor.Name, AuditAction.StaffInvited, invitation.Email, invitation.Role);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<StaffMember>.Success(new StaffMember(user.Id, invitation.Email, invitation.Role, StaffStatus.Invited));
    }

    public Task<Outcome<StaffMember>> ChangeRoleAsync(string id, string? role, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(id, actor, async (user, member) =>
        {
            if (!StaffInvitation.ValidRole(role, Roles))
            {
                return BookingFailure.Invalid(FieldKey.Role, "Choose a role from the list.");
            }

            if (member.Role == role)
            {
                return null;
            }

            if (await LastAdministratorAsync(member, StaffChange.ChangeRole, role == Permissions.AdministratorRole, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, role!));
            audit.Add(actor.Name, AuditAction.StaffRoleChanged, member.Email, $"{member.Role ?? "no role"} → {role}");
            return null;
        }, cancellationToken);

    /// <summary>Locks the account for good and changes its security stamp, which ends each of its sessions on its next request.</summary>
    public Task<Outcome<StaffMember>> DisableAsync(string id, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(id, actor, async (user, member) =>
        {
            if (member.Status == StaffStatus.Disabled)
            {
                return null;
            }

            if (await LastAdministratorAsync(member, StaffChange.Disable, false, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DisabledUntil));
            Check(await users.UpdateSecurityStampAsync(user));
            audit.Add(actor.Name, AuditAction.StaffDisabled, member.Email);
            return null;
        }, cancellationToken);

    public Task<Outcome<StaffMember>> EnableAsync(string id, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(id, actor, async (user, member) =>
        {
            if (member.Status != StaffStatus.Disabled)
            {
                return null;
            }

            Check(await users.SetLockoutEndDateAsync(user, null));
            audit.Add(actor.Name, AuditAction.StaffEnabled, member.Email);
            return null;
        }, cancellationToken);

    /// <summary>
    /// Sends a link to set a new password (for an invited account, the invitation again). The current password keeps
    /// working until the link is used; using it changes the security stamp, which ends every session and every other link.
    /// </summary>
    public Task<Outcome<StaffMember>> SendPasswordLinkAsync(string id, ActorInfo actor, CancellationToken cancellationToken)
        => ChangeAsync(id, actor, (user, member) =>
        {
            if (member.Status == StaffStatus.Disabled)
            {
                return Task.FromResult<BookingFailure?>(BookingFailure.Refused("This account is disabled.", "Enable it first; a disabled account gets no password link."));
            }

            QueueLink(user, member.Status == StaffStatus.Invited ? AccountLinkPurpose.Invite : AccountLinkPurpose.Reset, actor, member.Role);
            audit.Add(actor.Name, AuditAction.StaffPasswordReset, member.Email, member.Status == StaffStatus.Invited ? "invitation sent again" : "new-password link sent");
            return Task.FromResult<BookingFailure?>(null);
        }, cancellationToken);

    public async Task<Outcome<StaffMember>> RemoveAsync(string id, ActorInfo actor, CancellationToken cancellationToken)
    {
        StaffMember? removed = null;
        var outcome = await ChangeAsync(id, actor, async (user, member) =>
        {
            if (await LastAdministratorAsync(member, StaffChange.Remove, false, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            Check(await users.DeleteAsync(user));
            audit.Add(actor.Name, AuditAction.StaffRemoved, member.Email, member.Role);
            removed = member;
            return null;
        }, cancellationToken, reload: false);
        return outcome.Succeeded ? Outcome<StaffMember>.Success(removed!) : outcome;
    }

    /// <summary>The ids of the administrators who can sign in now: enabled, with a password.</summary>
    public async Task<IReadOnlyList<string>> WorkingAdministratorsAsync(CancellationToken cancellationToken)
    {
        var rows = await Accounts().Where(a => a.Role == Permissions.AdministratorRole).ToListAsync(cancellationToken);
        return [.. rows.Where(r => Status(r) == StaffStatus.Active).Select(r => r.Id)];
    }

    private async Task<BookingFailure?> LastAdministratorAsync(StaffMember member, StaffChange change, bool staysAdministrator, CancellationToken cancellationToken)
        => LastAdministratorRule.Check([.. await WorkingAdministratorsAsync(cancellationToken)], member.Id, change, staysAdministrator);

    /// <summary>One change under the staff lock: the account as it is now, the change, its audit entry, one commit.</summary>
    private async Task<Outcome<StaffMember>> ChangeAsync(
        string id, ActorInfo actor, Func<IdentityUser, StaffMember, Task<BookingFailure?>> change, CancellationToken cancellationToken, bool reload = true)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await staffLock.AcquireAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        var member = user is null ? null : await GetAsync(id, cancellationToken);
        if (user is null || member is null)
        {
            return BookingFailure.NotFound("There is no such staff account.");
        }

        if (await change(user, member) is { } failure)
        {
            return failure;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<StaffMember>.Success(reload ? (await GetAsync(id, cancellationToken))! : member);
    }

    /// <summary>Queues the email; its link is made when it is sent, so no usable link waits in the database.</summary>
    private void QueueLink(IdentityUser user, AccountLinkPurpose purpose, ActorInfo actor, string? role)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var summary = $"{user.Email} · {(purpose == AccountLinkPurpose.Invite ? "Invitation to the admin" : "New-password link for the admin")}";
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = OutboxKind.AccountLink,
            Recipient = user.Email,
            Facts = JsonSerializer.Serialize(new AccountLinkFacts(user.Id, purpose, actor.Name, role), FactsJson),
            Summary = summary.Length > 300 ? summary[..300] : summary,
            CreatedUtc = now,
            DueUtc = now,
        });
    }

    /// <summary>Each account with its role (a row per role; the screens give one role each).</summary>
    private IQueryable<AccountRow> Accounts()
        => from user in db.Users.AsNoTracking()
           join link in db.UserRoles on user.Id equals link.UserId into links
           from link in links.DefaultIfEmpty()
           join role in db.Roles on link!.RoleId equals role.Id into roles
           from role in roles.DefaultIfEmpty()
           select new AccountRow
           {
               Id = user.Id,
               Email = user.Email ?? user.UserName ?? "",
               HasPassword = user.PasswordHash != null,
               LockoutEnd = user.LockoutEnd,
               Role = role == null ? null : role.Name,
           };

    private static StaffMember Member(AccountRow row, string? role) => new(row.Id, row.Email, role, Status(row));

    private static StaffStatus Status(AccountRow row)
        => IsDisabled(row.LockoutEnd) ? StaffStatus.Disabled : row.HasPassword ? StaffStatus.Active : StaffStatus.Invited;

    /// <summary>
    /// Read back as the store keeps it: PostgreSQL keeps microseconds (and may store the end of time as infinity), so
    /// any lockout in the year 9999 is the mark.
    /// </summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: 9999 };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The staff change failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private sealed class AccountRow
    {
        public required string Id { get; init; }

        public required string Email { get; init; }

        public required bool HasPassword { get; init; }

        public DateTimeOffset? LockoutEnd { get; init; }

        public string? Role { get; init; }
    }
}
