using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>A browser-like client signed in to the admin through the real sign-in form.</summary>
public static class AdminSession
{
    public const string Password = "correct horse battery";

    public static async Task CreateUserAsync(ManageBookingApp app, string email, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    public static async Task<HttpClient> SignInAsync(ManageBookingApp app, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await HtmlPage.GetAsync(client, "/admin/login");
        using var response = await HtmlPage.SubmitAsync(client, login.QuerySelector<IHtmlFormElement>("form")!, "/admin/login", ("Email", email), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Posts a form of an admin page (its antiforgery token included) and returns the answer.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, params (string Name, string Value)[] values)
    {
        var page = await HtmlPage.GetAsync(client, pageUrl);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == action);
        return await HtmlPage.SubmitAsync(client, form, action, values);
    }
}
