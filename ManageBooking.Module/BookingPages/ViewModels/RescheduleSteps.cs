using NodaTime;

namespace ManageBooking.BookingPages.ViewModels;

/// <summary>
/// Where a customer is in a reschedule, carried in the address from step to step: the sessions to move, in order, and
/// the new times chosen so far (the first <c>start</c> is the first session's). Every step is a GET, so nothing changes
/// until the one POST of the summary.
/// </summary>
public sealed record RescheduleSteps(IReadOnlyList<Guid> Sessions, IReadOnlyList<string> Starts)
{
    public bool IsComplete => Sessions.Count > 0 && Starts.Count >= Sessions.Count;

    /// <summary>The session whose new time is being chosen.</summary>
    public Guid Current => Sessions[Math.Min(Starts.Count, Sessions.Count - 1)];

    public int Step => Math.Min(Starts.Count, Sessions.Count - 1);

    /// <summary>The new times chosen so far, read back; null when one of them is not a date-time.</summary>
    public IReadOnlyList<Instant>? ChosenStarts()
    {
        var parsed = Starts.Take(Sessions.Count).Select(Bookings.InputRules.ParseInstant).ToList();
        return parsed.All(p => p is not null) ? [.. parsed.Select(p => p!.Value)] : null;
    }

    /// <summary>The same steps with the last choice undone, to choose it again.</summary>
    public RescheduleSteps Back() => this with { Starts = [.. Starts.Take(Math.Max(0, Math.Min(Starts.Count, Sessions.Count) - 1))] };

    /// <summary>"session=…&amp;session=…&amp;start=…", for the next step's address.</summary>
    /// <remarks>An empty "start=" in an address binds as null: it goes on as empty, and the step asks for the time again.</remarks>
    public string Query()
        => string.Join('&', Sessions.Select(s => "session=" + s).Concat(Starts.Take(Sessions.Count).Select(s => "start=" + Uri.EscapeDataString(s ?? ""))));
}
