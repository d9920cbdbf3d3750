using System.Net;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Admin;

/// <summary>Who may open what in the admin: every endpoint guarded, each role held to its permissions.</summary>
public sealed class AdminAccessTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    private static readonly string[] OpenAdminRoutes = AdminEndpointTour.OpenRoutes;

    /// <summary>
    /// The permission each admin endpoint demands, by method and route. A new endpoint fails the test until it is added
    /// here, so whoever adds one decides who may use it; a policy changed by mistake fails it too.
    /// </summary>
    private static readonly Dictionary<string, string> ExpectedPolicies = new(StringComparer.Ordinal)
    {
        ["GET admin"] = "",
        ["POST admin/logout"] = "",
        ["GET admin/bookings"] = "ViewBookings",
        ["GET admin/bookings/{id:guid}"] = "ViewBookings",
        ["GET admin/bookings/export.csv"] = "ViewBookings",
        ["POST admin/bookings/{id:guid}/cancel"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/reschedule"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/approve"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/decline"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/regenerate-link"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/resend"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/answers"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/location"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/request-reschedule"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/notes"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/{id:guid}/attendance"] = "ViewBookings+ManageBookings",
        ["GET admin/bookings/{id:guid}/reschedule"] = "ViewBookings+ManageBookings",
        ["GET admin/bookings/{id:guid}/reschedule/review"] = "ViewBookings+ManageBookings",
        ["GET admin/bookings/{id:guid}/cancel"] = "ViewBookings+ManageBookings",
        ["GET admin/bookings/new"] = "ViewBookings+ManageBookings",
        ["GET admin/bookings/new/{pageId:guid}"] = "ViewBookings+ManageBookings",
        ["POST admin/bookings/new/{pageId:guid}"] = "ViewBookings+ManageBookings",
        ["GET admin/staff"] = "ManageStaff",
        ["POST admin/staff/invite"] = "ManageStaff",
        ["GET admin/staff/{id:guid}"] = "ManageStaff",
        ["POST admin/staff/{id:guid}/role"] = "ManageStaff",
        ["POST admin/staff/{id:guid}/disable"] = "ManageStaff",
        ["POST admin/staff/{id:guid}/enable"] = "ManageStaff",
        ["POST admin/staff/{id:guid}/password-link"] = "ManageStaff",
        ["POST admin/staff/{id:guid}/remove"] = "ManageStaff",
        ["GET admin/staff/audit"] = "ManageStaff",
        ["GET admin/calendar"] = "ViewBookings",
        ["GET admin/outbox"] = "ViewBookings",
        ["POST admin/outbox/{id:guid}/retry"] = "ViewBookings+ManageNotifications",
        ["GET admin/pages"] = "ManageBookingPages",
        ["GET admin/pages/{id:guid}"] = "ManageBookingPages",
        ["POST admin/pages/{id:guid}"] = "ManageBookingPages",
        ["GET admin/pages/new"] = "ManageBookingPages",
        ["GET admin/pages/policy-preview"] = "ManageBookingPages",
        ["POST admin/pages/new"] = "ManageBookingPages",
        ["GET admin/notifications"] = "ManageNotifications",
        ["GET admin/notifications/{id:guid}"] = "ManageNotifications",
        ["POST admin/notifications/{id:guid}"] = "ManageNotifications",
        ["POST admin/notifications/{id:guid}/test"] = "ManageNotifications",
        ["GET admin/notifications/new"] = "ManageNotifications",
        ["POST admin/notifications/new"] = "ManageNotifications",
        ["POST admin/notifications/{id:guid}/enabled"] = "ManageNotifications",
        ["GET admin/notifications/{id:guid}/delete"] = "ManageNotifications",
        ["POST admin/notifications/{id:guid}/delete"] = "ManageNotifications",
        ["POST admin/notifications/preview"] = "ManageNotifications",
        ["GET admin/settings"] = "ManageSettings",
        ["GET admin/theme"] = "ManageSettings",
        ["POST admin/theme"] = "ManageSettings",
    };

    [Fact]
    public void EveryAdminEndpoint_DemandsItsOwnPermission_ExceptSignInAndSetup()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.True(endpoints.Count >= 12, $"only {endpoints.Count} admin endpoints found");
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = string.Join('+', authorize.Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).Distinct());
            foreach (var method in methods)
            {
                var key = $"{method} {route}";
                if (OpenAdminRoutes.Contains(route))
                {
                    if (!open)
                    {
                        wrong.Add($"{key} should be reachable before signing in");
                    }
                }
                else if (open || authorize.Count == 0)
                {
                    wrong.Add($"{key} has no authorization requirement");
                }
                else if (!ExpectedPolicies.TryGetValue(key, out var expected))
                {
                    wrong.Add($"{key} demands \"{policies}\" and is missing from ExpectedPolicies: decide who may use it");
                }
                else if (expected != policies)
                {
                    wrong.Add($"{key} demands \"{policies}\", expected \"{expected}\"");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/bookings")]
    [InlineData("/admin/bookings/7e0d9c4a-8ad5-4ea8-9c2d-3a5b1b0d9f10")]
    [InlineData("/admin/pages")]
    [InlineData("/admin/pages/7e0d9c4a-8ad5-4ea8-9c2d-3a5b1b0d9f10")]
    [InlineData("/admin/outbox")]
    [InlineData("/admin/settings")]
    [InlineData("/admin/notifications")]
    [InlineData("/admin/calendar")]
    [InlineData("/admin/pages/new")]
    public async Task Anonymous_IsSentToSignIn(string url)
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Permissions.AdministratorRole, "/admin/bookings", HttpStatusCode.OK)]
    [InlineData(Permissions.AdministratorRole, "/admin/pages", HttpStatusCode.OK)]
    [InlineData(Permissions.AdministratorRole, "/admin/outbox", HttpStatusCode.OK)]
    [InlineData(Permissions.BookingManagerRole, "/admin/bookings", HttpStatusCode.OK)]
    [InlineData(Permissions.BookingManagerRole, "/admin/pages", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.EditorRole, "/admin/bookings", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.EditorRole, "/admin/outbox", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.EditorRole, "/admin/pages", HttpStatusCode.OK)]
    [InlineData(Permissions.EditorRole, "/admin/settings", HttpStatusCode.OK)]
    [InlineData(Permissions.EditorRole, "/admin/theme", HttpStatusCode.OK)]
    [InlineData(Permissions.BookingManagerRole, "/admin/theme", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.BookingManagerRole, "/admin/settings", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.BookingManagerRole, "/admin/notifications", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.AdministratorRole, "/admin/notifications", HttpStatusCode.OK)]
    [InlineData(Permissions.EditorRole, "/admin/notifications", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.EditorRole, "/admin/notifications/new", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.BookingManagerRole, "/admin/notifications/new", HttpStatusCode.Forbidden)]
    [InlineData(Permissions.AdministratorRole, "/admin/notifications/new", HttpStatusCode.OK)]
    [InlineData(Permissions.BookingManagerRole, "/admin/calendar", HttpStatusCode.OK)]
    public async Task EachRole_OpensOnlyWhatItsPermissionsAllow(string role, string url, HttpStatusCode expected)
    {
        var email = role.Replace(' ', '-').ToLowerInvariant() + "@example.test";
        await AdminSession.CreateUserAsync(App, email, role);
        using var client = await AdminSession.SignInAsync(App, email);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnEditor_CannotCancelABooking_EvenByPostingDirectly()
    {
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        var id = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Bookings.Select(b => b.Id)));
        await AdminSession.CreateUserAsync(App, "editor@example.test", Permissions.EditorRole);
        using var editor = await AdminSession.SignInAsync(App, "editor@example.test");

        // The editor's own antiforgery token (tokens are bound to the user), so only authorization can refuse the post.
        var editorPage = await HtmlPage.GetAsync(editor, "/admin/pages");
        var antiforgery = editorPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var content = new FormUrlEncodedContent([new("reason", "x"), new("__RequestVerificationToken", antiforgery)]);
        using var response = await editor.PostAsync(new Uri($"/admin/bookings/{id}/cancel", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Models.BookingStatus.Confirmed, await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Bookings.Select(b => b.Status))));
    }

    [Fact]
    public async Task FirstRun_SetupCreatesTheAdministrator_ThenClosesForGood()
    {
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var login = await client.GetAsync(new Uri("/admin/login", UriKind.Relative)))
        {
            Assert.Equal("/admin/setup", login.Headers.Location?.ToString());
        }

        var setup = await HtmlPage.GetAsync(client, "/admin/setup");
        using (var tooShort = await HtmlPage.SubmitAsync(client, Form(setup), "/admin/setup", ("Email", "owner@example.test"), ("Password", "short")))
        {
            Assert.Contains("at least 10", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var created = await HtmlPage.SubmitAsync(client, Form(setup), "/admin/setup", ("Email", "owner@example.test"), ("Password", "a long enough password"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/bookings", UriKind.Relative))).StatusCode);
        using var again = await App.CreateClient().GetAsync(new Uri("/admin/setup", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task RepeatedWrongPasswords_MakeTheClientWait()
    {
        await AdminSession.CreateUserAsync(App, "admin@example.test", Permissions.AdministratorRole);
        using var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            var login = await HtmlPage.GetAsync(client, "/admin/login");
            using var wrong = await HtmlPage.SubmitAsync(client, Form(login), "/admin/login", ("Email", "admin@example.test"), ("Password", "wrong password " + i));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var last = await HtmlPage.GetAsync(client, "/admin/login");
        using var right = await HtmlPage.SubmitAsync(client, Form(last), "/admin/login", ("Email", "admin@example.test"), ("Password", AdminSession.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Too many failed attempts", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement Form(AngleSharp.Html.Dom.IHtmlDocument page)
        => (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form")!;
}

/// <summary>ManageBooking:Admin:Email and Password create the first administrator without the setup screen.</summary>
public sealed class ConfiguredAdministratorTests() : AppTestBase(DatabaseProvider.Postgres)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:Admin:Email"] = "root@example.test",
        ["ManageBooking:Admin:Password"] = "configured password 1",
    };

    [Fact]
    public async Task TheConfiguredAdministrator_CanSignIn_AndSetupIsClosed()
    {
        using var client = await AdminSession.SignInAsync(App, "root@example.test", "configured password 1");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/pages", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(new Uri("/admin/setup", UriKind.Relative))).StatusCode);
    }
}
