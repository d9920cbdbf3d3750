namespace ManageBooking.Api.Contracts;

/// <summary>A published booking page as clients see it.</summary>
public sealed record BookingPageDto(
    string Slug,
    string Title,
    string TimeZone,
    int SessionMinutes,
    int SessionsPerBooking,
    string ApprovalMode,
    ManagePolicyDto Manage);
