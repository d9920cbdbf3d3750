namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The free start times of one day in the viewer's zone.</summary>
public sealed record SlotDay(string Label, string IsoDate, IReadOnlyList<SlotOption> Slots);
