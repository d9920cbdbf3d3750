using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ManageBooking.BrowserTests;

/// <summary>
/// The owner builds a notification rule in Chromium: a webhook and a customer email, previewed in English and French as
/// they type (the owner's script never runs there), reordered and saved; and the Preview button without script.
/// </summary>
public sealed class RuleEditorJourneyTests : IClassFixture<BrowserSite>
{
    private const string EnglishBody = "<p>Thank you for booking {{page.title}}.</p><script>document.body.dataset.ran = 'yes'</script><img src=\"x\" alt=\"\" onerror=\"document.body.dataset.ran = 'yes'\">";

    private readonly BrowserSite _site;

    public RuleEditorJourneyTests(BrowserSite site) => _site = site;

    [Fact]
    public async Task TheOwnerCreatesARuleWithAWebhookAndAnEmail_PreviewsItInBothLanguages_AndTheReorderedTasksStaySaved()
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };
        await _site.SignInAsOwnerAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New rule" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Thanks and CRM");
        await page.GetByLabel("When it runs").SelectOptionAsync(new SelectOptionValue { Label = "Booking confirmed" });
        await page.GetByLabel("Task to add").SelectOptionAsync("Webhook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await page.GetByLabel("Webhook URL").FillAsync("https://hooks.example.test/crm");
        await page.GetByLabel("Task to add").SelectOptionAsync("CustomerEmail");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();

        var tasks = page.Locator(".mb-rule-task");
        await Expect(page.Locator(".mb-rule-task > legend")).ToHaveTextAsync(["Task 1: webhook", "Task 2: email to the customer"]);
        await Expect(page.GetByLabel("Webhook URL")).ToHaveValueAsync("https://hooks.example.test/crm"); // the draft keeps what was typed
        var email = tasks.Nth(1);
        await email.GetByLabel("Subject", new() { Exact = true }).FillAsync("Thanks, {{customer.name}}");
        await email.GetByLabel("Body (HTML)", new() { Exact = true }).FillAsync(EnglishBody);
        await email.GetByLabel("Subject (Français)").FillAsync("Merci, {{customer.name}}");
        await email.GetByLabel("Body (HTML, Français)").FillAsync("<p>Merci d’avoir réservé {{page.title}}.</p>");

        // The preview follows the typing, in each language, inside the theme's email layout.
        var preview = email.FrameLocator("iframe.mb-preview__frame:not([data-loading])");
        await Expect(preview.Locator("[data-culture='en'] .mb-preview-subject")).ToHaveTextAsync("Thanks, Ada Lovelace");
        await Expect(preview.Locator("[data-culture='fr'] .mb-preview-subject")).ToHaveTextAsync("Merci, Ada Lovelace");
        var english = preview.FrameLocator("[data-culture='en'] iframe").Locator("body");
        var french = preview.FrameLocator("[data-culture='fr'] iframe").Locator("body");
        await Expect(english).ToContainTextAsync("Thank you for booking Sample package.");
        await Expect(english).ToContainTextAsync("Manage your booking");
        await Expect(french).ToContainTextAsync("Merci d’avoir réservé Sample package.");
        await Expect(french).ToContainTextAsync("Gérer votre réservation");
        await Expect(english).Not.ToHaveAttributeAsync("data-ran", "yes"); // the owner's script and handler never ran
        await Expect(tasks.Nth(0).FrameLocator("iframe.mb-preview__frame:not([data-loading])").Locator("pre")).ToContainTextAsync("\"type\": \"booking.confirmed\"");
        await BrowserShots.TakeAsync(page, "admin-rule-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).First.ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Created.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thanks and CRM");

        await tasks.Nth(1).GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await Expect(page.Locator(".mb-rule-task > legend")).ToHaveTextAsync(["Task 1: email to the customer", "Task 2: webhook"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).First.ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Saved.");

        await page.ReloadAsync();
        await Expect(page.Locator(".mb-rule-task > legend")).ToHaveTextAsync(["Task 1: email to the customer", "Task 2: webhook"]);
        await Expect(tasks.Nth(1).GetByLabel("Webhook URL")).ToHaveValueAsync("https://hooks.example.test/crm");
        await page.GetByRole(AriaRole.Link, new() { Name = "All rules" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = "Thanks and CRM" })).ToContainTextAsync("email to the customer, webhook");
        Assert.True(refused.Count == 0, string.Join('\n', refused));
    }

    [Fact]
    public async Task ThePreviewButton_WorksWithoutScript()
    {
        await using var context = await _site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await _site.SignInAsOwnerAsync(page);
        await page.GotoAsync(new Uri(_site.Site.Address, "admin/notifications").ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Booking confirmed", Exact = true }).ClickAsync();
        var customer = page.Locator(".mb-rule-task").First;

        await customer.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var preview = customer.FrameLocator("iframe.mb-preview__frame");
        await Expect(preview.Locator("[data-culture='en'] .mb-preview-subject")).ToHaveTextAsync("Booking confirmed: Sample package");
        await Expect(preview.Locator("[data-culture='fr'] .mb-preview-subject")).ToHaveTextAsync("Réservation confirmée : Sample package");
        await Expect(preview.FrameLocator("[data-culture='fr'] iframe").Locator("body")).ToContainTextAsync("Gérer votre réservation");
    }
}
