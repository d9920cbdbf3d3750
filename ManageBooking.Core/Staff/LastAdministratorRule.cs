using ManageBooking.Bookings;

namespace ManageBooking.Staff;

/// <summary>
/// A site always keeps one administrator who can sign in: nobody may remove, disable or demote the last one, themselves
/// included. Only accounts that are enabled and have a password count; an invitation not yet taken up runs nothing.
/// </summary>
public static class LastAdministratorRule
{
    /// <param name="workingAdministrators">The ids of the administrators who can sign in now.</param>
    /// <param name="targetId">The account the change is about.</param>
    /// <param name="change">What happens to it.</param>
    /// <param name="staysAdministrator">For a role change: whether the new role is Administrator.</param>
    /// <returns>The refusal, or null when the change leaves an administrator who can sign in.</returns>
    public static BookingFailure? Check(IReadOnlyCollection<string> workingAdministrators, string targetId, StaffChange change, bool staysAdministrator = false)
    {
        ArgumentNullException.ThrowIfNull(workingAdministrators);
        var leaves = change == StaffChange.ChangeRole && staysAdministrator
            || !workingAdministrators.Contains(targetId)
            || workingAdministrators.Any(id => id != targetId);
        return leaves
            ? null
            : BookingFailure.Refused(
                "The last administrator stays.",
                change switch
                {
                    StaffChange.Remove => "This is the only administrator who can sign in: make someone else an administrator before removing this account.",
                    StaffChange.Disable => "This is the only administrator who can sign in: make someone else an administrator before disabling this account.",
                    _ => "This is the only administrator who can sign in: make someone else an administrator before giving this account another role.",
                }) with { Field = FieldKey.Role };
    }
}
