using System.Net;

namespace ManageBooking.Security;

/// <summary>ManageBooking:Security: who may frame the pages, and which proxies' forwarded headers are believed.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "ManageBooking:Security";

    /// <summary>
    /// The CSP frame-ancestors sources, separated by spaces: 'none' (the default), 'self', or origins such as
    /// https://www.example.com for a site that embeds the booking page.
    /// </summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>
    /// Addresses (10.0.0.5) and networks (10.0.0.0/8) of the reverse proxies in front of the site, separated by spaces or
    /// commas. Only a request arriving from one of them has its X-Forwarded-For and X-Forwarded-Proto believed; empty
    /// means no proxy, and the connection's own address and scheme count.
    /// </summary>
    public string? ForwardedHeaders { get; set; }

    /// <summary>The frame-ancestors sources as CSP writes them.</summary>
    public IReadOnlyList<string> FrameAncestorSources()
        => (FrameAncestors ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The proxies, as single addresses and networks; a malformed entry makes the options invalid.</summary>
    public (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<IPNetwork> Networks) TrustedProxies()
    {
        var proxies = new List<IPAddress>();
        var networks = new List<IPNetwork>();
        foreach (var entry in (ForwardedHeaders ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (entry.Contains('/', StringComparison.Ordinal))
            {
                networks.Add(IPNetwork.Parse(entry));
            }
            else
            {
                proxies.Add(IPAddress.Parse(entry));
            }
        }

        return (proxies, networks);
    }

    /// <summary>What is wrong with these options, or null; checked when the site starts.</summary>
    public string? Problem()
    {
        var sources = FrameAncestorSources();
        if (sources.Count == 0)
        {
            return $"{SectionName}:FrameAncestors is empty: use 'none', 'self' or origins such as https://www.example.com.";
        }

        foreach (var source in sources)
        {
            if (!IsFrameSource(source))
            {
                return $"{SectionName}:FrameAncestors has '{source}': use 'none', 'self' or origins such as https://www.example.com.";
            }
        }

        if (sources.Contains("'none'") && sources.Count > 1)
        {
            return $"{SectionName}:FrameAncestors: 'none' cannot be combined with other sources.";
        }

        foreach (var entry in (ForwardedHeaders ?? "").Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var valid = entry.Contains('/', StringComparison.Ordinal) ? IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _);
            if (!valid)
            {
                return $"{SectionName}:ForwardedHeaders has '{entry}': list proxy addresses (10.0.0.5) or networks (10.0.0.0/8).";
            }
        }

        return null;
    }

    /// <summary>'self', or an https/http origin, optionally with a leading *. for subdomains: nothing that can end the directive.</summary>
    private static bool IsFrameSource(string source)
    {
        if (source is "'self'" or "'none'")
        {
            return true;
        }

        var host = source.Replace("://*.", "://", StringComparison.Ordinal);
        return (host.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || host.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && Uri.TryCreate(host, UriKind.Absolute, out var uri)
            && uri.AbsolutePath == "/"
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment)
            && string.IsNullOrEmpty(uri.UserInfo)
            && !source.Any(c => c is ';' or ',' or '\'' or '"' || char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
