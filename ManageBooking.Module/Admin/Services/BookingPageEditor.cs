using ManageBooking.Admin.ViewModels;
using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Locations;
using ManageBooking.Models;
using ManageBooking.Options;
using ManageBooking.Questions;
using ManageBooking.Scheduling;
using ManageBooking.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Creating and editing booking pages: the editor's form read through Core's rules (names, addresses, zones, hours,
/// location, questions), the address kept unique, a calendar made for a new owner, and a save that loses no one's
/// changes. The controller only binds the form, calls this and shows the outcome.
/// </summary>
public sealed class BookingPageEditor(ManageBookingDbContext db, TimeProvider clock, IOptions<ManageBookingOptions> site)
{
    /// <summary>A new page's starting values: weekdays 9 to 5 in the office's zone.</summary>
    public BookingPage Blank() => new()
    {
        TimeZoneId = Zones.FirstOrUtc(site.Value.TimeZone).Id,
        WeeklyHours = [.. BookingPageForm.Days.Take(5).Select(d => new WeeklyHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
    };

    /// <summary>Saves an existing page, unless the form breaks a rule or someone saved it since the form was opened.</summary>
    /// <param name="bound">Whether the form bound without errors; a page is never saved from a form that did not.</param>
    public async Task<PageEditOutcome> UpdateAsync(Guid id, BookingPageForm form, bool bound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var page = await db.BookingPages.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (page is null)
        {
            return PageEditOutcome.NotFound;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var content = Read(form, errors);
        if (form.Version != page.Version)
        {
            errors[""] = ["Someone else saved this page after you opened it. Reload to see their changes, then make yours again."];
            return PageEditOutcome.Conflict(page, errors);
        }

        if (errors.Count > 0 || !bound)
        {
            return PageEditOutcome.Invalid(page, errors);
        }

        Apply(form, content, page);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            errors[""] = ["Someone else saved this page at the same moment. Reload to see their changes, then make yours again."];
            return PageEditOutcome.Conflict(page, errors);
        }

        return PageEditOutcome.Saved(page);
    }

    /// <summary>Creates a page at an address no other page has, on the chosen calendar or a new one named after the owner.</summary>
    public async Task<PageEditOutcome> CreateAsync(BookingPageForm form, bool bound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var content = Read(form, errors);
        if (string.IsNullOrWhiteSpace(form.Slug))
        {
            errors[nameof(form.Slug)] = ["Choose the page's address."];
        }
        else if (await db.BookingPages.AnyAsync(p => p.Slug == form.Slug, cancellationToken))
        {
            errors[nameof(form.Slug)] = ["Another page already has this address."];
        }

        if (form.CalendarId is { } chosen && !await db.Calendars.AnyAsync(c => c.Id == chosen, cancellationToken))
        {
            errors[nameof(form.CalendarId)] = ["Choose a calendar from the list."];
        }

        if (errors.Count > 0 || !bound)
        {
            return PageEditOutcome.Invalid(null, errors);
        }

        var calendarId = form.CalendarId;
        if (calendarId is null)
        {
            var calendar = new Calendar { Name = PersonName.Clean(form.OwnerName) };
            db.Calendars.Add(calendar);
            calendarId = calendar.Id;
        }

        var page = new BookingPage { Slug = form.Slug!, CalendarId = calendarId.Value, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        Apply(form, content, page);
        db.BookingPages.Add(page);
        await db.SaveChangesAsync(cancellationToken);
        return PageEditOutcome.Saved(page);
    }

    /// <summary>The calendars a new page may share, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> CalendarsAsync(CancellationToken cancellationToken)
        => [.. (await db.Calendars.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)).Select(c => (c.Id, c.Name))];

    /// <summary>Everything the form says, through Core's rules; each problem under the form field it belongs to.</summary>
    private static PageContent Read(BookingPageForm form, Dictionary<string, string[]> errors)
    {
        var stakeholders = (form.Stakeholders ?? "").Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (stakeholders.FirstOrDefault(s => !InputRules.IsEmail(s)) is { } wrong)
        {
            errors[nameof(form.Stakeholders)] = [$"\"{wrong}\" is not one plain email address (no name, spaces or angle brackets)."];
        }

        // The framework's [EmailAddress] only asks for an @: "a b@example.com" would send the owner's mail to b@example.com.
        if (!string.IsNullOrWhiteSpace(form.OwnerEmail) && !InputRules.IsEmail(form.OwnerEmail.Trim()))
        {
            errors[nameof(form.OwnerEmail)] = ["Enter one plain email address such as owner@example.com (no name, spaces or angle brackets)."];
        }

        if (string.IsNullOrEmpty(PersonName.Clean(form.OwnerName)))
        {
            errors[nameof(form.OwnerName)] = ["Enter the owner's name."];
        }

        if (string.IsNullOrEmpty(PersonName.Clean(form.Title)))
        {
            errors[nameof(form.Title)] = ["Enter a title."];
        }

        if (Zones.Find(form.TimeZoneId) is null)
        {
            errors[nameof(form.TimeZoneId)] = ["Choose a time zone from the list."];
        }

        var hours = new List<WeeklyHours>();
        for (var i = 0; i < BookingPageForm.Days.Count; i++)
        {
            if (!AvailabilityText.TryParseRanges(form.Hours.ElementAtOrDefault(i), out var ranges, out var error))
            {
                errors[$"Hours[{i}]"] = [error!];
                continue;
            }

            hours.AddRange(ranges.Select(r => new WeeklyHours(BookingPageForm.Days[i], r.Start, r.End)));
        }

        if (!AvailabilityText.TryParseOverrides(form.Overrides, out var overrides, out var overrideError))
        {
            errors[nameof(form.Overrides)] = [overrideError!];
        }

        var location = LocationRules.Check(form.LocationKind, form.LocationValue, form.LocationCaller);
        if (!location.Succeeded)
        {
            errors[nameof(form.LocationValue)] = [location.Failure.Errors!.Values.First()[0]];
        }

        return new PageContent(stakeholders, hours, overrides, location.Succeeded ? location.Value : null, ReadQuestions(form, errors));
    }

    /// <summary>The questions kept (rows not removed, not left blank), checked by Core; a problem named by the editor's row.</summary>
    private static List<QuestionField> ReadQuestions(BookingPageForm form, Dictionary<string, string[]> errors)
    {
        var kept = form.KeptQuestions();
        var questions = kept.Select(k => k.Field).ToList();
        var problems = new Dictionary<string, string[]>();
        QuestionFieldRules.Validate(questions, problems);
        foreach (var (key, messages) in problems)
        {
            // Core names the question by its place among those kept; the editor by its row.
            var field = key;
            for (var i = 0; i < kept.Count; i++)
            {
                field = field.StartsWith($"Questions[{i}].", StringComparison.Ordinal) ? $"Questions[{kept[i].Row}]." + field[$"Questions[{i}].".Length..] : field;
            }

            errors[field] = [messages[0]];
        }

        return questions;
    }

    private void Apply(BookingPageForm form, PageContent content, BookingPage page)
    {
        page.Location = content.Location;
        page.Questions = [.. content.Questions];
        page.WeeklyHours = content.Hours;
        page.DateOverrides = content.Overrides;
        page.Title = PersonName.Clean(form.Title);
        page.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        page.IsPublished = form.IsPublished;
        page.OwnerName = PersonName.Clean(form.OwnerName);
        page.OwnerEmail = form.OwnerEmail!.Trim();
        page.StakeholderEmails = content.Stakeholders;
        page.TimeZoneId = form.TimeZoneId!;
        page.SessionLength = TimeSpan.FromMinutes(form.SessionMinutes);
        page.SlotInterval = TimeSpan.FromMinutes(form.SlotIntervalMinutes);
        page.BufferBefore = TimeSpan.FromMinutes(form.BufferBeforeMinutes);
        page.BufferAfter = TimeSpan.FromMinutes(form.BufferAfterMinutes);
        page.MinimumNotice = TimeSpan.FromHours(form.MinimumNoticeHours);
        page.BookingHorizon = TimeSpan.FromDays(form.HorizonDays);
        page.SessionsPerBooking = form.SessionsPerBooking;
        page.ApprovalMode = form.ApprovalMode;
        page.Manage = new ManageSettings
        {
            Enabled = form.ManageEnabled,
            CancelCutoff = TimeSpan.FromHours(form.CancelCutoffHours),
            RescheduleCutoff = TimeSpan.FromHours(form.RescheduleCutoffHours),
            CancelReason = form.CancelReason,
            RescheduleReason = form.RescheduleReason,
            MaxReschedules = form.MaxReschedules,
            PolicyText = string.IsNullOrWhiteSpace(form.PolicyText) ? null : form.PolicyText.Trim(),
            ContactText = string.IsNullOrWhiteSpace(form.ContactText) ? null : form.ContactText.Trim(),
        };
        page.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        page.Version = Guid.NewGuid();
    }

    private sealed record PageContent(List<string> Stakeholders, List<WeeklyHours> Hours, List<DateOverride> Overrides, BookingLocation? Location, List<QuestionField> Questions);
}
