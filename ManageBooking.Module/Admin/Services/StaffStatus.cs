namespace ManageBooking.Admin.Services;

/// <summary>Where a staff account stands.</summary>
public enum StaffStatus
{
    /// <summary>Can sign in.</summary>
    Active,

    /// <summary>Invited, the password not set yet: the emailed link is the way in.</summary>
    Invited,

    /// <summary>Cannot sign in; every session of it has ended.</summary>
    Disabled,
}
