using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ManageBooking.Tests.Api;

/// <summary>
/// The API's OpenAPI document: the committed openapi/v1.json is what the site serves, a real validator accepts it, and a
/// client generated from it (openapi-typescript, type-checked by tsc, run with openapi-fetch) books, reschedules, cancels.
/// </summary>
public sealed class OpenApiTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    /// <summary>Set to 1 to rewrite openapi/v1.json from the running site after changing the API on purpose.</summary>
    private const string UpdateVariable = "MANAGEBOOKING_UPDATE_OPENAPI";

    private static string CommittedFile => Path.Combine(Path.GetDirectoryName(NodeTools.Folder)!, "..", "..", "openapi", "v1.json");

    [Fact]
    public async Task TheServedDocument_IsTheCommittedFile_AndAValidatorAcceptsIt()
    {
        var served = await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(CommittedFile, JsonNode.Parse(served)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        Assert.True(File.Exists(CommittedFile), $"{CommittedFile} is missing: run the tests once with {UpdateVariable}=1.");
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(await File.ReadAllTextAsync(CommittedFile))),
            $"The site serves a different OpenAPI document than openapi/v1.json. If the API changed on purpose, run the tests with {UpdateVariable}=1 and commit the file.");

        var validated = JsonSerializer.Deserialize<JsonElement>(await NodeTools.RunAsync("openapi-validate.mjs", null, Path.GetFullPath(CommittedFile)));
        Assert.True(validated.GetProperty("valid").GetBoolean(), validated.ToString());
        var paths = validated.GetProperty("paths").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Equal(
            ["/api/booking-pages", "/api/booking-pages/{slug}", "/api/booking-pages/{slug}/slots", "/api/booking-pages/{slug}/bookings",
             "/api/manage/{token}", "/api/manage/{token}/slots", "/api/manage/{token}/cancel", "/api/manage/{token}/reschedule"],
            paths);
    }

    [Fact]
    public async Task AGeneratedClient_Books_Reschedules_AndCancels()
    {
        var first = (await FreeStartsAsync("30-minute-meeting", "2026-03-03"))[0];
        var second = (await FreeStartsAsync("30-minute-meeting", "2026-03-04"))[1];
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var site = new ManageBookingApp(database, Clock);
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var work = Directory.CreateDirectory(Path.Combine(NodeTools.Folder, ".generated", Guid.NewGuid().ToString("N")));
        try
        {
            using var http = new HttpClient();
            var document = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await http.GetStringAsync(new Uri(new Uri(address), "/openapi/v1.json")));

            var result = JsonSerializer.Deserialize<JsonElement>(await NodeTools.RunAsync(
                "api-client.mjs", null, document, work.FullName, address, "30-minute-meeting", first, second));

            Assert.Equal("30-minute meeting", result.GetProperty("page").GetString(), StringComparer.OrdinalIgnoreCase);
            Assert.Equal(first, result.GetProperty("bookedStart").GetString());
            Assert.Equal(second, result.GetProperty("movedStart").GetString());
            Assert.Equal("Cancelled", result.GetProperty("cancelledStatus").GetString());
            Assert.Equal(422, result.GetProperty("refusedStatus").GetInt32());
            Assert.False(string.IsNullOrEmpty(result.GetProperty("refusedTitle").GetString()));
            Assert.Equal("Cancelled", result.GetProperty("finalStatus").GetString());

            var reference = result.GetProperty("reference").GetString();
            var history = await site.QueryAsync(db => db.Bookings.Where(b => b.Reference == reference).SelectMany(b => b.History).CountAsync());
            Assert.True(history >= 2, $"the booking's history has {history} entries");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
