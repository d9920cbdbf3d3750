namespace ManageBooking.Models.Notifications;

/// <summary>A workflow rule: when <see cref="Event"/> happens (on one page or any), run the tasks in order.</summary>
public sealed class NotificationRule
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    public BookingEvent Event { get; set; }

    /// <summary>Only bookings of this page; null for every page.</summary>
    public Guid? BookingPageId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>For <see cref="BookingEvent.ReminderDue"/>: how many hours before each session.</summary>
    public int ReminderHours { get; set; } = 24;

    public int Order { get; set; }

    public List<NotificationTask> Tasks { get; set; } = [];
}
