namespace ManageBooking.Api.Contracts;

/// <summary>Free slots in the zone they were asked for.</summary>
public sealed record SlotsDto(string TimeZone, IReadOnlyList<SlotDto> Slots);
