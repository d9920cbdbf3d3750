using System.Diagnostics;
using System.Diagnostics.Metrics;
using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Models.Outbox;

namespace ManageBooking.Operations;

/// <summary>
/// The module's instruments, under one meter (<see cref="MeterName"/>) that <c>dotnet-counters monitor -n … ManageBooking</c>
/// and any OpenTelemetry collector (<c>AddMeter("ManageBooking")</c>) read. Tags are small closed sets (no references,
/// addresses or slugs), so a busy site never grows a series per booking.
/// </summary>
public sealed class ManageBookingMetrics
{
    public const string MeterName = "ManageBooking";

    private readonly Counter<long> _bookingsCreated;
    private readonly Counter<long> _bookingsRefused;
    private readonly Counter<long> _bookingsChanged;
    private readonly Counter<long> _changesRefused;
    private readonly Counter<long> _notificationsSent;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _renderLookups;
    private readonly Counter<long> _renderVersions;
    private OutboxBacklog _backlog = new(0, TimeSpan.Zero);

    public ManageBookingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _bookingsCreated = Meter.CreateCounter<long>("managebooking.bookings.created", "{booking}", "Bookings made, by status (Confirmed, Pending).");
        _bookingsRefused = Meter.CreateCounter<long>("managebooking.bookings.refused", "{booking}", "Bookings refused, by reason (invalid, not_found, conflict, refused).");
        _bookingsChanged = Meter.CreateCounter<long>("managebooking.bookings.changed", "{change}", "Changes to bookings, by kind (the booking event) and actor (Customer, Staff, System).");
        _changesRefused = Meter.CreateCounter<long>("managebooking.bookings.change_refused", "{change}", "Changes refused, by reason and actor.");
        _notificationsSent = Meter.CreateCounter<long>("managebooking.notifications.sent", "{message}", "Outbox send attempts, by channel (email, webhook) and outcome (done, failed, withdrawn).");
        _sendDuration = Meter.CreateHistogram<double>("managebooking.notifications.send.duration", "s", "How long one outbox send took, by channel and outcome.");
        _renderLookups = Meter.CreateCounter<long>("managebooking.render_cache.lookups", "{lookup}", "Customer pages and answers looked up among those already rendered on this node, by outcome (hit, miss).");
        _renderVersions = Meter.CreateCounter<long>("managebooking.render_cache.versions", "{lookup}", "Versions of kept pages' rows, by source: read from the tables, or recalled because SQLite's change counter saw no commit since they were read.");
        Meter.CreateObservableGauge("managebooking.outbox.backlog", () => Volatile.Read(ref _backlog).Due, "{message}", "Messages due and not yet sent, as the dispatcher found them at its last tick on this node.");
        Meter.CreateObservableGauge("managebooking.outbox.oldest_due_age", () => Volatile.Read(ref _backlog).OldestAge.TotalSeconds, "s", "How long the oldest due message had waited, at the dispatcher's last tick on this node.");
    }

    /// <summary>The meter itself: tests listen to this instance only, not to other sites in the same process.</summary>
    public Meter Meter { get; }

    public void RenderLookedUp(bool hit) => _renderLookups.Add(1, new KeyValuePair<string, object?>("outcome", hit ? "hit" : "miss"));

    public void RenderVersionsFound(bool recalled) => _renderVersions.Add(1, new KeyValuePair<string, object?>("source", recalled ? "recalled" : "read"));

    public void BookingCreated(BookingStatus status) => _bookingsCreated.Add(1, new KeyValuePair<string, object?>("status", status.ToString()));

    public void BookingRefused(FailureKind reason) => _bookingsRefused.Add(1, new KeyValuePair<string, object?>("reason", ReasonOf(reason)));

    public void BookingChanged(BookingEvent? kind, Actor actor) => _bookingsChanged.Add(
        1, new KeyValuePair<string, object?>("kind", kind?.ToString() ?? "Updated"), new KeyValuePair<string, object?>("actor", actor.ToString()));

    public void ChangeRefused(FailureKind reason, Actor actor) => _changesRefused.Add(
        1, new KeyValuePair<string, object?>("reason", ReasonOf(reason)), new KeyValuePair<string, object?>("actor", actor.ToString()));

    public void NotificationSent(OutboxKind channel, string outcome, TimeSpan took)
    {
        var tags = new TagList { { "channel", channel.ToString().ToLowerInvariant() }, { "outcome", outcome.ToLowerInvariant() } };
        _notificationsSent.Add(1, tags);
        _sendDuration.Record(took.TotalSeconds, tags);
    }

    public void OutboxSeen(int due, TimeSpan oldestAge) => Volatile.Write(ref _backlog, new OutboxBacklog(due, oldestAge < TimeSpan.Zero ? TimeSpan.Zero : oldestAge));

    private static string ReasonOf(FailureKind reason) => reason switch
    {
        FailureKind.Invalid => "invalid",
        FailureKind.NotFound => "not_found",
        FailureKind.Conflict => "conflict",
        _ => "refused",
    };

    private sealed record OutboxBacklog(int Due, TimeSpan OldestAge);
}
