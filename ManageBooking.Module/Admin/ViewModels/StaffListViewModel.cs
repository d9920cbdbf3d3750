using ManageBooking.Admin.Services;

namespace ManageBooking.Admin.ViewModels;

/// <summary>The staff screen: every account, and the invitation form.</summary>
public sealed record StaffListViewModel(IReadOnlyList<StaffMember> Staff, StaffInviteForm Form, IReadOnlyList<string> Roles, string? Notice);
