namespace ManageBooking.Security;

/// <summary>
/// Marks pages that show one of the site's own documents in a frame (the rule editor's sandboxed email preview): their
/// policy allows <c>frame-src 'self'</c>; every other page frames nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FramesOwnDocumentsAttribute : Attribute;
