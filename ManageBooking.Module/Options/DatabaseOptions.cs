namespace ManageBooking.Options;

/// <summary>Which database holds the bookings.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
