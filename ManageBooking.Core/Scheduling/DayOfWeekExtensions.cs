using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>Converts the BCL's Sunday-first days to ISO days.</summary>
public static class DayOfWeekExtensions
{
    public static IsoDayOfWeek ToIsoDayOfWeek(this DayOfWeek day)
        => day == DayOfWeek.Sunday ? IsoDayOfWeek.Sunday : (IsoDayOfWeek)(int)day;
}
