namespace ManageBooking.Admin;

/// <summary>
/// ManageBooking:Admin: the first administrator made without the setup screen (tests, automated installs), and how the
/// admin lays out a week.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "ManageBooking:Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// The day the admin's week view starts on: Sunday (the default, as in the United States and Cal.com) or Monday
    /// (ISO 8601, most of Europe), or any other. The view opens on the week that holds today either way.
    /// </summary>
    public DayOfWeek FirstDayOfWeek { get; set; } = DayOfWeek.Sunday;
}
