using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>A session already on the calendar: its own time and the time its buffers hold.</summary>
public readonly record struct BusyInterval(Instant Start, Instant End, Instant BlockedStart, Instant BlockedEnd);
