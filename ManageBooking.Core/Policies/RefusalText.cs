namespace ManageBooking.Policies;

/// <summary>The words a customer reads for each refusal (localized by the web layer).</summary>
public static class RefusalText
{
    public static string Title(Refusal refusal) => refusal switch
    {
        Refusal.SelfServiceOff => "This booking can't be changed online.",
        Refusal.BookingCancelled => "This booking has been cancelled.",
        Refusal.BookingDeclined => "This booking request was declined.",
        Refusal.SessionCancelled => "That session has been cancelled.",
        Refusal.SessionStarted => "That session has already started.",
        Refusal.CutoffPassed => "It's too late to change that session online.",
        Refusal.MaxReschedulesReached => "This booking can't be rescheduled again.",
        _ => "",
    };

    public static string Detail(Refusal refusal) => refusal switch
    {
        Refusal.SelfServiceOff => "Contact the host to change or cancel it.",
        Refusal.BookingCancelled => "There is nothing left to change.",
        Refusal.BookingDeclined => "There is nothing left to change.",
        Refusal.SessionCancelled => "Choose a session that is still scheduled.",
        Refusal.SessionStarted => "Sessions can't be changed once they have started.",
        Refusal.CutoffPassed => "The booking policy no longer allows it. Contact the host if you need to.",
        Refusal.MaxReschedulesReached => "It has been rescheduled as many times as the policy allows. Contact the host if you need to.",
        _ => "",
    };
}
