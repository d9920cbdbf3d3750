using Microsoft.Extensions.Localization;

[assembly: RootNamespace("ManageBooking")]
[assembly: ResourceLocation("Resources")]

namespace ManageBooking.Localization;

/// <summary>
/// The resource every customer-facing string is looked up in: Resources/Localization/SharedText.{culture}.resx. The keys
/// are the English text, so English needs no file and a missing translation reads as English rather than as a key.
/// One resource rather than one per view because views are overridden and moved by themes; their words should not be.
/// </summary>
#pragma warning disable CA1812 // Only ever a type argument (IStringLocalizer<SharedText>).
public sealed class SharedText
{
    private SharedText()
    {
    }
}
#pragma warning restore CA1812
