using NodaTime;

namespace ManageBooking.Bookings;

/// <summary>One session to move and its new start; no session id means the booking's only movable one.</summary>
public sealed record RequestedMove(Guid? SessionId, Instant Start);
