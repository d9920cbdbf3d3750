// The baseline of tests/load/run.sh: TechEmpower's plaintext shape on the same framework, host and logging as the site.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
await app.RunAsync();
