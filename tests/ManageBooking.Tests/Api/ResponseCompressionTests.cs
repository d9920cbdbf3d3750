using System.IO.Compression;
using System.Net.Http.Headers;
using ManageBooking.Options;
using ManageBooking.Tests.Infrastructure;

namespace ManageBooking.Tests.Api;

/// <summary>
/// API answers that carry no secret are compressed as the client asks; nothing that carries a manage or antiforgery
/// token is (BREACH), whatever the client accepts.
/// </summary>
public sealed class ResponseCompressionTests() : AppTestBase(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task SecretFreeAnswers_AreCompressed_AndDecompressToTheSameJson(string encoding)
    {
        foreach (var url in new[] { "/api/booking-pages", "/api/booking-pages/30-minute-meeting", "/api/booking-pages/30-minute-meeting/slots?from=2026-03-02&to=2026-04-01", "/openapi/v1.json" })
        {
            var plain = await Client.GetStringAsync(new Uri(url, UriKind.Relative));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await Client.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(plain, Decompress(compressed, encoding));
            Assert.True(compressed.Length < System.Text.Encoding.UTF8.GetByteCount(plain) || plain.Length < 200, $"{url}: {compressed.Length} bytes compressed, {plain.Length} plain");
        }
    }

    [Fact]
    public async Task AnswersCarryingAToken_AreNeverCompressed()
    {
        var (_, token) = await BookWithTokenAsync("30-minute-meeting", "2026-03-03T10:00:00-05:00");
        foreach (var url in new[] { $"/api/manage/{token}", $"/api/manage/{token}/slots?from=2026-03-02&to=2026-03-10", $"/booking/manage/{token}", "/book/30-minute-meeting" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            using var response = await Client.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    private static string Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
