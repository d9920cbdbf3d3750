using ManageBooking.Admin.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>One staff account and what an administrator can do with it.</summary>
public sealed record StaffDetailsViewModel(StaffMember Member, IReadOnlyList<string> Roles, bool IsSelf, string? Notice, string? Message);
