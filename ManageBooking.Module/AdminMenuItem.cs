namespace ManageBooking;

/// <summary>
/// One entry of the admin's Scheduling menu, registered by the feature that owns the screen, so a switched-off feature
/// leaves no link behind; it carries its permission so nobody sees what they cannot open.
/// </summary>
public sealed record AdminMenuItem(string Label, string Url, Permission Permission, int Position);
