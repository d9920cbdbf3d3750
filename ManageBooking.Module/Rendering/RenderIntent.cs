using NodaTime;

namespace ManageBooking.Rendering;

/// <summary>
/// Set by an action on a request whose page may be kept: the key that names everything the page shows, and until when
/// time leaves it unchanged. <see cref="RenderCaptureFilter"/> keeps the page once it has been rendered.
/// </summary>
public sealed record RenderIntent(string Key, Instant ValidUntil);
