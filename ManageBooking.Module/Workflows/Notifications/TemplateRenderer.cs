using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Renders the admin-editable templates with Handlebars.Net: values are HTML-encoded by default, templates cannot run
/// code, and each distinct template is compiled once.
/// </summary>
public sealed partial class TemplateRenderer
{
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _htmlCache = new();
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _textCache = new();

    /// <summary>A subject line: plain text, no encoding, one line.</summary>
    public string RenderSubject(string template, object model)
        => _textCache.GetOrAdd(template, t => _text.Compile(t))(model).ReplaceLineEndings(" ").Trim();

    /// <summary>An HTML body, values encoded.</summary>
    public string RenderHtml(string template, object model) => _htmlCache.GetOrAdd(template, t => _html.Compile(t))(model);

    /// <summary>The plain-text alternative of an HTML body: links written out, tags removed.</summary>
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // The layout's head (title, meta) is not part of what the reader reads.
        var text = Head().Replace(html, "");
        text = Link().Replace(text, m => $"{m.Groups["label"].Value}: {m.Groups["href"].Value}");
        text = Breaks().Replace(text, "\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = LineIndent().Replace(text, "");
        return BlankLines().Replace(text.Trim(), "\n\n");
    }

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]*)\"[^>]*>(?<label>.*?)</a>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"<(br|/p|/li|/h[1-6]|/div|/tr)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<head[^>]*>.*?</head>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Head();

    /// <summary>The indentation of the layout's markup, at the start of each line.</summary>
    [GeneratedRegex(@"^[ \t]+", RegexOptions.Multiline)]
    private static partial Regex LineIndent();

    [GeneratedRegex(@"\n\s*\n+")]
    private static partial Regex BlankLines();
}
