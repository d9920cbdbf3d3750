using Microsoft.Data.Sqlite;

namespace ManageBooking.Data;

/// <summary>SQLite resolves a relative file against the working directory; the site means its content root.</summary>
public static class SqliteConnectionStrings
{
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:"
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }
}
