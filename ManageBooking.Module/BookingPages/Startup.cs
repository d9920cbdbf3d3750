using ManageBooking.BookingPages.Services;
using ManageBooking.BookingPages.Services.Demo;
using ManageBooking.Data;
using ManageBooking.Localization;
using ManageBooking.Modularity;
using ManageBooking.Operations;
using ManageBooking.Options;
using ManageBooking.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ManageBooking.BookingPages;

/// <summary>The ManageBooking feature: the store, the booking engine and the customer's booking pages.</summary>
public sealed class Startup : IFeatureStartup
{
    public const string DefaultSqliteConnectionString = "Data Source=App_Data/managebooking.db;Default Timeout=30";

    public string FeatureId => FeatureIds.Main;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ManageBookingOptions>().Bind(configuration.GetSection(ManageBookingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ManageBookingOptions>, ManageBookingOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        AddStore(services, configuration);
        services.AddMetrics();
        services.TryAddSingleton<ManageBookingMetrics>();
        services.AddManageBookingHealthChecks().AddDbContextCheck<ManageBookingDbContext>("store", tags: [HealthEndpoints.ReadyTag], customTestQuery: StoreReadiness.IsReadyAsync);

        services.TryAddSingleton<ISqliteLogSync, SqliteLogSync>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteBatchWriter>();
        services.AddScoped<CalendarLock>();
        services.AddScoped<BusyCalendarLoader>();
        services.AddScoped<SlotQueryService>();
        services.AddSingleton<SlotWeekBuilder>();
        services.AddScoped<BookingService>();
        services.AddScoped<ManageService>();
        services.AddSingleton<ManageViewModelFactory>();
        services.AddSingleton<CalendarEntries>();
        services.AddSingleton<TimeZones.ZoneDirectory>();
        services.AddSingleton<TimeZones.ZonePicker>();
        services.AddSingleton<LocationText>();
        services.AddScoped<BookingPageQueries>();
        services.AddScoped<DemoData>();
        services.AddSingleton<ManageLinks>();
        AddLinkKeys(services, configuration);
        services.AddSingleton<Theming.ThemeSettingsStore>();
        services.AddSingleton<Theming.ThemeStyles>();
        services.AddOptions<Rendering.RenderCacheOptions>().Bind(configuration.GetSection(Rendering.RenderCacheOptions.SectionName))
            .Validate(o => o.SizeMegabytes is >= 0 and <= 65536 && o.MaxSeconds is >= 1 and <= 86400, "ManageBooking:RenderCache: SizeMegabytes 0 to 65536 (0 turns it off), MaxSeconds 1 to 86400.")
            .ValidateOnStart();
        services.AddSingleton<Rendering.RenderCache>();
        services.AddScoped<Rendering.RenderStamps>();
        services.AddSingleton<Rendering.RenderCaptureFilter>();

        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddManageLinkRateLimiting(configuration);
        services.AddManageBookingSecurity(configuration);
        services.AddSharedDataProtection();
        RedactTokensFromLogs(services);

        // Development would otherwise throw on a malformed body and answer 500; a client's mistake is always a 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        AddLocalization(services);
        services
            .AddControllersWithViews(mvc =>
            {
                mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                mvc.Filters.AddService<Rendering.RenderCaptureFilter>();
            })
            .ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new FeatureControllerFilter(EnabledFeaturesOf(services))))
            .AddViewLocalization();
        services.AddOptions<Microsoft.AspNetCore.Mvc.Razor.RazorViewEngineOptions>()
            .Configure<EnabledFeatures>((razor, features) => razor.ViewLocationExpanders.Add(new FeatureViewLocationExpander(features)));
        services.AddHostedService<StoreInitializerService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // With the host's MapStaticAssets, the views' scripts and stylesheets (asp-append-version) are linked by their
        // fingerprinted names, which are served with a year's immutable cache.
        endpoints.MapControllers().WithStaticAssets();
        HealthEndpoints.Map(endpoints);
    }

    /// <summary>MVC's part manager is configured while services are registered, before a provider exists to ask.</summary>
    private static EnabledFeatures EnabledFeaturesOf(IServiceCollection services)
        => services.Select(s => s.ImplementationInstance).OfType<EnabledFeatures>().LastOrDefault()
            ?? throw new InvalidOperationException("AddManageBooking registers the enabled features before any feature's services.");

    /// <summary>
    /// Customer pages in the request's language (cookie from the footer's buttons, then ?culture=, then Accept-Language),
    /// falling back to the site's first language; missing translations are logged.
    /// </summary>
    private static void AddLocalization(IServiceCollection services)
    {
        // Encoding stays on for <, >, & and quotes; letters of every script are written as they are, not as entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.TryAddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp => new TranslationGapReporter(
            sp.GetRequiredService<ResourceManagerStringLocalizerFactory>(), sp.GetRequiredService<ILogger<TranslationGapReporter>>())));
        services.AddSingleton(sp => new SiteCultures(sp.GetRequiredService<IOptions<ManageBookingOptions>>().Value));
        services.AddSingleton<PolicyText>();
        services.AddOptions<RequestLocalizationOptions>().Configure<SiteCultures>((options, cultures) =>
        {
            options.DefaultRequestCulture = new RequestCulture(cultures.Default);
            options.SupportedCultures = [.. cultures.Supported];
            options.SupportedUICultures = [.. cultures.Supported];
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new QueryStringRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary>
    /// The link keys (<see cref="LinkKeyRing"/>): checked now, so a PostgreSQL site without one stops before it starts,
    /// and loaded (or, on SQLite, created) as the site starts.
    /// </summary>
    private static void AddLinkKeys(IServiceCollection services, IConfiguration configuration)
    {
        LinkKeyRing.Validate(configuration.GetSection(ManageBookingOptions.SectionName).Get<ManageBookingOptions>() ?? new ManageBookingOptions());
        services.AddSingleton(sp => LinkKeyRing.Load(
            sp.GetRequiredService<IOptions<ManageBookingOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<LinkKeyRing>()));
        services.AddHostedService<LinkKeyRingLoader>();
    }

    /// <summary>Every logger the host creates, the framework's too, goes through the token redactor.</summary>
    private static void RedactTokensFromLogs(IServiceCollection services)
        => services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));

    /// <summary>
    /// The migrations are hand-written (EF's design package cannot be restored here) and carry no model snapshot, so EF
    /// cannot compare them with the model; the integration suites prove the schema on both providers instead.
    /// </summary>
    private static void IgnoreSnapshotlessMigrations(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings)
        => warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning);

    private static void AddStore(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(ManageBookingOptions.SectionName).Get<ManageBookingOptions>()?.Database.Provider
            ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("ManageBooking");
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "ManageBooking:Database:Provider is Postgres but ConnectionStrings:ManageBooking is empty.");
            }

            // Pooled: a request reuses a context instead of building one with its services (about 4% of a page's CPU).
            services.AddDbContextPool<ManageBookingDbContext>(db => db.UseNpgsql(PostgresConnectionStrings.Resolve(connectionString)).ConfigureWarnings(IgnoreSnapshotlessMigrations));
            services.AddSingleton<IStoreChangeMark>(sp => new PostgresSnapshotMark(connectionString, sp.GetRequiredService<ILogger<PostgresSnapshotMark>>()));
            return;
        }

        services.AddSingleton<IStoreChangeMark>(sp => new SqliteDataVersion(SqliteConnectionStrings.Resolve(connectionString ?? DefaultSqliteConnectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddDbContextPool<ManageBookingDbContext>((sp, db) =>
            db.UseSqlite(SqliteConnectionStrings.Resolve(connectionString ?? DefaultSqliteConnectionString, sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
                .AddInterceptors(new SqliteBusyTimeout())
                .ConfigureWarnings(IgnoreSnapshotlessMigrations));
    }
}
