using System.Globalization;
using System.Net.Mime;
using System.Text;
using ManageBooking.Workflows.Email;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>
/// Posts a webhook's JSON body as the Standard Webhooks specification says: <c>webhook-id</c> (the outbox message's id,
/// the same on every retry, so a receiver can drop duplicates), <c>webhook-timestamp</c> (this attempt's time, so a
/// receiver can refuse a replay) and <c>webhook-signature</c>. Any non-2xx answer or time-out is a failure to retry.
/// </summary>
public sealed class WebhookSender(HttpClient http, TimeProvider clock)
{
    public const string HttpClientName = "ManageBooking.Webhooks";

    public async Task<SendResult> SendAsync(Uri url, string body, string? secret, Guid deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(body);
        var id = "msg_" + deliveryId.ToString("N");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, id, timestamp, body));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? SendResult.Ok : SendResult.Fail($"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException exception) when (exception.InnerException is WebhookTargetRefusedException refused)
        {
            return SendResult.Fail(refused.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            // The framework's message names the address and port it tried: recorded for editors, it would map the network.
            return SendResult.Fail(exception is HttpRequestException failed ? $"Could not deliver ({failed.HttpRequestError})." : "Timed out.");
        }
    }
}
