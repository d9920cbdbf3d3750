namespace ManageBooking.Models;

/// <summary>What an audit entry records.</summary>
public enum AuditAction
{
    StaffInvited,
    StaffRoleChanged,
    StaffDisabled,
    StaffEnabled,
    StaffPasswordReset,
    StaffRemoved,
    StaffPasswordSet,
    RuleCreated,
    RuleChanged,
    RuleDeleted,
}
