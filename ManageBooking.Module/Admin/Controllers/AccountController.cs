using ManageBooking.Admin.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Controllers;

/// <summary>Staff sign-in and sign-out, and the first-run setup that creates the first administrator.</summary>
[Route("admin")]
public sealed class AccountController(SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, Services.FirstRunSetup setup, Services.SignInGuard guard) : Controller
{
    [HttpGet("login")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginAsync(string? returnUrl)
        => await users.Users.AnyAsync() ? View("Login", new LoginForm { ReturnUrl = returnUrl }) : RedirectToAction("Setup");

    [HttpPost("login")]
    [AllowAnonymous]
    public async Task<IActionResult> LoginAsync(LoginForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("Login", form);
        }

        // The same words, and the same hashing work, whether or not the account exists; back-off per account and per client.
        var outcome = await guard.SignInAsync(form.Email!, form.Password!, Security.ClientAddress.Key(HttpContext), cancellationToken);
        if (outcome.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
        }

        if (outcome.IsBlocked)
        {
            var seconds = (int)Math.Ceiling(outcome.Wait.TotalSeconds);
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            ModelState.AddModelError(string.Empty, seconds < 120
                ? $"Too many failed attempts. Try again in {seconds} seconds."
                : $"Too many failed attempts. Try again in {(seconds + 59) / 60} minutes.");
            return View("Login", form);
        }

        ModelState.AddModelError(string.Empty, "That email and password do not match.");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return View("Login", form);
    }

    [HttpPost("logout")]
    [Authorize]
    public async Task<IActionResult> LogoutAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/admin/login");
    }

    [HttpGet("setup")]
    [AllowAnonymous]
    public async Task<IActionResult> SetupAsync()
        => await users.Users.AnyAsync() ? NotFound() : View("Setup", new SetupForm());

    [HttpPost("setup")]
    [AllowAnonymous]
    public async Task<IActionResult> SetupAsync(SetupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);

        // Once anyone exists, setup is closed for good: a second administrator is added by the first.
        if (await users.Users.AnyAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Setup", form);
        }

        // Twelve people (or one double click) may post at once: only the one whose claim commits creates anyone.
        await using var claim = await setup.ClaimAsync(cancellationToken);
        if (claim is null)
        {
            return NotFound();
        }

        var user = new IdentityUser { UserName = form.Email, Email = form.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(SetupForm.Password), error.Description);
            }

            return View("Setup", form);
        }

        await users.AddToRoleAsync(user, Permissions.AdministratorRole);
        await claim.CommitAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin");
    }

    [HttpGet("denied")]
    [AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Denied");
    }
}
