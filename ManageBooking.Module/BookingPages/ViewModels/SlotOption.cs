namespace ManageBooking.BookingPages.ViewModels;

/// <summary>One start time in a picker: the ISO value posted back and the time shown.</summary>
public sealed record SlotOption(string Value, string Label, bool Selected);
