using System.Text.Json.Serialization;

namespace ManageBooking.Api.Contracts;

/// <summary>A booking, with where it takes place and the answers given; the manage URL appears only in the answer that created it.</summary>
public sealed record BookingDto(
    string Reference,
    string Status,
    PageRefDto Page,
    CustomerDto Customer,
    IReadOnlyList<SessionDto> Sessions,
    int RescheduleCount,
    IReadOnlyList<string> AllowedActions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ManageUrl,
    LocationDto? Location,
    IReadOnlyList<AnswerDto> Answers);
