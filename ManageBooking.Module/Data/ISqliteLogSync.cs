namespace ManageBooking.Data;

/// <summary>Puts what was committed to a SQLite database in WAL mode on disk (see <see cref="SqliteLogSync"/>).</summary>
public interface ISqliteLogSync
{
    /// <summary>Returns once every transaction committed to the database file at <paramref name="databasePath"/> before the call is on disk (at once for an empty path: a temporary or in-memory database).</summary>
    Task SyncAsync(string databasePath, CancellationToken cancellationToken);
}
