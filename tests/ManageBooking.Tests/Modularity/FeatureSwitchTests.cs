using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ManageBooking.Modularity;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Outbox;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ManageBooking.Tests.Modularity;

/// <summary>
/// Every combination of features module.json allows starts and answers every route of the whole module without a
/// 5xx; a switched-off feature's routes are 404, its menu items and background services gone; a combination the
/// manifest forbids stops start-up with the key to change.
/// </summary>
public sealed partial class FeatureSwitchTests
{
    private const string AdminEmail = "owner@example.test";
    private const string AdminPassword = "a long enough password";

    private static readonly string[] Optional = [.. ModuleManifest.Current.Features.Select(f => f.Id).Where(id => id != FeatureIds.Main)];

    /// <summary>Each allowed combination, as the features switched off (empty: all on; the main feature off: all off).</summary>
    public static TheoryData<string> AllowedCombinations()
    {
        var data = new TheoryData<string>();
        for (var mask = 0; mask < 1 << Optional.Length; mask++)
        {
            var off = Optional.Where((_, i) => (mask & (1 << i)) != 0).ToHashSet();
            var allowed = ModuleManifest.Current.Features.All(f => off.Contains(f.Id) || f.Dependencies.All(d => !off.Contains(d)));
            if (allowed)
            {
                data.Add(string.Join(",", off.Order(StringComparer.Ordinal)));
            }
        }

        data.Add(string.Join(",", ModuleManifest.Current.Features.Select(f => f.Id)));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedCombinations))]
    public async Task EveryAllowedCombination_AnswersEveryRouteOfTheModule_WithoutAServerError(string switchedOff)
    {
        var off = switchedOff.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var routes = await AllRoutesAsync();
        await using var site = await Site.StartAsync(off);
        var enabled = site.App.Services.GetRequiredService<EnabledFeatures>();
        using var client = enabled.IsEnabled(FeatureIds.Admin)
            ? await AdminSession.SignInAsync(site.App, AdminEmail, AdminPassword)
            : site.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(route.Method), new Uri(route.Url, UriKind.Relative));
            if (route.Method == "POST")
            {
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var active = route.Features.All(enabled.IsEnabled);
            if (status >= 500 || (!active && response.StatusCode != HttpStatusCode.NotFound))
            {
                failures.Add($"{route.Method} {route.Url} ({string.Join("+", route.Features)}) answered {status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(enabled.IsEnabled(FeatureIds.Workflows), site.App.Services.GetServices<IHostedService>().OfType<OutboxBackgroundService>().Any());
    }

    [Theory]
    [InlineData(FeatureIds.Workflows, "Notifications", "Outbox")]
    [InlineData(FeatureIds.Admin, "Bookings", "Settings")]
    public async Task TheAdminMenu_ListsOnlyScreensOfEnabledFeatures_AndEachOpens(string featureId, params string[] labels)
    {
        await using var site = await Site.StartAsync(new HashSet<string>());
        using var client = await AdminSession.SignInAsync(site.App, AdminEmail, AdminPassword);

        var page = await HtmlPage.GetAsync(client, "/admin/bookings");
        var links = page.QuerySelectorAll(".mb-admin__nav a").Select(a => (Label: a.TextContent.Trim(), Url: a.GetAttribute("href")!)).ToList();

        foreach (var label in labels)
        {
            Assert.Contains(links, l => l.Label == label);
        }

        foreach (var (_, url) in links)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} of {featureId}'s menu answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task AFeatureOn_WhoseDependencyIsOff_StopsStartUp_NamingTheKeys()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () => await Site.StartAsync(new HashSet<string> { FeatureIds.Workflows }));

        var message = Flatten(exception);
        Assert.Contains($"ManageBooking:Features:{FeatureIds.Workflows}=true", message, StringComparison.Ordinal);
        Assert.Contains($"ManageBooking:Features:{FeatureIds.Admin}=false", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFeatureSwitch_StopsStartUp()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () => await Site.StartAsync(new HashSet<string> { "ManageBooking.Nope" }));

        Assert.Contains("ManageBooking:Features:ManageBooking.Nope names no feature", Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFeatureOfTheManifest_HasOneStartup_AndTheIdsInCodeMatchIt()
    {
        var manifest = ModuleManifest.Current.Features.Select(f => f.Id).Order(StringComparer.Ordinal).ToList();
        var constants = typeof(FeatureIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(manifest, FeatureStartups.Declared.Select(s => s.FeatureId).Order(StringComparer.Ordinal));
        Assert.Equal(manifest, constants);
    }

    private static string Flatten(Exception exception)
        => exception is AggregateException or TargetInvocationException && exception.InnerException is not null ? Flatten(exception.InnerException!) + exception.Message : exception.ToString();

    /// <summary>Every route of the module with everything on, each with the features it needs.</summary>
    private static async Task<IReadOnlyList<Route>> AllRoutesAsync()
    {
        await using var site = await Site.StartAsync(new HashSet<string>());
        return [.. site.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null && !e.RoutePattern.RawText.Contains("_content", StringComparison.Ordinal) && e.DisplayName?.Contains("static", StringComparison.OrdinalIgnoreCase) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(method, Fill(e.RoutePattern.RawText!), FeaturesOf(e))))
            .Where(r => r.Features.Count > 0)
            .DistinctBy(r => (r.Method, r.Url))];
    }

    /// <summary>The feature of the controller or handler behind an endpoint, and any it also requires; none for the host's.</summary>
    private static IReadOnlyList<string> FeaturesOf(RouteEndpoint endpoint)
    {
        var type = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo
            ?? endpoint.Metadata.GetMetadata<MethodInfo>()?.DeclaringType;
        if (type is null || type.Assembly != typeof(FeatureStartups).Assembly)
        {
            return [];
        }

        return [FeatureStartups.FeatureOf(type), .. type.GetCustomAttribute<RequireFeaturesAttribute>()?.FeatureIds ?? []];
    }

    /// <summary>A URL for a route pattern: the demo page's slug, a well-formed unknown token, fresh ids.</summary>
    private static string Fill(string pattern)
        => "/" + Parameter().Replace(pattern.TrimStart('/'), match => match.Groups["name"].Value switch
        {
            "slug" => "30-minute-meeting",
            "token" => new string('A', 43),
            _ when match.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => Guid.NewGuid().ToString(),
        });

    [GeneratedRegex(@"\{\*?(?<name>\w+)(?<constraint>:[^}]*)?\??\}")]
    private static partial Regex Parameter();

    private sealed record Route(string Method, string Url, IReadOnlyList<string> Features);

    /// <summary>The site with some features off, its own SQLite database, and a configured administrator.</summary>
    private sealed class Site : IAsyncDisposable
    {
        private Site(ManageBookingApp app) => App = app;

        public ManageBookingApp App { get; }

        public static async Task<Site> StartAsync(IReadOnlySet<string> off)
        {
            var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            var settings = off.ToDictionary(id => $"{EnabledFeatures.SectionName}:{id}", _ => (string?)"false");
            settings["ManageBooking:Admin:Email"] = AdminEmail;
            settings["ManageBooking:Admin:Password"] = AdminPassword;
            var app = new ManageBookingApp(database, new FakeClock(), settings);
            try
            {
                app.CreateClient().Dispose();
                return new Site(app);
            }
            catch
            {
                await app.DisposeAsync();
                await database.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await App.Database.DisposeAsync();
        }
    }
}
