namespace ManageBooking.Rendering;

/// <summary>What a <see cref="RenderedPage"/> fills in on each response.</summary>
public enum RenderHole
{
    /// <summary>The nonce the response's Content-Security-Policy names for the page's one style element.</summary>
    CspNonce,

    /// <summary>The antiforgery request token of the page's forms, paired with this visitor's cookie.</summary>
    AntiforgeryToken,
}
