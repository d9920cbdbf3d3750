namespace ManageBooking.BookingPages.ViewModels;

/// <summary>One session of a reschedule on its summary: which, from when, to when (the ISO start posted back).</summary>
public sealed record RescheduleMoveLine(Guid SessionId, string From, string Start, string To);
