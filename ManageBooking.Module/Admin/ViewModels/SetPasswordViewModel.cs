namespace ManageBooking.Admin.ViewModels;

/// <summary>The set-password page of a one-time link: whose account, and the form.</summary>
public sealed record SetPasswordViewModel(string Email, string Token, SetPasswordForm Form);
