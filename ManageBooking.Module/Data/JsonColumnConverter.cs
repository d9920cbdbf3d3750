using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ManageBooking.Data;

/// <summary>
/// Stores a small list (weekly hours, stakeholder emails) as one JSON text column, the same on SQLite and PostgreSQL;
/// nothing queries inside these lists.
/// </summary>
internal static class JsonColumnConverter
{
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static ValueConverter<List<T>, string> For<T>()
        => new(
            list => JsonSerializer.Serialize(list, SerializerOptions),
            json => JsonSerializer.Deserialize<List<T>>(json, SerializerOptions) ?? new List<T>());

    /// <summary>One small record as JSON; a null stays a NULL column.</summary>
    public static ValueConverter<T?, string> ForValue<T>()
        where T : class
        => new(
            value => JsonSerializer.Serialize(value, SerializerOptions),
            json => JsonSerializer.Deserialize<T>(json, SerializerOptions));

    public static ValueComparer<List<T>> Comparer<T>()
        => new(
            (a, b) => JsonSerializer.Serialize(a, SerializerOptions) == JsonSerializer.Serialize(b, SerializerOptions),
            list => JsonSerializer.Serialize(list, SerializerOptions).GetHashCode(StringComparison.Ordinal),
            list => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(list, SerializerOptions), SerializerOptions)!);
}
