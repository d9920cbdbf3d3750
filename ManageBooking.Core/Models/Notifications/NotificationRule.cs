namespace ManageBooking.Models.Notifications;

/// <summary>A workflow rule: when <see cref="Event"/> happens (on one page or any), run the tasks in order.</summary>
public sealed class NotificationRule
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public string Name { get; set; } = "";

    /// <summary>
    /// Which default rule this row was seeded as (unique), so seeding can never insert it twice; null for rules staff
    /// created.
    /// </summary>
    public string? SeedKey { get; set; }

    public BookingEvent Event { get; set; }

    /// <summary>Only bookings of this page; null for every page.</summary>
    public Guid? BookingPageId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>For <see cref="BookingEvent.ReminderDue"/>: how many hours before each session.</summary>
    public int ReminderHours { get; set; } = 24;

    public int Order { get; set; }

    public List<NotificationTask> Tasks { get; set; } = [];
}
