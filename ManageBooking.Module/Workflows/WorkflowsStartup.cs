using ManageBooking.Modularity;
using ManageBooking.Notifications;
using ManageBooking.Options;
using System.Threading.RateLimiting;
using ManageBooking.Workflows.Email;
using ManageBooking.Workflows.LostLink;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ManageBooking.Workflows.Notifications;
using ManageBooking.Workflows.Outbox;
using ManageBooking.Workflows.Webhooks;
using ManageBooking.Data;
using ManageBooking.Operations;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Workflows;

/// <summary>The ManageBooking.Workflows feature: notification rules, the outbox and its dispatcher, email and webhooks.</summary>
public sealed class WorkflowsStartup : IFeatureStartup
{
    public string FeatureId => FeatureIds.Workflows;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<OutboxPayloadProtector>();
        services.AddScoped<EmailLayoutRenderer>();
        services.AddScoped<NotificationRenderer>();
        services.AddScoped<INotificationTaskActivity, EmailTask>();
        services.AddScoped<INotificationTaskActivity, WebhookTask>();
        services.AddScoped<RenderedPayloadDelivery>();
        services.AddSingleton<EnabledRules>();
        services.AddScoped<NotificationPlanner>();
        services.AddScoped<IBookingNotifications>(sp => sp.GetRequiredService<NotificationPlanner>());
        services.AddScoped<RuleTestSender>();
        services.AddScoped<RulePreview>();
        AddLostLink(services, configuration);
        services.AddScoped<IStoreSeeder, DefaultRulesSeeder>();
        services.AddSingleton(new AdminMenuItem("Notifications", "/admin/notifications", Permissions.ManageNotifications, 40));
        services.AddSingleton(new AdminMenuItem("Outbox", "/admin/outbox", Permissions.ViewBookings, 50));
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxHeartbeat>();
        services.AddManageBookingHealthChecks().AddCheck<OutboxDispatcherHealthCheck>("outbox-dispatcher", tags: [HealthEndpoints.ReadyTag]);
        services.AddHostedService<OutboxBackgroundService>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddSingleton<WebhookTargetGuard>();
        services.AddHttpClient<WebhookSender>(WebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookHttpHandler.Create(sp.GetRequiredService<WebhookTargetGuard>()));

        var smtpHost = configuration[$"{EmailOptions.SectionName}:Smtp:Host"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
    }

    /// <summary>"Lost your link?": its service, the per-address limit, and the per-client rate-limiter policy.</summary>
    private static void AddLostLink(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LostLinkOptions>().Bind(configuration.GetSection(LostLinkOptions.SectionName))
            .Validate(
                o => o.RequestsPerClientPerHour >= 1 && o.RequestsPerAddressPerHour >= 1,
                $"{LostLinkOptions.SectionName}:RequestsPerClientPerHour and :RequestsPerAddressPerHour must each be at least 1.")
            .ValidateOnStart();
        services.AddScoped<LostLinkService>();
        services.AddSingleton<LostLinkLimiter>();
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LostLinkOptions>>((limits, lostLink) => limits.AddPolicy(
            Controllers.LostLinkController.ClientPolicy,
            context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, lostLink.Value.RequestsPerClientPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
