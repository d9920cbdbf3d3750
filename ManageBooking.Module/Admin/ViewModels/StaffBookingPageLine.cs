namespace ManageBooking.Admin.ViewModels;

/// <summary>One page staff can book on: where, what, and whether customers can see it.</summary>
public sealed record StaffBookingPageLine(Guid Id, string Title, string Slug, int SessionsPerBooking, int SessionMinutes, bool IsPublished);
