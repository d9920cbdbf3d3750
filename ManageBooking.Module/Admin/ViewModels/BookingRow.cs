using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One line of the admin bookings list.</summary>
public sealed record BookingRow(Guid Id, string Reference, string Customer, string Email, string Page, string When, BookingStatus Status)
{
    /// <summary>The zone <see cref="When"/> is in (its page's), as "Europe/Paris · UTC+01:00 · CET".</summary>
    public string Zone { get; init; } = "";

    /// <summary>The first session has started: the booking is on the Past tab, whatever its status.</summary>
    public bool IsPast { get; init; }

    /// <summary>Staff asked the customer for a new time and they have not picked one yet.</summary>
    public bool RescheduleRequested { get; init; }

    /// <summary>No-show when the customer missed a session, else attended when staff marked one; null when none is marked.</summary>
    public Attendance? Attendance { get; init; }
}
