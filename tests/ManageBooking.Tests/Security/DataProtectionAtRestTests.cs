using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Options;
using ManageBooking.Security;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Security;

/// <summary>
/// The Data Protection key ring lives in the database sealed with the link keys, which do not: a copy of the database
/// on a site with another configuration opens no sign-in cookie, on both databases; sites from before the seal and link
/// key rotations keep what their keys protected.
/// </summary>
public abstract class DataProtectionAtRestTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Email = "owner@example.test";
    private const string Password = "a long owner password";
    private const string Purpose = "ManageBooking.Tests.AtRest";

    private readonly FakeClock _clock = new();
    private readonly string _key = TestLinkKeys.NewKey();
    private readonly List<TestDatabase> _databases = [];
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _databases.Add(_database = await TestDatabase.CreateAsync(provider));

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task SignInCookie_OnACopyOfTheDatabaseWithAnotherSitesKey_DoesNotOpen()
    {
        string cookie;
        await using (var site = Site(_database, _key))
        {
            cookie = await SignInAsync(site);
            Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(site, cookie));
            var ring = await site.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.NotEmpty(ring);
            Assert.All(ring, xml => Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal));
        }

        var copy = await _database.CopyAsync();
        _databases.Add(copy);

        // The copy is whole: with the site's own key the cookie still signs the owner in.
        await using (var sameKey = Site(copy, _key))
        {
            Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync(sameKey, cookie));
        }

        await using var thief = Site(copy, TestLinkKeys.NewKey());
        Assert.Equal(HttpStatusCode.Redirect, await AdminStatusAsync(thief, cookie));
    }

    [Fact]
    public async Task KeysStoredInTheClearBeforeTheSeal_AreSealedAtStart_AndOpenWhatTheyProtected()
    {
        string protectedText;
        await using (var site = Site(_database, _key))
        {
            protectedText = site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("queued email");
            var seal = site.Services.GetRequiredService<DataProtectionKeySeal>();
            await site.ArrangeAsync(async db =>
            {
                foreach (var key in await db.DataProtectionKeys.ToListAsync())
                {
                    key.Xml = Unsealed(key.Xml, seal);
                }
            });
            Assert.All(await site.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()), xml => Assert.Contains("masterKey", xml, StringComparison.Ordinal));
        }

        await using var upgraded = Site(_database, _key);

        Assert.Equal("queued email", upgraded.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedText));
        Assert.All(await upgraded.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync()), xml => Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALinkKeyRotation_ResealsTheRing_SoTheOlderKeyCanBeRemoved()
    {
        var newKey = TestLinkKeys.NewKey();
        string protectedText;
        await using (var before = Site(_database, _key))
        {
            protectedText = before.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("queued email");
        }

        await using (var rotated = Site(_database, newKey, _key))
        {
            var current = rotated.Services.GetRequiredService<DataProtectionKeySeal>().CurrentKeyId;
            var sealedWith = await rotated.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.All(sealedWith, xml => Assert.Contains($"key=\"{current}\"", xml, StringComparison.Ordinal));
        }

        await using var after = Site(_database, newKey);
        Assert.Equal("queued email", after.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedText));
    }

    private ManageBookingApp Site(TestDatabase database, params string[] linkKeys)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ManageBooking:Admin:Email"] = Email,
            ["ManageBooking:Admin:Password"] = Password,
        };
        for (var i = 0; i < linkKeys.Length; i++)
        {
            settings[$"ManageBooking:LinkKeys:{i}"] = linkKeys[i];
        }

        return new ManageBookingApp(database, _clock, settings);
    }

    /// <summary>Signs in through the form and returns the sign-in cookie as a Cookie header, every chunk of it.</summary>
    private static async Task<string> SignInAsync(ManageBookingApp site)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await HtmlPage.GetAsync(client, "/admin/login");
        using var response = await HtmlPage.SubmitAsync(client, login.QuerySelector<IHtmlFormElement>("form")!, "/admin/login", ("Email", Email), ("Password", Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("ManageBooking.Admin", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    private static async Task<HttpStatusCode> AdminStatusAsync(ManageBookingApp site, string cookie)
    {
        using var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/bookings", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A key as Data Protection stored it before the seal: its secret in the clear.</summary>
    private static string Unsealed(string xml, DataProtectionKeySeal seal)
    {
        var key = XElement.Parse(xml);
        foreach (var wrapper in key.Descendants(XName.Get("encryptedSecret", "http://schemas.asp.net/2015/03/dataProtection")).ToList())
        {
            wrapper.ReplaceWith(seal.Open(wrapper.Elements().Single()));
        }

        return key.ToString(SaveOptions.DisableFormatting);
    }
}

public sealed class SqliteDataProtectionAtRestTests() : DataProtectionAtRestTests(DatabaseProvider.Sqlite);

public sealed class PostgresDataProtectionAtRestTests() : DataProtectionAtRestTests(DatabaseProvider.Postgres);
