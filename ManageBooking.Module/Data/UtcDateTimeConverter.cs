using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ManageBooking.Data;

/// <summary>Every DateTime in the model is UTC; SQLite forgets the kind on the way back, so it is restored here.</summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(
            value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value.ToUniversalTime(), DateTimeKind.Utc),
            value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
    {
    }
}
