using Microsoft.Data.Sqlite;

namespace ManageBooking.Data;

/// <summary>
/// SQLite's own change counter, <c>PRAGMA data_version</c>, read on one connection kept open for it: the value differs
/// from the last one it returned whenever any other connection, of this process or of another on the same file, has
/// committed since. A reader that remembers what it read together with this value may use it again while the value has
/// not moved, without asking the tables: no change of any row can have been committed in between.
/// <para>
/// One prepared statement on one connection, taken in turn: a step of a pragma, far cheaper than a query through EF
/// (a pooled connection opened, the statement parsed, the rows materialised). Null when the file cannot be read; the
/// caller then asks the tables as before.
/// </para>
/// </summary>
public sealed class SqliteDataVersion(string connectionString) : IStoreChangeMark, IDisposable
{
    private readonly Lock _turn = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _command;
    private bool _disposed;

    // Every request reads the counter, which rarely moves: the text of the last value is kept rather than made anew.
    private (long Value, string Text)? _last;

    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read());

    private string? Read()
    {
        lock (_turn)
        {
            if (_disposed)
            {
                return null;
            }

            try
            {
                if (_command is null)
                {
                    Open();
                }

                var value = (long)_command!.ExecuteScalar()!;
                if (_last is not { } last || last.Value != value)
                {
                    last = (value, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    _last = last;
                }

                return last.Text;
            }
            catch (SqliteException)
            {
                Close();
                return null;
            }
        }
    }

    public void Dispose()
    {
        lock (_turn)
        {
            _disposed = true;
            Close();
        }
    }

    private void Open()
    {
        // A connection of its own, outside the pool, that never writes: every commit is then "another connection's". Not
        // opened read-only: such a connection cannot set up a WAL file's shared index if it is the first to need it.
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        _command = _connection.CreateCommand();
        _command.CommandText = "PRAGMA data_version";
        _command.Prepare();
    }

    private void Close()
    {
        _command?.Dispose();
        _connection?.Dispose();
        _command = null;
        _connection = null;
    }
}
