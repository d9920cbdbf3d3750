using ManageBooking;

var builder = WebApplication.CreateBuilder(args);

// The module's and theme's CSS and scripts come from Razor class libraries; outside Development a build (not a publish)
// only serves them with this. Published output ignores it.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddManageBooking(builder.Configuration);

var app = builder.Build();
app.MapManageBooking();
app.MapGet("/", () => Results.Redirect("/book/" + ManageBooking.Services.Demo.DemoData.MeetingSlug)).ExcludeFromDescription();
await app.RunAsync();

/// <summary>The site's entry point; public so that integration tests can host it.</summary>
public sealed partial class Program;
