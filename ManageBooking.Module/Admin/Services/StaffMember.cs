namespace ManageBooking.Admin.Services;

/// <summary>A staff account as the staff screens show it: its email, its role (one per account) and its status.</summary>
public sealed record StaffMember(string Id, string Email, string? Role, StaffStatus Status);
