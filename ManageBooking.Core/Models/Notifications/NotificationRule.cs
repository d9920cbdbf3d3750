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

    /// <summary>
    /// When staff deleted the rule, or null. A deleted rule keeps its row, without its tasks (addresses, secrets), so
    /// that seeding never brings a deleted default back and messages queued for it read as withdrawn.
    /// </summary>
    public DateTime? DeletedUtc { get; set; }

    public List<NotificationTask> Tasks { get; set; } = [];

    /// <summary>Changes with every save, so an editor opened before someone else saved cannot overwrite their change unseen.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// Each task with its identity: its own, or for a task saved before tasks had one, a stable id derived from the rule
    /// and the task's place, the same on every node.
    /// </summary>
    public IEnumerable<(Guid Id, NotificationTask Task)> IdentifiedTasks()
        => Tasks.Select((task, index) => (task.Id != Guid.Empty ? task.Id : DerivedTaskId(Id, index), task));

    /// <summary>The task a message serves, or null when the rule no longer has it.</summary>
    public NotificationTask? FindTask(Guid taskId) => IdentifiedTasks().Where(t => t.Id == taskId).Select(t => t.Task).FirstOrDefault();

    private static Guid DerivedTaskId(Guid ruleId, int index)
    {
        Span<byte> input = stackalloc byte[20];
        ruleId.TryWriteBytes(input);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(input[16..], index);
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}
