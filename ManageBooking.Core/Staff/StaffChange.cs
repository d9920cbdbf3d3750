namespace ManageBooking.Staff;

/// <summary>A change to a staff account that can take an administrator away.</summary>
public enum StaffChange
{
    /// <summary>A new role; the account stays an administrator only if the new role is Administrator.</summary>
    ChangeRole,

    /// <summary>The account can no longer sign in, and its sessions end.</summary>
    Disable,

    /// <summary>The account is deleted.</summary>
    Remove,
}
