using ManageBooking.Models;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One line of the admin bookings list.</summary>
public sealed record BookingRow(Guid Id, string Reference, string Customer, string Email, string Page, string When, BookingStatus Status)
{
    /// <summary>Staff asked the customer for a new time and they have not picked one yet.</summary>
    public bool RescheduleRequested { get; init; }
}
