using ManageBooking.Bookings;
using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>The dates and zone a person asked to see slots for, checked and turned into instants.</summary>
public sealed record SlotWindow(DateTimeZone Zone, LocalDate From, LocalDate To, Interval Range)
{
    /// <summary>How many days one request may span, so that a client cannot ask for years of slots at once.</summary>
    public const int MaxDays = 62;

    /// <summary>Without dates, the week starting today in the viewer's zone; without a zone, <paramref name="fallbackZone"/>.</summary>
    public static Outcome<SlotWindow> Parse(string? from, string? to, string? timeZone, DateTimeZone fallbackZone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(fallbackZone);
        var errors = new Dictionary<FieldKey, string[]>();
        var zone = fallbackZone;
        if (!string.IsNullOrWhiteSpace(timeZone))
        {
            var parsed = Zones.Find(timeZone);
            if (parsed is null)
            {
                errors[FieldKey.TimeZone] = ["Unknown time zone: use an IANA name such as America/New_York."];
            }
            else
            {
                zone = parsed;
            }
        }

        var today = now.InZone(zone).Date;
        var fromDate = string.IsNullOrWhiteSpace(from) ? today : InputRules.ParseScheduleDate(from);
        if (fromDate is null)
        {
            errors[FieldKey.From] = [$"Use a date in the form yyyy-MM-dd, {InputRules.DateRangeText}."];
        }

        var toDate = string.IsNullOrWhiteSpace(to) ? fromDate?.PlusDays(6) : InputRules.ParseScheduleDate(to);
        if (toDate is null && !errors.ContainsKey(FieldKey.From))
        {
            errors[FieldKey.To] = [$"Use a date in the form yyyy-MM-dd, {InputRules.DateRangeText}."];
        }

        if (fromDate is { } f && toDate is { } t)
        {
            if (t < f)
            {
                errors[FieldKey.To] = ["The end date must not be before the start date."];
            }
            else if (Period.Between(f, t, PeriodUnits.Days).Days >= MaxDays)
            {
                errors[FieldKey.To] = [$"Ask for at most {MaxDays} days at a time."];
            }
        }

        if (errors.Count > 0)
        {
            return BookingFailure.Invalid(errors);
        }

        return Outcome<SlotWindow>.Success(new SlotWindow(zone, fromDate!.Value, toDate!.Value, ViewerRange.Of(fromDate.Value, toDate.Value, zone)));
    }
}
