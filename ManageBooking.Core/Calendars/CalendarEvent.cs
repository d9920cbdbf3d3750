using NodaTime;

namespace ManageBooking.Calendars;

/// <summary>
/// One session as a calendar entry. The UID stays the same for the session's whole life; SEQUENCE grows. Every text
/// value may hold anything a customer or an owner typed: the writer escapes it.
/// </summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    Instant Start,
    Instant End,
    string Summary,
    string? Description,
    Uri? Url,
    string? Location,
    bool Tentative,
    bool Cancelled)
{
    /// <summary>
    /// The UID of a session's entry: its lineage, shared by the session and every session that replaced it, so emails,
    /// downloads and webhooks all name one entry for the session's whole life.
    /// </summary>
    public static string UidOf(Guid lineageId) => $"{lineageId:N}@managebooking";
}
