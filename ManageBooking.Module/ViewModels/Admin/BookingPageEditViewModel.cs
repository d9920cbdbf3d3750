namespace ManageBooking.ViewModels.Admin;

/// <summary>The editor with the policy as the customer will read it.</summary>
public sealed record BookingPageEditViewModel(Guid Id, string Slug, BookingPageForm Form, string CancelPreview, string ReschedulePreview);
