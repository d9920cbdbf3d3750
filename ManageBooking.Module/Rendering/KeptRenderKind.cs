namespace ManageBooking.Rendering;

/// <summary>What a kept page shows, and so which versions key it.</summary>
public enum KeptRenderKind
{
    /// <summary>One booking through its manage token: the booking's and its page's versions.</summary>
    Booking,

    /// <summary>A booking page by slug: the page's version and its calendar's write count.</summary>
    Page,
}
