using System.Globalization;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ManageBooking.BookingPages.Services;

/// <summary>Creates bookings: the one way in for the booking page, the API and the admin.</summary>
public sealed partial class BookingService(
    ManageBookingDbContext db,
    CalendarLock calendarLock,
    BusyCalendarLoader busyLoader,
    ManageLinks links,
    SqliteBatchWriter batchWriter,
    IEnumerable<IBookingNotifications> notifications,
    Localization.SiteCultures cultures,
    TimeProvider clock,
    Operations.ManageBookingMetrics metrics,
    ILogger<BookingService> logger)
{
    public async Task<Outcome<CreatedBooking>> CreateAsync(string slug, NewBookingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var page = await BookingPageQueries.FindPublishedAsync(db, slug, cancellationToken);
        return Counted(page is null
            ? BookingFailure.NotFound("There is no booking page at this address.")
            : await CreateCoreAsync(page, input, staff: null, notifyCustomer: true, cultures.Chosen(CultureInfo.CurrentUICulture), cancellationToken));
    }

    /// <summary>
    /// Staff book for a customer (on the phone, say) on any page, published or not: the same checks, lock and notices as
    /// a customer's booking, by the staff schedule (inside the notice or past the horizon, never onto a taken time),
    /// confirmed at once, in the history as theirs. <paramref name="notifyCustomer"/> false tells only the team;
    /// <paramref name="culture"/> is the language of the customer's emails (null: the site's own).
    /// </summary>
    public async Task<Outcome<CreatedBooking>> CreateForCustomerAsync(
        Guid pageId, NewBookingInput input, bool notifyCustomer, string? culture, ActorInfo staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(staff);
        var page = await db.BookingPages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pageId, cancellationToken);
        var language = string.IsNullOrEmpty(culture) ? cultures.Default : cultures.Supported.FirstOrDefault(c => c.Name == culture);
        return Counted(page is null ? BookingFailure.NotFound("There is no such booking page.")
            : language is null ? BookingFailure.Invalid(FieldKey.Culture, "Choose one of the site's languages.")
            : await CreateCoreAsync(page, input, staff, notifyCustomer, cultures.Chosen(language), cancellationToken));
    }

    private Outcome<CreatedBooking> Counted(Outcome<CreatedBooking> outcome)
    {
        if (outcome.Succeeded)
        {
            metrics.BookingCreated(outcome.Value.Booking.Status);
        }
        else
        {
            metrics.BookingRefused(outcome.Failure.Kind);
        }

        return outcome;
    }

    private async Task<Outcome<CreatedBooking>> CreateCoreAsync(
        Models.BookingPage page, NewBookingInput input, ActorInfo? staff, bool notifyCustomer, string? culture, CancellationToken cancellationToken)
    {
        var validated = NewBookingValidator.Validate(page, input);
        if (!validated.Succeeded)
        {
            return validated.Failure;
        }

        var request = validated.Value;
        var schedule = PageSchedule.For(page, staff?.Kind ?? Models.Actor.Customer);
        var now = clock.GetCurrentInstant();

        // Everything that does not depend on the calendar's other sessions is done before the calendar is held: the
        // writers of one calendar (on SQLite, every writer) queue for it, so what need not wait in that queue does not.
        // The booking, its sessions, history and outbox rows are tracked now and written by the save inside the lock.
        var reference = await NewReferenceAsync(cancellationToken);
        var booking = BookingFactory.Create(page, schedule, request, now, reference, staff);
        booking.Culture = culture;
        var tracked = db.ChangeTracker.Entries().Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        db.Bookings.Add(booking);
        try
        {
            var bookingEvent = booking.Status == Models.BookingStatus.Pending ? BookingEvent.Requested : BookingEvent.Confirmed;
            var notified = NotificationPlan.Off;
            foreach (var notifier in notifications)
            {
                var notice = new BookingNotice(bookingEvent, booking, page, booking.Sessions) { NotifyCustomer = notifyCustomer };
                notified = notified.Add(await notifier.PlanAsync(notice, cancellationToken));
            }

            if (SqliteBatchWriter.Applies(db))
            {
                return await CreateBatchedAsync(page, request, schedule, now, booking, tracked, notified, cancellationToken);
            }

            await using var transaction = await calendarLock.AcquireAsync(page.CalendarId, cancellationToken);
            var busy = await busyLoader.LoadAsync(
                page.CalendarId, request.Starts[0], request.Starts[^1], schedule, exceptSessionIds: null, cancellationToken);
            var check = Check(schedule, busy, request.Starts, now);
            if (check != SlotCheck.Free)
            {
                Forget(tracked);
                return SlotRefusal.For(check);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Booked(booking, page, notified);
        }
        catch
        {
            Forget(tracked);
            throw;
        }
    }

    /// <summary>
    /// On SQLite, outside a transaction of the caller's: the booking's rows leave this context for the batch writer, which
    /// holds the calendar, checks the starts and saves them in a transaction it may share with other requests' bookings
    /// (each in a savepoint of its own), and answers once that transaction is on disk.
    /// </summary>
    private async Task<Outcome<CreatedBooking>> CreateBatchedAsync(
        Models.BookingPage page, NewBookingRequest request, PageSchedule schedule, Instant now, Models.Booking booking,
        HashSet<object> trackedBefore, NotificationPlan notified, CancellationToken cancellationToken)
    {
        var rows = Added(trackedBefore);
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }

        var check = SlotCheck.Free;
        var kept = await batchWriter.WriteAsync(
            async (writer, token) =>
            {
                await CalendarLock.HoldAsync(writer, page.CalendarId, token);
                var busy = await BusyCalendarLoader.LoadAsync(
                    writer, page.CalendarId, request.Starts[0], request.Starts[^1], schedule, exceptSessionIds: null, token);
                check = Check(schedule, busy, request.Starts, now);
                if (check != SlotCheck.Free)
                {
                    return false;
                }

                // Each row by itself: the booking's graph holds nothing else to insert, and its page is not to be tracked.
                foreach (var row in rows)
                {
                    writer.Entry(row).State = EntityState.Added;
                }

                await writer.SaveChangesAsync(token);
                return true;
            },
            cancellationToken);
        return kept ? Booked(booking, page, notified) : SlotRefusal.For(check);
    }

    /// <summary>A package books all of its sessions or none: each is checked against the calendar and the ones before it.</summary>
    private static SlotCheck Check(PageSchedule schedule, BusyCalendar busy, IReadOnlyList<Instant> starts, Instant now)
    {
        foreach (var start in starts)
        {
            var check = SlotEngine.Check(schedule, busy, start, now);
            if (check != SlotCheck.Free)
            {
                return check;
            }

            busy.Add(SlotEngine.Occupy(schedule, start));
        }

        return SlotCheck.Free;
    }

    private Outcome<CreatedBooking> Booked(Models.Booking booking, Models.BookingPage page, NotificationPlan notified)
    {
        LogBooked(booking.Reference, page.Slug, booking.Sessions.Count, booking.Status);
        return Outcome<CreatedBooking>.Success(new CreatedBooking(booking, page, links.TokenFor(booking)) { Notified = notified });
    }

    /// <summary>What this booking added to the context: the booking, its sessions, history and outbox rows.</summary>
    private List<object> Added(HashSet<object> trackedBefore)
        => [.. db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !trackedBefore.Contains(e.Entity)).Select(e => e.Entity)];

    /// <summary>
    /// A booking refused or failed leaves nothing behind: what it added to the context (the booking, its sessions, history
    /// and outbox rows) is no longer tracked, so no later save of the caller's writes it.
    /// </summary>
    private void Forget(HashSet<object> trackedBefore)
    {
        foreach (var entity in Added(trackedBefore))
        {
            db.Entry(entity).State = EntityState.Detached;
        }
    }

    private async Task<string> NewReferenceAsync(CancellationToken cancellationToken)
    {
        // 30^6 references make a clash rare; the unique index stays the last word.
        while (true)
        {
            var reference = BookingReference.New();
            if (!await ReferenceTakenQuery.For(db)(db, reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    private static readonly PerModelQuery<Func<ManageBookingDbContext, string, CancellationToken, Task<bool>>> ReferenceTakenQuery = new(() => EF.CompileAsyncQuery(
        (ManageBookingDbContext context, string reference, CancellationToken _) => context.Bookings.Any(b => b.Reference == reference)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Booking {Reference} made on {Slug} with {Sessions} session(s), {Status}")]
    private partial void LogBooked(string reference, string slug, int sessions, Models.BookingStatus status);
}
