using System.Data.Common;
using Npgsql;

namespace ManageBooking.Data;

/// <summary>
/// The site's PostgreSQL connection string, with Npgsql's automatic preparation on unless the string says otherwise:
/// every page asks the same few statements thousands of times, and a prepared one skips PostgreSQL's parse and plan
/// (about half of a small query's time on the server). Prepared statements live on each pooled connection.
/// </summary>
public static class PostgresConnectionStrings
{
    /// <summary>How many statements each pooled connection keeps prepared, when the connection string names no number.</summary>
    public const int AutoPrepared = 64;

    public static string Resolve(string connectionString)
    {
        // A string that names the setting keeps it: 0 for a pooler that cannot carry prepared statements (PgBouncer in
        // transaction mode before 1.21). Npgsql's own builder answers ContainsKey for every keyword it knows, set or not,
        // so the string's own keys are read with the plain one.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return named ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPrepared }.ToString();
    }
}
