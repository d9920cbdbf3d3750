using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using ManageBooking.Workflows.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Workflows;

/// <summary>The site's real webhook client against real loopback listeners, with intranet receivers switched off.</summary>
public sealed class WebhookDeliveryGuardTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ManageBooking:Webhooks:AllowPrivateNetworks"] = "false",
    };

    [Fact]
    public async Task EveryLoopbackSpelling_IsRefusedBeforeAnyConnection()
    {
        using var receiver = new WebhookReceiver();
        var port = new Uri(receiver.Url).Port;
        var client = App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.HttpClientName);

        foreach (var url in new[] { receiver.Url, $"http://127.1:{port}/hook/", $"http://0x7f000001:{port}/hook/", $"http://2130706433:{port}/hook/", $"http://[::ffff:127.0.0.1]:{port}/hook/", $"http://localhost:{port}/hook/" })
        {
            using var body = new StringContent("{}");
            var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(url), body));
            Assert.IsType<WebhookTargetRefusedException>(error.InnerException);
        }

        Assert.False(receiver.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task ARefusedDelivery_RecordsRefusedWithoutNetworkDetails()
    {
        using var receiver = new WebhookReceiver();
        var port = new Uri(receiver.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await App.ArrangeAsync(db =>
        {
            db.NotificationRules.Add(new NotificationRule { Name = "Inward hook", Event = BookingEvent.Confirmed, Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: $"http://0x7f000001:{port}/hook/", WebhookSecret: "s3cret")] });
            return Task.CompletedTask;
        });
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        await App.DispatchAsync();

        var hook = await App.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Webhook));
        Assert.StartsWith("Refused", hook.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(port, hook.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("127", hook.LastError, StringComparison.Ordinal);
        Assert.False(receiver.Received.Task.IsCompleted);
    }

    [Fact]
    public async Task TheRuleEditor_RefusesAnInwardAddress()
    {
        await AdminSession.CreateUserAsync(App, "admin@example.test", ManageBooking.Permissions.AdministratorRole);
        using var admin = await AdminSession.SignInAsync(App, "admin@example.test");
        var rule = new NotificationRule { Name = "CRM", Event = BookingEvent.Confirmed, Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: "https://hooks.example.test/crm", WebhookSecret: "s3cret")] };
        await App.ArrangeAsync(db =>
        {
            db.NotificationRules.Add(rule);
            return Task.CompletedTask;
        });
        var ruleId = rule.Id;
        var editor = await HtmlPage.GetAsync(admin, $"/admin/notifications/{ruleId}");
        var form = editor.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == $"/admin/notifications/{ruleId}");

        using var refused = await HtmlPage.SubmitAsync(admin, form, $"/admin/notifications/{ruleId}", HtmlPage.FormValues(form, ("Tasks[0].WebhookUrl", "http://169.254.169.254/latest/meta-data/")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.StartsWith("Refused", (await HtmlPage.ParseAsync(refused)).QuerySelector("[id='Tasks[0].WebhookUrl-error']")?.TextContent, StringComparison.Ordinal);
        var saved = await App.QueryAsync(db => db.NotificationRules.AsNoTracking().SingleAsync(r => r.Id == ruleId));
        Assert.Equal("https://hooks.example.test/crm", saved.Tasks[0].WebhookUrl);
    }

    [Fact]
    public async Task ARedirect_IsNotFollowed()
    {
        using var target = new WebhookReceiver();
        using var redirector = new Redirector(target.Url);
        await using var intranet = new ManageBookingApp(App.Database, Clock);
        await intranet.ArrangeAsync(db =>
        {
            db.NotificationRules.Add(new NotificationRule { Name = "Moved hook", Event = BookingEvent.Confirmed, Tasks = [new NotificationTask(NotificationTaskKind.CallWebhook, WebhookUrl: redirector.Url, WebhookSecret: "s3cret")] });
            return Task.CompletedTask;
        });
        await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");

        await intranet.DispatchAsync();

        var hook = await intranet.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKind.Webhook));
        Assert.True(await redirector.Asked.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("HTTP 307", hook.LastError);
        Assert.False(target.Received.Task.IsCompleted);
    }

    /// <summary>A receiver that has moved: answers every call with 307 to another address.</summary>
    private sealed class Redirector : IDisposable
    {
        private readonly HttpListener _listener = new();

        public Redirector(string location)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/moved/";
            probe.Stop();
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = AnswerAsync(location);
        }

        public string Url { get; }

        public TaskCompletionSource<bool> Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => _listener.Close();

        private async Task AnswerAsync(string location)
        {
            var context = await _listener.GetContextAsync();
            context.Response.StatusCode = 307;
            context.Response.RedirectLocation = location;
            context.Response.Close();
            Asked.TrySetResult(true);
        }
    }
}
