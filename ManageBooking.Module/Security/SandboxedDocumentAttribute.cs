namespace ManageBooking.Security;

/// <summary>
/// Marks an answer that shows owner-written HTML (an email preview). It is served under a policy of its own: sandboxed
/// (no script at all, an opaque origin, no forms), its inline styles allowed (emails are styled inline), images from
/// anywhere an email's may come from, and framed only by the site's own pages.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SandboxedDocumentAttribute : Attribute
{
    /// <summary>
    /// A frame inside the document (each language's email, as <c>srcdoc</c>) inherits this policy: no script there either.
    /// </summary>
    public const string ContentSecurityPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; "
        + "form-action 'none'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";
}
