using System.Text;
using ManageBooking.Admin.ViewModels;
using ManageBooking.Data;
using ManageBooking.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Admin.Services;

/// <summary>
/// The bookings list's current tab, search, page and dates as CSV, streamed: rows are read from the database one at a time
/// and written as they come, so memory stays flat whatever the count. With a booking page chosen, each of its questions
/// is a column of its own; otherwise the answers share one column as "label: value" pairs.
/// </summary>
public sealed class BookingExport(BookingListQuery list, ManageBookingDbContext db)
{
    private const int FlushEvery = 500;

    public async Task WriteAsync(Stream output, BookingListCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(criteria);
        var pageSlug = criteria.PageSlug;
        var query = BookingListQuery.Ordered(await list.FilteredAsync(criteria, cancellationToken), criteria.Filter);
        var questions = string.IsNullOrWhiteSpace(pageSlug)
            ? null
            : (await db.BookingPages.AsNoTracking().Where(p => p.Slug == pageSlug).Select(p => p.Questions).FirstOrDefaultAsync(cancellationToken))
                ?.Select(q => (q.Key, q.Label)).ToList();

        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true);
        var line = new StringBuilder(512);
        foreach (var title in new[] { "Reference", "Status", "Reschedule requested", "Customer", "Email", "Customer's time zone", "Booking page", "First session (page's time)", "Page's time zone", "Booked (UTC)" })
        {
            BookingCsv.Append(line, title);
        }

        foreach (var (_, label) in questions ?? [])
        {
            BookingCsv.Append(line, label);
        }

        if (questions is null)
        {
            BookingCsv.Append(line, "Answers");
        }

        await writer.WriteLineAsync(line, cancellationToken);
        var rows = query
            .Select(b => new { b.Reference, b.Status, b.RescheduleRequestedUtc, b.CustomerName, b.CustomerEmail, b.CustomerTimeZoneId, Page = b.Page!.Title, Zone = b.Page.TimeZoneId, b.FirstStartUtc, b.CreatedUtc, b.Answers })
            .AsAsyncEnumerable();
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            var zone = Zones.FirstOrUtc(row.Zone);
            BookingCsv.Append(line, row.Reference);
            BookingCsv.Append(line, row.Status.ToString());
            BookingCsv.Append(line, row.RescheduleRequestedUtc is null ? "" : "yes");
            BookingCsv.Append(line, row.CustomerName);
            BookingCsv.Append(line, row.CustomerEmail);
            BookingCsv.Append(line, row.CustomerTimeZoneId);
            BookingCsv.Append(line, row.Page);
            BookingCsv.Append(line, BookingCsv.Local(row.FirstStartUtc, zone));
            BookingCsv.Append(line, zone.Id);
            BookingCsv.Append(line, row.CreatedUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            if (questions is null)
            {
                BookingCsv.Append(line, string.Join("; ", row.Answers.Select(a => a.Label + ": " + string.Join(", ", a.Values))));
            }
            else
            {
                foreach (var (key, _) in questions)
                {
                    BookingCsv.Append(line, string.Join(", ", row.Answers.FirstOrDefault(a => a.Key == key)?.Values ?? []));
                }
            }

            await writer.WriteLineAsync(line, cancellationToken);
            if (++written % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }
}
