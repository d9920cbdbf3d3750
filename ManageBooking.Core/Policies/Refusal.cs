namespace ManageBooking.Policies;

/// <summary>Why a change is not allowed; None when it is.</summary>
public enum Refusal
{
    None,
    SelfServiceOff,
    BookingCancelled,
    BookingDeclined,
    SessionCancelled,
    SessionStarted,
    CutoffPassed,
    MaxReschedulesReached,
}
