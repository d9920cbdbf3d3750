using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>Reads server-rendered pages the way a browser without JavaScript would, and posts their forms.</summary>
public static class HtmlPage
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// The values a browser would post from a form's visible fields (ticked checkboxes and radios, chosen options, text areas), with
    /// some replaced; <see cref="SubmitAsync"/> adds the hidden fields.
    /// </summary>
    public static (string Name, string Value)[] FormValues(IHtmlFormElement form, params (string Name, string Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(form);
        var values = form.QuerySelectorAll("input, select, textarea")
            .Where(e => e.GetAttribute("name") is not null && e.GetAttribute("type") != "hidden"
                && (e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked")))
            .ToDictionary(
                e => e.GetAttribute("name")!,
                e => e switch
                {
                    IHtmlSelectElement select => select.Value ?? "",
                    IHtmlTextAreaElement area => area.Value,
                    _ => e.GetAttribute("value") ?? "",
                });
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return [.. values.Select(v => (v.Key, v.Value))];
    }

    /// <summary>Posts a form of the page with its hidden fields (antiforgery included) plus the given values.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IHtmlFormElement form, string url, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)))
            .ToList();
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
