using ManageBooking.Models.Notifications;

namespace ManageBooking.Workflows.ViewModels;

/// <summary>
/// How the admin names events and rules. A reminder's hours are shown from its setting, never from its name, which an
/// owner may not have changed along with them; these are the English keys the admin's localizer formats.
/// </summary>
public static class RuleText
{
    /// <summary>An event as the new-rule form offers it.</summary>
    public static string Event(BookingEvent bookingEvent) => bookingEvent switch
    {
        BookingEvent.Requested => "Booking request received",
        BookingEvent.Confirmed => "Booking confirmed",
        BookingEvent.Approved => "Request approved",
        BookingEvent.Declined => "Request declined",
        BookingEvent.Rescheduled => "Booking rescheduled",
        BookingEvent.Cancelled => "Booking or sessions cancelled",
        BookingEvent.ReminderDue => "Reminder before each session (hours below)",
        BookingEvent.RescheduleRequested => "Staff asked for a new time",
        _ => bookingEvent.ToString(),
    };

    /// <summary>When a rule runs, as a format whose argument is the reminder's hours.</summary>
    public static string When(BookingEvent bookingEvent, int hours) => bookingEvent switch
    {
        BookingEvent.Requested => "A booking request arrives",
        BookingEvent.Confirmed => "A booking is confirmed",
        BookingEvent.Approved => "A request is approved",
        BookingEvent.Declined => "A request is declined",
        BookingEvent.Rescheduled => "A booking is rescheduled",
        BookingEvent.Cancelled => "A booking or some of its sessions are cancelled",
        BookingEvent.ReminderDue => hours == 1 ? "{0} hour before each session" : "{0} hours before each session",
        BookingEvent.RescheduleRequested => "Staff ask the customer to pick a new time",
        _ => bookingEvent.ToString(),
    };

    /// <summary>The name a rule is shown under, as a format: "{0}" is its name, "{1}" a reminder's hours.</summary>
    public static string Title(BookingEvent bookingEvent, int hours)
        => bookingEvent != BookingEvent.ReminderDue ? "{0}" : hours == 1 ? "{0} · {1} hour before" : "{0} · {1} hours before";
}
