namespace ManageBooking.Admin.ViewModels;

/// <summary>What staff are choosing sessions for.</summary>
public enum SessionChoice
{
    Reschedule,
    Cancel,
}
