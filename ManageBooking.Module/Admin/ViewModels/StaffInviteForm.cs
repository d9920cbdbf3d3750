namespace ManageBooking.Admin.ViewModels;

/// <summary>The invitation form: whom, with which role. Checked by Core's rules, not by attributes.</summary>
public sealed class StaffInviteForm
{
    public string? Email { get; set; }

    public string? Role { get; set; }
}
