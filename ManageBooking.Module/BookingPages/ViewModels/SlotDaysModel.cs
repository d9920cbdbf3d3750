namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The day-by-day time picker: radios for one time, checkboxes for a package.</summary>
public sealed record SlotDaysModel(IReadOnlyList<SlotDay> Days, bool Multiple, string InputName = "Starts");
