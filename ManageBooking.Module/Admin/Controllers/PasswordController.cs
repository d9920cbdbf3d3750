using ManageBooking.Admin.Services;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Models;
using ManageBooking.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ManageBooking.Admin.Controllers;

/// <summary>
/// The page a staff member's one-time link opens: they choose their password there. The GET only reads (mail scanners
/// open links); the POST sets the password, which changes the account's security stamp, so this link and any other
/// stop working and every other session of the account ends. The token is in the path: the page is private and its
/// address is redacted from logs.
/// </summary>
[Route("admin/password/{token}")]
[AllowAnonymous]
[PrivateLink]
public sealed class PasswordController(UserManager<IdentityUser> users, AuditLog audit, Data.ManageBookingDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(string token)
    {
        var (user, _) = await OpenAsync(token);
        return user is null ? Expired() : View("Index", new SetPasswordViewModel(user.Email!, token, new SetPasswordForm()));
    }

    [HttpPost("")]
    public async Task<IActionResult> IndexAsync(string token, SetPasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (user, identityToken) = await OpenAsync(token);
        if (user is null)
        {
            return Expired();
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), "Choose a password.");
        }
        else if (form.Password != form.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(form.ConfirmPassword), "The two passwords differ.");
        }
        else
        {
            var reset = await users.ResetPasswordAsync(user, identityToken, form.Password);
            if (reset.Succeeded)
            {
                user.EmailConfirmed = true;
                await users.UpdateAsync(user);
                audit.Add(user.Email, AuditAction.StaffPasswordSet, user.Email!);
                await db.SaveChangesAsync(cancellationToken);
                return View("Done", user.Email);
            }

            foreach (var error in reset.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : string.Empty, error.Description);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", new SetPasswordViewModel(user.Email!, token, new SetPasswordForm()));
    }

    /// <summary>The account a link opens, while the link is valid and the account enabled; otherwise nothing, whatever the reason.</summary>
    private async Task<(IdentityUser? User, string IdentityToken)> OpenAsync(string token)
    {
        if (!AccountLinkToken.TryDecode(token, out var userId, out var identityToken))
        {
            return (null, "");
        }

        var user = await users.FindByIdAsync(userId);
        if (user?.Email is null || StaffService.IsDisabled(user.LockoutEnd))
        {
            return (null, "");
        }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<IdentityUser>.ResetPasswordTokenPurpose, identityToken);
        return valid ? (user, identityToken) : (null, "");
    }

    private ViewResult Expired()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Expired");
    }
}
