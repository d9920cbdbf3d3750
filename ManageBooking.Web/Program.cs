using ManageBooking;

// --migrate-only: a deploy step that migrates and seeds the database once, then exits, before the nodes start.
const string MigrateOnly = "--migrate-only";
var builder = WebApplication.CreateBuilder([.. args.Where(a => a != MigrateOnly)]);

// The module's and theme's CSS and scripts come from Razor class libraries; outside Development a build (not a publish)
// only serves them with this. Published output ignores it.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddProblemDetails();
builder.Services.AddManageBooking(builder.Configuration);

var app = builder.Build();
if (args.Contains(MigrateOnly))
{
    await app.MigrateManageBookingStoreAsync(app.Lifetime.ApplicationStopping);
    return;
}

// Bad requests (malformed JSON, a body over the limit) keep their 4xx; anything else is a 500 without details.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseRouting();
app.UseManageBooking();
app.MapStaticAssets();
app.MapManageBooking();
app.MapGet("/", () => Results.Redirect("/book/" + ManageBooking.BookingPages.Services.Demo.DemoData.MeetingSlug)).ExcludeFromDescription();

// The static-asset fallback of a build matches every path for GET and HEAD, which would make any other method on an
// unknown URL a 405; an unknown URL is a 404 whatever the method.
app.MapMethods("{**path}", ["POST", "PUT", "PATCH", "DELETE"], () => Results.NotFound()).WithOrder(int.MaxValue).ExcludeFromDescription();
await app.RunAsync();

/// <summary>The site's entry point; public so that integration tests can host it.</summary>
public sealed partial class Program;
