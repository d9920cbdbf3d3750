namespace ManageBooking.Admin.ViewModels;

/// <summary>The new password, twice.</summary>
public sealed class SetPasswordForm
{
    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
