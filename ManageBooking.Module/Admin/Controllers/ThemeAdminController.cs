using ManageBooking.Admin.ViewModels;
using ManageBooking.Data;
using ManageBooking.Theming;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Controllers;

/// <summary>Theme settings: colours, name, logo and extra CSS, applied to every page at once.</summary>
[Route("admin/theme")]
[Authorize(Policy = nameof(Permissions.ManageSettings))]
public sealed class ThemeAdminController(ManageBookingDbContext db, Microsoft.Extensions.Options.IOptions<Options.ManageBookingOptions> site) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> IndexAsync(CancellationToken cancellationToken)
    {
        var theme = await db.ThemeSettings.AsNoTracking().OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken) ?? new ThemeSettings();
        ViewData["Saved"] = TempData["ManageBooking.ThemeSaved"];
        return View("Index", new ThemeForm { SiteName = theme.SiteName, BrandColor = theme.BrandColor, AccentColor = theme.AccentColor, LogoUrl = theme.LogoUrl, CustomCss = theme.CustomCss });
    }

    [HttpPost("")]
    public async Task<IActionResult> IndexAsync(ThemeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        CheckContrast(nameof(form.BrandColor), form.BrandColor);
        CheckContrast(nameof(form.AccentColor), form.AccentColor);
        var cssProblems = CssSanitizer.Sanitize(form.CustomCss, site.Value.BaseUrl).Problems;
        if (cssProblems.Count > 0)
        {
            ModelState.AddModelError(nameof(form.CustomCss), string.Join(" ", cssProblems.Distinct().Take(5)));
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", form);
        }

        var theme = await db.ThemeSettings.OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (theme is null)
        {
            theme = new ThemeSettings();
            db.ThemeSettings.Add(theme);
        }

        theme.SiteName = Blank(Text.PersonName.Clean(form.SiteName));
        theme.BrandColor = Blank(form.BrandColor)?.ToLowerInvariant();
        theme.AccentColor = Blank(form.AccentColor)?.ToLowerInvariant();
        theme.LogoUrl = Blank(form.LogoUrl);
        theme.CustomCss = Blank(form.CustomCss);

        // A new version is what tells every node to read the settings again on its next request.
        theme.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        TempData["ManageBooking.ThemeSaved"] = "Saved. Every page uses it from now on.";
        return RedirectToAction("Index");
    }

    /// <summary>Owner colours become link, button and status text: one that customers cannot read is refused.</summary>
    private void CheckContrast(string field, string? color)
    {
        if (ModelState.GetFieldValidationState(field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && ColorContrast.IsColor(color?.Trim())
            && ThemePalette.LightProblem(color!.Trim().ToLowerInvariant()) is { } problem)
        {
            ModelState.AddModelError(field, problem);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
