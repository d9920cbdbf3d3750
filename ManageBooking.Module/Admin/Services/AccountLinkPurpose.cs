namespace ManageBooking.Admin.Services;

/// <summary>Why a staff member gets a link to set a password.</summary>
public enum AccountLinkPurpose
{
    /// <summary>A new account: the link is how the person gets in at all.</summary>
    Invite,

    /// <summary>An administrator sent a new-password link to an existing account.</summary>
    Reset,
}
