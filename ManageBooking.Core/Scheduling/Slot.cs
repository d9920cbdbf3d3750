using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>A bookable start and end.</summary>
public readonly record struct Slot(Instant Start, Instant End);
