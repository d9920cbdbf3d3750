namespace ManageBooking.Api.Contracts;

/// <summary>A page's self-service policy; durations in ISO 8601 (PT24H).</summary>
public sealed record ManagePolicyDto(
    bool Enabled,
    string CancelCutoff,
    string RescheduleCutoff,
    string CancelReason,
    string RescheduleReason,
    int? MaxReschedules,
    string? PolicyText);
