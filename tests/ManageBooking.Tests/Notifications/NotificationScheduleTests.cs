using ManageBooking.Models;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using NodaTime;

namespace ManageBooking.Tests.Notifications;

/// <summary>Which rules fire and when, without a store or a host.</summary>
public sealed class NotificationScheduleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private static readonly Guid PageId = Guid.NewGuid();

    [Theory]
    [InlineData(BookingEvent.Confirmed, true, null, true)]
    [InlineData(BookingEvent.Confirmed, false, null, false)] // switched off
    [InlineData(BookingEvent.Cancelled, true, null, false)] // another event
    [InlineData(BookingEvent.Confirmed, true, "this page", true)]
    [InlineData(BookingEvent.Confirmed, true, "another page", false)]
    public void ForEvent_FiresEnabledRulesOfTheEventForThePageOrEveryPage(BookingEvent ruleEvent, bool enabled, string? page, bool fires)
    {
        var rule = Rule(ruleEvent, CustomerEmail());
        rule.Enabled = enabled;
        rule.BookingPageId = page switch { "this page" => PageId, "another page" => Guid.NewGuid(), _ => null };

        var planned = NotificationSchedule.ForEvent(BookingEvent.Confirmed, PageId, [rule], Now);

        Assert.Equal(fires ? 1 : 0, planned.Count);
        Assert.All(planned, p => Assert.Equal((BookingEvent.Confirmed, Now, (Guid?)null), (p.Event, p.Due, p.LineageId)));
    }

    [Theory]
    [InlineData(true, true, 4)]
    [InlineData(false, true, 3)] // staff cancelled without telling the customer
    [InlineData(true, false, 1)] // a resent confirmation: the team heard already
    public void ForEvent_TellsOnlyTheAudiencesTheChangeTells(bool customer, bool team, int expected)
    {
        var rule = Rule(BookingEvent.Cancelled, CustomerEmail(), new(NotificationTaskKind.SendEmail, RecipientKind.Owner), new(NotificationTaskKind.SendEmail, RecipientKind.Stakeholders), new(NotificationTaskKind.CallWebhook, WebhookUrl: "https://hooks.example.test/"));

        var planned = NotificationSchedule.ForEvent(BookingEvent.Cancelled, PageId, [rule], Now, customer, team);

        Assert.Equal(expected, planned.Count);
    }

    [Fact]
    public void ForEvent_FollowsTheRulesOrderAndGivesEveryTaskAStableId()
    {
        var second = Rule(BookingEvent.Confirmed, CustomerEmail());
        second.Order = 20;
        var first = Rule(BookingEvent.Confirmed, CustomerEmail(), new(NotificationTaskKind.SendEmail, RecipientKind.Owner));
        first.Order = 10;

        var planned = NotificationSchedule.ForEvent(BookingEvent.Confirmed, PageId, [second, first], Now);
        var again = NotificationSchedule.ForEvent(BookingEvent.Confirmed, PageId, [second, first], Now);

        Assert.Equal([first.Id, first.Id, second.Id], planned.Select(p => p.Rule.Id));
        Assert.Equal(3, planned.Select(p => p.TaskId).Distinct().Count());
        Assert.Equal(planned.Select(p => p.TaskId), again.Select(p => p.TaskId));
        Assert.All(planned, p => Assert.Same(p.Task, p.Rule.FindTask(p.TaskId)));
    }

    [Theory]
    [InlineData(BookingStatus.Confirmed, 3)]
    [InlineData(BookingStatus.Rescheduled, 3)]
    [InlineData(BookingStatus.Pending, 0)] // a request is reminded of once approved
    [InlineData(BookingStatus.Cancelled, 0)]
    [InlineData(BookingStatus.Declined, 0)]
    public void Reminders_OnePerScheduledSessionOfAConfirmedBooking(BookingStatus status, int expected)
    {
        var booking = Package(status, Now + Duration.FromDays(2), Now + Duration.FromDays(3), Now + Duration.FromDays(4));

        var reminders = NotificationSchedule.Reminders(booking, [Rule(BookingEvent.ReminderDue, CustomerEmail())], Now);

        Assert.Equal(expected, reminders.Count);
        Assert.Equal(expected, reminders.Select(r => r.LineageId).Distinct().Count());
    }

    [Fact]
    public void Reminders_AreDueTheRulesHoursBeforeEachSession_AndNoneWhoseMomentHasPassed()
    {
        var booking = Package(BookingStatus.Confirmed, Now + Duration.FromHours(30), Now + Duration.FromHours(60));
        booking.Sessions.Add(new BookingSession { StartUtc = (Now + Duration.FromDays(5)).ToDateTimeUtc(), Status = SessionStatus.Cancelled, LineageId = Guid.NewGuid() });
        booking.Sessions.Add(new BookingSession { StartUtc = (Now + Duration.FromDays(6)).ToDateTimeUtc(), IsReplaced = true, LineageId = Guid.NewGuid() });
        var day = Rule(BookingEvent.ReminderDue, CustomerEmail());
        var twoDays = Rule(BookingEvent.ReminderDue, CustomerEmail());
        twoDays.ReminderHours = 48;

        var reminders = NotificationSchedule.Reminders(booking, [day, twoDays], Now);

        Assert.Equal(
            [(day.Id, Now + Duration.FromHours(6)), (twoDays.Id, Now + Duration.FromHours(12)), (day.Id, Now + Duration.FromHours(36))],
            reminders.Select(r => (r.Rule.Id, r.Due)).OrderBy(r => r.Due));
        Assert.All(reminders, r => Assert.Equal(BookingEvent.ReminderDue, r.Event));
    }

    [Fact]
    public void Reminders_ComeFromReminderRulesOfThePageOnly()
    {
        var booking = Package(BookingStatus.Confirmed, Now + Duration.FromDays(3));
        var otherPage = Rule(BookingEvent.ReminderDue, CustomerEmail());
        otherPage.BookingPageId = Guid.NewGuid();

        Assert.Empty(NotificationSchedule.Reminders(booking, [otherPage, Rule(BookingEvent.Confirmed, CustomerEmail())], Now));
    }

    private static NotificationTask CustomerEmail() => new(NotificationTaskKind.SendEmail, RecipientKind.Customer, Subject: "s", Body: "b");

    private static NotificationRule Rule(BookingEvent bookingEvent, params NotificationTask[] tasks) => new() { Name = "r", Event = bookingEvent, Tasks = [.. tasks] };

    private static Booking Package(BookingStatus status, params Instant[] starts)
    {
        var booking = new Booking { BookingPageId = PageId, Status = status };
        foreach (var start in starts)
        {
            var id = Guid.NewGuid();
            booking.Sessions.Add(new BookingSession { Id = id, LineageId = id, BookingId = booking.Id, StartUtc = start.ToDateTimeUtc(), EndUtc = (start + Duration.FromMinutes(15)).ToDateTimeUtc() });
        }

        return booking;
    }
}
