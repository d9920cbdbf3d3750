using System.Net.Mime;
using System.Text;
using ManageBooking.Workflows.Email;

namespace ManageBooking.Workflows.Webhooks;

/// <summary>Posts a webhook's JSON body with its signature; any non-2xx answer or time-out is a failure to retry.</summary>
public sealed class WebhookSender(HttpClient http)
{
    public const string HttpClientName = "ManageBooking.Webhooks";

    public async Task<SendResult> SendAsync(Uri url, string body, string? secret, Guid deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        request.Headers.Add("X-ManageBooking-Delivery", deliveryId.ToString());
        if (!string.IsNullOrEmpty(secret))
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, body));
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
            return SendResult.Fail(exception is HttpRequestException http ? $"Could not deliver ({http.HttpRequestError})." : "Timed out.");
        }
    }
}
