namespace ManageBooking.BookingPages.ViewModels;

/// <summary>The one summary before a reschedule is confirmed: every session's old and new time, and the reason if asked.</summary>
public sealed class RescheduleReviewViewModel
{
    public required ManageViewModel Booking { get; init; }

    public required RescheduleSteps Steps { get; init; }

    public required IReadOnlyList<RescheduleMoveLine> Moves { get; init; }

    /// <summary>Confirming turns a confirmed booking into a request awaiting the host's approval again.</summary>
    public bool WillBePending => Booking.IsManualApproval && !Booking.IsPending;

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
