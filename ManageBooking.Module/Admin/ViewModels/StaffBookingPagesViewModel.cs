namespace ManageBooking.Admin.ViewModels;

/// <summary>The pages staff can book on for a customer, published or not.</summary>
public sealed record StaffBookingPagesViewModel(IReadOnlyList<StaffBookingPageLine> Pages);
