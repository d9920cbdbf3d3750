namespace ManageBooking.Localization;

/// <summary>A location as one reads it: the kind ("Video call"), what to know ("Call +1 555…", the address), and a link when there is one.</summary>
public sealed record LocationLine(string Kind, string Text, string? Href);
