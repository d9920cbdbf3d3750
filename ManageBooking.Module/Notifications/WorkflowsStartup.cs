using ManageBooking.Email;
using ManageBooking.Options;
using ManageBooking.Outbox;
using ManageBooking.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Notifications;

/// <summary>The ManageBooking.Workflows feature: notification rules, the outbox and its dispatcher, email and webhooks.</summary>
public sealed class WorkflowsStartup : IFeatureStartup
{
    public string FeatureId => "ManageBooking.Workflows";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<OutboxPayloadProtector>();
        services.AddScoped<EmailLayoutRenderer>();
        services.AddScoped<NotificationPlanner>();
        services.AddScoped<IBookingNotifications>(sp => sp.GetRequiredService<NotificationPlanner>());
        services.AddScoped<RuleTestSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxBackgroundService>();
        services.AddHttpClient(WebhookSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));

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

    public void Configure(WebApplication app)
    {
    }
}
