namespace ManageBooking.Api.Contracts;

/// <summary>A published booking page as clients see it, with its location and its questions (the content type's fields).</summary>
public sealed record BookingPageDto(
    string Slug,
    string Title,
    string TimeZone,
    int SessionMinutes,
    int SessionsPerBooking,
    string ApprovalMode,
    ManagePolicyDto Manage,
    LocationDto? Location,
    IReadOnlyList<QuestionDto> Questions);
