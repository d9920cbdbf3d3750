using ManageBooking.Admin.Services;
using ManageBooking.Data;
using ManageBooking.Modularity;
using ManageBooking.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Admin;

/// <summary>The ManageBooking.Admin feature: staff sign-in (ASP.NET Core Identity), permissions and the admin screens.</summary>
public sealed class AdminStartup : IFeatureStartup
{
    public string FeatureId => FeatureIds.Admin;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName))
            .Validate(
                o => string.IsNullOrEmpty(o.Email) == string.IsNullOrEmpty(o.Password) && (o.Email is null || Text.EmailAddress.IsValid(o.Email)),
                $"{AdminOptions.SectionName}:Email and :Password go together, and Email must be one plain address.")
            .Validate(o => Enum.IsDefined(o.FirstDayOfWeek), $"{AdminOptions.SectionName}:FirstDayOfWeek must name a day, such as Sunday or Monday.")
            .ValidateOnStart();
        services
            .AddIdentity<IdentityUser, IdentityRole>(identity =>
            {
                // Length, not character classes (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.User.RequireUniqueEmail = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<ManageBookingDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "ManageBooking.Admin";
            cookie.LoginPath = "/admin/login";
            cookie.AccessDeniedPath = "/admin/denied";

            // Signed in without the permission: say so with 403 rather than bouncing to another page.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(authorization =>
        {
            foreach (var permission in Permissions.All)
            {
                authorization.AddPolicy(permission.Name, policy => policy.RequireAuthenticatedUser().RequireClaim(Permissions.ClaimType, permission.Name));
            }
        });
        services.AddScoped<IStoreSeeder, AdminSeeder>();
        services.AddScoped<AdminMenu>();
        services.AddScoped<Services.FirstRunSetup>();
        services.AddScoped<Services.SignInGuard>();
        services.AddSingleton(new AdminMenuItem("Bookings", "/admin/bookings", Permissions.ViewBookings, 10));
        services.AddSingleton(new AdminMenuItem("Week", "/admin/calendar", Permissions.ViewBookings, 20));
        services.AddSingleton(new AdminMenuItem("Booking pages", "/admin/pages", Permissions.ManageBookingPages, 30));
        services.AddSingleton(new AdminMenuItem("Theme", "/admin/theme", Permissions.ManageSettings, 60));
        services.AddSingleton(new AdminMenuItem("Settings", "/admin/settings", Permissions.ManageSettings, 70));
        services.AddSingleton(new AdminMenuItem("Staff", "/admin/staff", Permissions.ManageStaff, 80));
        AddStaff(services);

        // The admin's words are English (AdminText has no translation yet), so its dates and times are English too,
        // whatever the browser asks for: one language on a screen, and the lang attribute true.
        services.PostConfigure<RequestLocalizationOptions>(localization => localization.RequestCultureProviders.Insert(0, new AdminCultureProvider()));
        services.AddScoped<BookingListQuery>();
        services.AddScoped<BookingNotes>();
        services.AddScoped<NotifiedText>();
        services.AddScoped<NotificationPreview>();
        services.AddScoped<BookingPageEditor>();

        // The notification rules' editor belongs to the Workflows feature, but its screens are routed only with the admin,
        // and it records every change in the admin's audit list.
        services.AddScoped<Workflows.Notifications.RuleEditor>();
        services.AddScoped<BookingExport>();
    }

    /// <summary>Staff accounts: the service, the audit list, the invitation emails, and sessions that end when an account is disabled.</summary>
    private static void AddStaff(IServiceCollection services)
    {
        services.AddScoped<StaffLock>();
        services.AddScoped<AuditLog>();
        services.AddScoped<StaffService>();
        services.AddScoped<Workflows.Outbox.IOutboxMessageSender, AccountLinkSender>();

        // Every request checks the account's security stamp, so disabling an account (or a password set through a link)
        // ends its sessions on their next request, on every node; the check also reloads a changed role at once.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);

        // An invitation or new-password link works for three days, and once: using it changes the security stamp it is bound to.
        services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromDays(3));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
