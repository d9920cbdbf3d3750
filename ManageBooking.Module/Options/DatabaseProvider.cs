namespace ManageBooking.Options;

/// <summary>The supported stores: an embedded SQLite file, or PostgreSQL shared by several web nodes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
