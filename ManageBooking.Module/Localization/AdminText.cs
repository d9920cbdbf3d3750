namespace ManageBooking.Localization;

/// <summary>
/// The resource the admin area's strings are looked up in, apart from the customers' <see cref="SharedText"/>: the admin
/// area is English for now, and a translation of it (AdminText.{culture}.resx) can come without touching the customers'.
/// </summary>
#pragma warning disable CA1812 // Only ever a type argument (IHtmlLocalizer<AdminText>).
public sealed class AdminText
{
    private AdminText()
    {
    }
}
#pragma warning restore CA1812
