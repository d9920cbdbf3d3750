namespace ManageBooking.Admin.ViewModels;

/// <summary>A page of the audit list, newest first.</summary>
public sealed record AuditListViewModel(IReadOnlyList<Models.AuditEntry> Entries, string? Next);
