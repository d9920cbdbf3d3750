using ManageBooking.Models;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The reason box as the page's rule asks for it: hidden, optional or required.</summary>
public sealed record ReasonFieldModel(ReasonRule Rule, string Label, string? Value);
