using System.Security.Cryptography;
using System.Text;
using ManageBooking.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Staff sign-in that tells nobody which accounts exist and lets nobody lock staff out for long:
/// <list type="bullet">
/// <item>an unknown email costs one password-hash check, as a known one does, and gets the same words;</item>
/// <item>a client address that keeps failing waits 1 s after its fifth failure in a row, doubling to at most 15 minutes;</item>
/// <item>an account (known or not) that keeps failing, from any addresses, waits 1 s after its tenth failure in a row,
/// doubling to at most one minute: guessing stays slow, and an anonymous client, itself held to one try per 15 minutes,
/// can keep the real owner out for a minute at most.</item>
/// </list>
/// A success clears both. Identity's own lockout (15 minutes after 5 failures, for anyone's failures) is not used.
/// </summary>
public sealed class SignInGuard(
    ManageBookingDbContext db,
    UserManager<IdentityUser> users,
    SignInManager<IdentityUser> signIn,
    IPasswordHasher<IdentityUser> hasher,
    TimeProvider clock)
{
    public const int AddressFreeFailures = 5;
    public const int AccountFreeFailures = 10;
    public static readonly TimeSpan AddressMaxWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan AccountMaxWait = TimeSpan.FromMinutes(1);

    private static readonly IdentityUser Nobody = new() { UserName = "nobody", Email = "nobody@invalid" };
    private static string? _nobodyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var now = clock.GetUtcNow().UtcDateTime;
        var accountKey = "account:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(users.NormalizeEmail(email) ?? ""))).ToLowerInvariant();
        var addressKey = "address:" + clientAddress;
        var rows = await db.Set<SignInBackoff>().Where(b => b.Key == accountKey || b.Key == addressKey).ToListAsync(cancellationToken);
        var blockedUntil = rows.Select(r => r.BlockedUntilUtc ?? DateTime.MinValue).DefaultIfEmpty(DateTime.MinValue).Max();
        if (blockedUntil > now)
        {
            return new SignInOutcome(false, blockedUntil - now);
        }

        var user = await users.FindByEmailAsync(email);
        var succeeded = user is null
            ? VerifyAgainstNobody(password)
            : (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false)).Succeeded;
        if (succeeded)
        {
            db.Set<SignInBackoff>().RemoveRange(rows);
            await db.Set<SignInBackoff>().Where(b => b.UpdatedUtc < now.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await signIn.SignInAsync(user!, isPersistent: false);
            return SignInOutcome.Success;
        }

        Fail(rows, accountKey, AccountFreeFailures, AccountMaxWait, now);
        Fail(rows, addressKey, AddressFreeFailures, AddressMaxWait, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two failures for a new key at once: one row won, which is what the count needs.
        }

        return SignInOutcome.Refused;
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: none up to the free ones, then 1 s doubling to the cap.</summary>
    public static TimeSpan WaitAfter(int failures, int free, TimeSpan max)
        => failures < free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(max.TotalSeconds, Math.Pow(2, Math.Min(30, failures - free))));

    private void Fail(List<SignInBackoff> rows, string key, int free, TimeSpan max, DateTime now)
    {
        var row = rows.FirstOrDefault(r => r.Key == key);
        if (row is null)
        {
            row = new SignInBackoff { Key = key };
            db.Set<SignInBackoff>().Add(row);
            rows.Add(row);
        }

        row.Failures++;
        row.UpdatedUtc = now;
        var wait = WaitAfter(row.Failures, free, max);
        row.BlockedUntilUtc = wait > TimeSpan.Zero ? now + wait : null;
    }

    /// <summary>The same hashing work a real account costs, against a hash no password matches in practice.</summary>
    private bool VerifyAgainstNobody(string password)
    {
        _nobodyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, _nobodyHash, password);
        return false;
    }
}
