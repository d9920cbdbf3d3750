namespace ManageBooking.BookingPages.ViewModels;

/// <summary>One start time in a picker: the ISO value posted back, the time shown, and whether it is the session's current time (shown, not choosable).</summary>
public sealed record SlotOption(string Value, string Label, bool Selected, bool Current = false);
