using System.Net;
using AngleSharp.Dom;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// The page editor's policy preview, with and without its script: the same sentences customers read (one source, the
/// customers' policy notice), and "self-service is off" instead of a policy when the toggle is off.
/// </summary>
public sealed class PolicyPreviewTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(48, 12, 1)]
    [InlineData(1.5, 24, 0)]
    [InlineData(24, 0, 3)]
    public async Task ThePreview_SaysWhatTheCustomersManagePageSays(double cancelHours, double rescheduleHours, int? maxReschedules)
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-12T10:00:00-04:00");
        await App.ArrangeAsync(async db =>
        {
            var page = await db.BookingPages.SingleAsync(p => p.Slug == "30-minute-meeting");
            page.Manage.CancelCutoff = TimeSpan.FromHours(cancelHours);
            page.Manage.RescheduleCutoff = TimeSpan.FromHours(rescheduleHours);
            page.Manage.MaxReschedules = maxReschedules;
            page.Manage.PolicyText = null;
        });
        using var editor = await SignInAsync();
        var query = FormattableString.Invariant($"ManageEnabled=true&CancelCutoffHours={cancelHours}&RescheduleCutoffHours={rescheduleHours}&MaxReschedules={maxReschedules}");

        var preview = await HtmlPage.GetAsync(editor, "/admin/pages/policy-preview?" + query);
        var customer = await HtmlPage.GetAsync(Client, $"/booking/manage/{token}");

        var said = customer.QuerySelectorAll(".mb-policy p").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(2, said.Count);
        Assert.Equal(said, preview.QuerySelectorAll("p:not([data-policy-extra])").Select(p => p.TextContent.Trim()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ManageEnabled=false&CancelCutoffHours=24")]
    public async Task WithTheToggleOff_ThePreviewSaysSelfServiceIsOff_AndNoPolicy(string query)
    {
        using var editor = await SignInAsync();

        var preview = await HtmlPage.GetAsync(editor, "/admin/pages/policy-preview?" + query);

        Assert.StartsWith("Self-service is off", preview.QuerySelector(".mb-policy__off")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bookings can", preview.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditor_WithoutScript_ShowsSelfServiceOff_ForAPageWhoseToggleIsOff()
    {
        var id = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "consultation").Select(p => p.Id).SingleAsync());
        using var editor = await SignInAsync();

        var page = await HtmlPage.GetAsync(editor, $"/admin/pages/{id}");

        var preview = page.QuerySelector("[data-policy-preview]")!;
        Assert.Equal("/admin/pages/policy-preview", preview.GetAttribute("data-policy-preview"));
        Assert.Equal("polite", preview.GetAttribute("aria-live"));
        Assert.StartsWith("Self-service is off", preview.QuerySelector(".mb-policy__off")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bookings can", preview.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src*='/js/policy-preview.']"));
    }

    [Theory]
    [InlineData("CancelCutoffHours=abc")]
    [InlineData("CancelCutoffHours=721")]
    [InlineData("RescheduleCutoffHours=NaN")]
    [InlineData("MaxReschedules=-1")]
    [InlineData("CancelCutoffHours=1e308")]
    public async Task ANumberTheFormWouldRefuse_GetsNoSentence_NeverA500(string value)
    {
        using var editor = await SignInAsync();

        using var response = await editor.GetAsync(new Uri("/admin/pages/policy-preview?ManageEnabled=true&" + value, UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var preview = await HtmlPage.ParseAsync(response);
        Assert.Contains("The preview waits for", preview.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bookings can", preview.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CancelCutoffHours", "1e308")]
    [InlineData("RescheduleCutoffHours", "NaN")]
    [InlineData("MinimumNoticeHours", "1e400")] // read as infinity
    [InlineData("CancelCutoffHours", "720.4")]
    public async Task SavingAnHourCountOutOfRange_IsRefusedBesideItsField(string field, string value)
    {
        var id = await App.QueryAsync(db => db.BookingPages.Where(p => p.Slug == "30-minute-meeting").Select(p => p.Id).SingleAsync());
        using var editor = await SignInAsync();
        var page = await HtmlPage.GetAsync(editor, $"/admin/pages/{id}");
        var form = page.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == $"/admin/pages/{id}");

        using var saved = await HtmlPage.SubmitAsync(editor, form, $"/admin/pages/{id}", HtmlPage.FormValues(form, (field, value)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, saved.StatusCode);
        Assert.Contains("Between 0 and 720 hours", (await HtmlPage.ParseAsync(saved)).QuerySelector($"[id='{field}-error']")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManager_WhoCannotEditPages_CannotAskForAPreview()
    {
        await AdminSession.CreateUserAsync(App, "manager@example.test", Permissions.BookingManagerRole);
        using var manager = await AdminSession.SignInAsync(App, "manager@example.test");

        using var response = await manager.GetAsync(new Uri("/admin/pages/policy-preview?ManageEnabled=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpClient> SignInAsync()
    {
        await AdminSession.CreateUserAsync(App, "editor@example.test", Permissions.EditorRole);
        return await AdminSession.SignInAsync(App, "editor@example.test");
    }
}
