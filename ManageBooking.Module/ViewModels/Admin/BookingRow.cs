using ManageBooking.Models;

namespace ManageBooking.ViewModels.Admin;

/// <summary>One line of the admin bookings list.</summary>
public sealed record BookingRow(Guid Id, string Reference, string Customer, string Email, string Page, string When, BookingStatus Status);
