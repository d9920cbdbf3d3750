namespace ManageBooking.Bookings;

/// <summary>The classes of expected failure, each answered with its own HTTP status.</summary>
public enum FailureKind
{
    /// <summary>The input is malformed (400).</summary>
    Invalid,

    /// <summary>The page, booking or token is unknown (404).</summary>
    NotFound,

    /// <summary>The slot was taken or the booking changed meanwhile (409).</summary>
    Conflict,

    /// <summary>Well-formed, but the policy or the booking's state refuses it (422).</summary>
    Refused,
}
