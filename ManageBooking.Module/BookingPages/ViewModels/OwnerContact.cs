namespace ManageBooking.BookingPages.ViewModels;

/// <summary>How a customer reaches the owner: the owner's own words when they set them, else their name and email.</summary>
public sealed record OwnerContact(string Name, string Email, string? Text);
