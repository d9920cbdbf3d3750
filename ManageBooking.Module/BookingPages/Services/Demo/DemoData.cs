using ManageBooking.Data;
using ManageBooking.Models;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.BookingPages.Services.Demo;

/// <summary>The booking pages a fresh site shows, so that every variant of the product can be tried at once.</summary>
public sealed class DemoData(ManageBookingDbContext db, TimeProvider clock)
{
    public const string MeetingSlug = "30-minute-meeting";
    public const string PackageSlug = "15-minute-package";
    public const string MarketingCallSlug = "marketing-call";
    public const string LegacySlug = "consultation";

    /// <summary>Adds the demo pages unless the site already has pages.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.BookingPages.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var alex = new Calendar { Name = "Alex Rivera" };
        var sam = new Calendar { Name = "Sam Okafor" };
        db.Calendars.AddRange(alex, sam);
        db.BookingPages.AddRange(
            Page(alex, MeetingSlug, "30-minute meeting", now, p =>
            {
                p.Description = "A half-hour video call to talk through your project.";
                p.Location = new BookingLocation(LocationKind.Video, "https://meet.example.com/alex-rivera");
                p.Manage = new ManageSettings
                {
                    Enabled = true,
                    CancelReason = ReasonRule.Required,
                    RescheduleReason = ReasonRule.Optional,
                };
            }),
            Page(alex, PackageSlug, "15-minute coaching package", now, p =>
            {
                p.Description = "Three short coaching sessions. Pick a time for each.";
                p.SessionLength = TimeSpan.FromMinutes(15);
                p.SlotInterval = TimeSpan.FromMinutes(15);
                p.SessionsPerBooking = 3;
                p.Manage = new ManageSettings
                {
                    Enabled = true,
                    CancelCutoff = TimeSpan.FromHours(24),
                    RescheduleCutoff = TimeSpan.FromHours(12),
                    CancelReason = ReasonRule.Optional,
                    RescheduleReason = ReasonRule.Hidden,
                };
            }),
            Page(alex, MarketingCallSlug, "Marketing call", now, p =>
            {
                p.Description = "Tell us about your marketing plans; we confirm each request by hand.";
                p.ApprovalMode = ApprovalMode.Manual;
                p.Questions =
                [
                    new QuestionField
                    {
                        Key = "plans",
                        Label = "What are your marketing plans?",
                        Help = "A few lines are enough: what you sell, to whom, and what you would like to try.",
                        Kind = QuestionKind.LongText,
                        Required = true,
                        Translations = [new QuestionFieldTranslation("fr", "Quels sont vos projets marketing ?", "Quelques lignes suffisent : ce que vous vendez, à qui, et ce que vous aimeriez essayer.", [])],
                    },
                    new QuestionField
                    {
                        Key = "budget",
                        Label = "Monthly budget",
                        Kind = QuestionKind.SingleChoice,
                        Choices = ["Under $1,000", "$1,000 to $5,000", "Over $5,000"],
                        Translations = [new QuestionFieldTranslation("fr", "Budget mensuel", null, ["Moins de 1 000 $", "De 1 000 $ à 5 000 $", "Plus de 5 000 $"])],
                    },
                ];
                p.BufferAfter = TimeSpan.FromMinutes(15);
                p.MinimumNotice = TimeSpan.FromHours(4);
                p.Manage = new ManageSettings
                {
                    Enabled = true,
                    CancelCutoff = TimeSpan.FromHours(24),
                    RescheduleCutoff = TimeSpan.FromHours(24),
                    CancelReason = ReasonRule.Required,
                    RescheduleReason = ReasonRule.Required,
                    MaxReschedules = 2,
                    PolicyText = "Please give us a day's notice so someone else can take the time.",
                };
            }),
            Page(sam, LegacySlug, "Consultation", now, p =>
            {
                p.Description = "An hour-long consultation. This page predates self-service: changes go through Sam.";
                p.OwnerName = "Sam Okafor";
                p.OwnerEmail = "sam@example.com";
                p.TimeZoneId = "Europe/Paris";
                p.Location = new BookingLocation(LocationKind.InPerson, "Okafor Conseil, 12 rue de Rivoli\n75004 Paris");
                p.SessionLength = TimeSpan.FromHours(1);
                p.SlotInterval = TimeSpan.FromHours(1);
                p.CreatedUtc = now.AddYears(-1);
                p.Manage = new ManageSettings { Enabled = false };
            }));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static BookingPage Page(Calendar calendar, string slug, string title, DateTime now, Action<BookingPage> customize)
    {
        var page = new BookingPage
        {
            Slug = slug,
            Title = title,
            CalendarId = calendar.Id,
            OwnerName = "Alex Rivera",
            OwnerEmail = "alex@example.com",
            StakeholderEmails = ["assistant@example.com"],
            TimeZoneId = "America/New_York",
            SessionLength = TimeSpan.FromMinutes(30),
            SlotInterval = TimeSpan.FromMinutes(30),
            WeeklyHours = Weekdays(new TimeOnly(9, 0), new TimeOnly(17, 0)),
            BookingHorizon = TimeSpan.FromDays(60),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        customize(page);
        return page;
    }

    private static List<WeeklyHours> Weekdays(TimeOnly start, TimeOnly end)
        => [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new WeeklyHours(day, start, end))];
}
