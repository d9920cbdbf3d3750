namespace ManageBooking.Scheduling;

/// <summary>Why a requested start can or cannot be booked.</summary>
public enum SlotCheck
{
    Free,

    /// <summary>Not one of the page's start times (outside the hours, off the grid, or a local time that does not exist).</summary>
    NotASlot,

    /// <summary>In the past or inside the minimum notice.</summary>
    TooSoon,

    /// <summary>Beyond the booking horizon.</summary>
    BeyondHorizon,

    /// <summary>A valid start, but the calendar has no free seat then.</summary>
    Taken,
}
