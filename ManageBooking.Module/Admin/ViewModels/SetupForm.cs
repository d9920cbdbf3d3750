using System.ComponentModel.DataAnnotations;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The first-run form that creates the first administrator.</summary>
public sealed class SetupForm
{
    [Required(ErrorMessage = "Enter an email.")]
    [EmailAddress(ErrorMessage = "Enter an email address.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choose a password.")]
    [MinLength(10, ErrorMessage = "Use at least 10 characters.")]
    public string? Password { get; set; }
}
