using System.ComponentModel.DataAnnotations;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The sign-in form.</summary>
public sealed class LoginForm
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}
