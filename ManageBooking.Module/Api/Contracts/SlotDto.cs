namespace ManageBooking.Api.Contracts;

/// <summary>A free slot, ISO 8601 with the viewer's offset.</summary>
public sealed record SlotDto(string Start, string End);
