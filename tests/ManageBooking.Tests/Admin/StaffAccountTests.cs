using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Tests.Admin;

/// <summary>
/// Staff accounts as a team runs them: an invitation by email, a password chosen through its one-time link, a role
/// that allows exactly its permissions, the last administrator kept, disabled accounts signed out everywhere.
/// </summary>
public abstract partial class StaffAccountTests(DatabaseProvider provider) : AppTestBase(provider)
{
    private const string AdminEmail = "admin@example.test";
    private const string ManagerEmail = "manager@example.test";
    private const string ManagerPassword = "a sunny morning by the sea";

    [Fact]
    public async Task AnInvitedBookingManager_SetsAPasswordThroughTheEmailedLink_SignsIn_AndCanDoExactlyWhatTheRoleAllows()
    {
        using var admin = await AdministratorAsync();

        using (var invited = await AdminSession.PostFormAsync(admin, "/admin/staff", "/admin/staff/invite", ("Email", ManagerEmail), ("Role", Permissions.BookingManagerRole)))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var link = await EmailedLinkAsync(ManagerEmail);
        Assert.Equal("bookings.example.test", link.Host);
        using var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.GetAsync(anonymous, link.PathAndQuery);
        using (var mismatch = await HtmlPage.SubmitAsync(anonymous, page.QuerySelector<IHtmlFormElement>("main form")!, link.AbsolutePath, ("Password", ManagerPassword), ("ConfirmPassword", "something else entirely")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
            Assert.Contains("The two passwords differ.", (await HtmlPage.ParseAsync(mismatch)).QuerySelector("#ConfirmPassword-error")?.TextContent, StringComparison.Ordinal);
        }

        using (var set = await HtmlPage.SubmitAsync(anonymous, page.QuerySelector<IHtmlFormElement>("main form")!, link.AbsolutePath, ("Password", ManagerPassword), ("ConfirmPassword", ManagerPassword)))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        // The link works once.
        using (var again = await anonymous.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        using var manager = await AdminSession.SignInAsync(App, ManagerEmail, ManagerPassword);
        var target = await CreateAccountAsync("target@example.test", Permissions.BookingManagerRole);
        var problems = await new AdminEndpointTour(App, admin).RunAsync(manager, Permissions.BookingManagerRole, target);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        var audit = await App.QueryAsync(db => db.AuditEntries.OrderBy(a => a.AtUtc).Select(a => new { a.Actor, a.Action, a.Subject, a.Detail }).ToListAsync());
        Assert.Equal(new { Actor = AdminEmail, Action = AuditAction.StaffInvited, Subject = ManagerEmail, Detail = (string?)Permissions.BookingManagerRole }, audit[0]);
        Assert.Equal(new { Actor = ManagerEmail, Action = AuditAction.StaffPasswordSet, Subject = ManagerEmail, Detail = (string?)null }, audit[1]);
    }

    [Fact]
    public async Task TheLastAdministrator_CannotBeRemovedDisabledOrDemoted_UntilAnotherCanSignIn()
    {
        using var admin = await AdministratorAsync();
        var self = await IdOfAsync(AdminEmail);

        foreach (var (action, values) in new (string, (string, string)[])[] { ("remove", []), ("disable", []), ("role", [("role", Permissions.EditorRole)]) })
        {
            using var refused = await AdminSession.PostFormAsync(admin, $"/admin/staff/{self}", $"/admin/staff/{self}/{action}", values);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("only administrator who can sign in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An invitation not yet taken up is no administrator who can sign in.
        using (await AdminSession.PostFormAsync(admin, "/admin/staff", "/admin/staff/invite", ("Email", "second@example.test"), ("Role", Permissions.AdministratorRole)))
        {
        }

        using (var stillRefused = await AdminSession.PostFormAsync(admin, $"/admin/staff/{self}", $"/admin/staff/{self}/remove"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stillRefused.StatusCode);
        }

        Assert.Equal([AdminEmail, "second@example.test"], await App.QueryAsync(db => db.Users.OrderBy(u => u.Email).Select(u => u.Email!).ToListAsync()));
        var secondLink = await EmailedLinkAsync("second@example.test");
        using var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await HtmlPage.GetAsync(anonymous, secondLink.AbsolutePath);
        using (await HtmlPage.SubmitAsync(anonymous, page.QuerySelector<IHtmlFormElement>("main form")!, secondLink.AbsolutePath, ("Password", ManagerPassword), ("ConfirmPassword", ManagerPassword)))
        {
        }

        using var second = await AdminSession.SignInAsync(App, "second@example.test", ManagerPassword);
        using (var removed = await AdminSession.PostFormAsync(second, $"/admin/staff/{self}", $"/admin/staff/{self}/remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        Assert.Equal(["second@example.test"], await App.QueryAsync(db => db.Users.Select(u => u.Email!).ToListAsync()));
        var last = await IdOfAsync("second@example.test");
        using (var refusedAgain = await AdminSession.PostFormAsync(second, $"/admin/staff/{last}", $"/admin/staff/{last}/remove"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedAgain.StatusCode);
        }

        var audit = await HtmlPage.GetAsync(second, "/admin/staff/audit");
        Assert.Contains(audit.QuerySelectorAll(".mb-audit tbody tr"), row => row.TextContent.Contains("second@example.test", StringComparison.Ordinal) && row.TextContent.Contains(AdminEmail, StringComparison.Ordinal) && row.TextContent.Contains("Removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSessionsAndSignIn_EnablingLetsItBackIn()
    {
        using var admin = await AdministratorAsync();
        var id = await CreateAccountAsync(ManagerEmail, Permissions.BookingManagerRole);
        using var session = await AdminSession.SignInAsync(App, ManagerEmail);
        using var otherSession = await AdminSession.SignInAsync(App, ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/admin/bookings", UriKind.Relative))).StatusCode);

        using (var disabled = await AdminSession.PostFormAsync(admin, $"/admin/staff/{id}", $"/admin/staff/{id}/disable"))
        {
            Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        }

        Clock.Advance(TimeSpan.FromSeconds(1)); // the next request, a moment later: the stamp is checked on each one

        foreach (var client in new[] { session, otherSession })
        {
            using var after = await client.GetAsync(new Uri("/admin/bookings", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/admin/login", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        using var login = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await HtmlPage.GetAsync(login, "/admin/login");
        using (var refused = await HtmlPage.SubmitAsync(login, form.QuerySelector<IHtmlFormElement>("form")!, "/admin/login", ("Email", ManagerEmail), ("Password", AdminSession.Password)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using (await AdminSession.PostFormAsync(admin, $"/admin/staff/{id}", $"/admin/staff/{id}/enable"))
        {
        }

        using var back = await AdminSession.SignInAsync(App, ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync(new Uri("/admin/bookings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ARoleChange_TakesEffectOnTheNextRequest()
    {
        using var admin = await AdministratorAsync();
        var id = await CreateAccountAsync(ManagerEmail, Permissions.BookingManagerRole);
        using var session = await AdminSession.SignInAsync(App, ManagerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(new Uri("/admin/pages", UriKind.Relative))).StatusCode);

        using (await AdminSession.PostFormAsync(admin, $"/admin/staff/{id}", $"/admin/staff/{id}/role", ("role", Permissions.EditorRole)))
        {
        }

        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/admin/pages", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(new Uri("/admin/bookings", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnInvitationWithABadAddressOrRole_IsRefusedBesideTheField_AndCreatesNothing()
    {
        using var admin = await AdministratorAsync();

        using var bad = await AdminSession.PostFormAsync(admin, "/admin/staff", "/admin/staff/invite", ("Email", "not an address"), ("Role", "Owner"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var page = await HtmlPage.ParseAsync(bad);
        Assert.NotNull(page.QuerySelector("#Email-error"));
        Assert.NotNull(page.QuerySelector("#Role-error"));
        Assert.Equal(1, await App.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await App.QueryAsync(db => db.OutboxMessages.CountAsync()));
    }

    protected async Task<HttpClient> AdministratorAsync()
    {
        await AdminSession.CreateUserAsync(App, AdminEmail, Permissions.AdministratorRole);
        return await AdminSession.SignInAsync(App, AdminEmail);
    }

    protected async Task<string> CreateAccountAsync(string email, string role)
    {
        await AdminSession.CreateUserAsync(App, email, role);
        return await IdOfAsync(email);
    }

    private Task<string> IdOfAsync(string email) => App.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Sends what is due and reads the set-password link of the newest email to the address.</summary>
    protected async Task<Uri> EmailedLinkAsync(string address)
    {
        await App.DispatchAsync();
        var mail = Directory.GetFiles(App.MailFolder, "*.eml").Select(SmtpSink.DecodeFile)
            .Last(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetString()!.Contains(address, StringComparison.Ordinal)));
        var link = PasswordLink().Match(mail.Html());
        Assert.True(link.Success, "no set-password link in: " + mail.Html());
        Assert.Contains(link.Value, mail.Text(), StringComparison.Ordinal);
        return new Uri(link.Value);
    }

    [GeneratedRegex(@"https://bookings\.example\.test/admin/password/[A-Za-z0-9_-]+")]
    private static partial Regex PasswordLink();
}

public sealed class SqliteStaffAccountTests() : StaffAccountTests(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData(Permissions.AdministratorRole)]
    [InlineData(Permissions.EditorRole)]
    public async Task EachOtherRole_CanDoExactlyWhatItAllows_OverEveryAdminEndpoint(string role)
    {
        using var admin = await AdministratorAsync();
        var email = role.Replace(' ', '-').ToLowerInvariant() + "@example.test";
        await CreateAccountAsync(email, role);
        var target = await CreateAccountAsync("target@example.test", Permissions.BookingManagerRole);
        using var client = await AdminSession.SignInAsync(App, email);

        var problems = await new AdminEndpointTour(App, admin).RunAsync(client, role, target);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}

public sealed class PostgresStaffAccountTests() : StaffAccountTests(DatabaseProvider.Postgres);
