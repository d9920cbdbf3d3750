using System.Net.Http.Json;
using System.Text.Json;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ManageBooking.BrowserTests;

/// <summary>
/// The real site as a process on a loopback port (SQLite in a temporary folder, demo data, mail to a pickup folder,
/// the background sender every second) and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    private const string OwnerEmail = "owner@example.test";
    private const string OwnerPassword = "browser test password";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("managebooking-browser-");
    private IPlaywright? _playwright;

    public SiteProcess Site { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string MailFolder => Path.Combine(_folder.FullName, "mail");

    /// <summary>Screenshots land in artifacts/screenshots at the repository's root.</summary>
    public static string ScreenshotFolder
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "src.sln")))
            {
                root = root.Parent;
            }

            var folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        Site = await SiteProcess.StartAsync(
            DatabaseProvider.Sqlite,
            $"Data Source={Path.Combine(_folder.FullName, "site.db")};Default Timeout=30",
            TimeSpan.FromSeconds(90),
            new Dictionary<string, string>
            {
                ["ManageBooking:SeedDemoData"] = "true",
                ["ManageBooking:Email:PickupDirectory"] = MailFolder,
                ["ManageBooking:Outbox:PollSeconds"] = "1",
                ["ManageBooking:Admin:Email"] = OwnerEmail,
                ["ManageBooking:Admin:Password"] = OwnerPassword,
            });
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium: Playwright's own browser download cannot run here. The flags keep it off the network.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);

        // A site's first requests compile and warm up while other suites load the machine's two cores: expectations wait
        // for up to 15 s (Playwright's default is 5), which slows only a failing test.
        Assertions.SetDefaultExpectTimeout(15_000);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Site.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    /// <summary>Signs the site's first administrator in through the admin's sign-in form.</summary>
    public Task SignInAsOwnerAsync(IPage page) => SignInAsync(page, Site.Address, OwnerEmail, OwnerPassword);

    /// <summary>Signs a staff member in through the admin's sign-in form of the site at <paramref name="site"/>.</summary>
    public static async Task SignInAsync(IPage page, Uri site, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(site, "admin").ToString());
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bookings");
    }

    /// <summary>The free starts of a page through the public API, for the given query (timeZone, from, to).</summary>
    public async Task<IReadOnlyList<string>> FreeStartsAsync(string slug, string query)
    {
        using var http = new HttpClient { BaseAddress = Site.Address };
        var slots = await http.GetFromJsonAsync<JsonElement>($"api/booking-pages/{slug}/slots?{query}");
        return [.. slots.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetString()!)];
    }

    /// <summary>Books through the public API, as a headless client would, and returns the created booking.</summary>
    public async Task<JsonElement> BookAsync(string slug, string name, string email, string timeZone, params string[] starts)
    {
        using var http = new HttpClient { BaseAddress = Site.Address };
        // The demo's marketing call requires an answer about the customer's plans.
        var answers = slug == "marketing-call" ? new Dictionary<string, object> { ["plans"] = "A spring launch of our new bakery." } : null;
        using var response = await http.PostAsJsonAsync($"api/booking-pages/{slug}/bookings", new { name, email, timeZone, starts, answers });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits for the background sender to write an email to <paramref name="recipient"/> whose body says <paramref name="phrase"/>.</summary>
    public async Task<string> WaitForEmailAsync(string recipient, string phrase, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            if (Directory.Exists(MailFolder))
            {
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file, cancellation.Token);
                    var to = text.Split('\n').FirstOrDefault(l => l.StartsWith("To:", StringComparison.Ordinal)) ?? "";
                    if (to.Contains(recipient, StringComparison.Ordinal) && EmlFile.Html(file).Contains(phrase, StringComparison.Ordinal))
                    {
                        return file;
                    }
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellation.Token));

        throw new TimeoutException($"No email to {recipient} saying \"{phrase}\".");
    }
}
