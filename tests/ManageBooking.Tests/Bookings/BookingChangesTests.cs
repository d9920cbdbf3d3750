using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Tests.Bookings;

/// <summary>Moving several sessions in one change, and staff correcting answers, without a host.</summary>
public sealed class BookingChangesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private static readonly ActorInfo Staff = new(Actor.Staff, "owner@example.com");

    [Fact]
    public void RescheduleMany_MovesEverySessionAsOneChange()
    {
        var (page, booking) = Package();
        var (a, b) = (booking.Sessions[0], booking.Sessions[1]);
        var customer = ActorInfo.Customer(booking);

        var outcome = BookingChanges.RescheduleMany(booking, page, PageSchedule.For(page), new BusyCalendar([]),
            [new RequestedMove(a.Id, At(10, 10)), new RequestedMove(b.Id, At(10, 11))], null, customer, Now);

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        Assert.Equal(1, booking.RescheduleCount);
        var entry = Assert.Single(booking.History, h => h.Action == HistoryAction.Rescheduled);
        Assert.Equal([At(9, 10).ToDateTimeUtc(), At(9, 11).ToDateTimeUtc()], entry.Moves.Select(m => m.FromStartUtc));
        Assert.Equal([At(10, 10).ToDateTimeUtc(), At(10, 11).ToDateTimeUtc()], entry.Moves.Select(m => m.ToStartUtc));
        Assert.All(outcome.Value, pair => Assert.Equal(pair.Old.LineageId, pair.New.LineageId));
        Assert.True(a.IsReplaced && b.IsReplaced);
    }

    [Theory]
    [InlineData(0, 10, 10, 1, 10, 10, "different time")] // two sessions to one new time
    [InlineData(0, 9, 10, 1, 10, 11, "already the session's time")]
    [InlineData(0, 10, 10, 0, 10, 11, "only once")]
    public void RescheduleMany_ARefusedMove_ChangesNothing(int first, int firstDay, int firstHour, int second, int secondDay, int secondHour, string message)
    {
        var (page, booking) = Package();
        var before = booking.Sessions.Select(s => (s.Id, s.StartUtc, s.Status)).ToList();

        var outcome = BookingChanges.RescheduleMany(booking, page, PageSchedule.For(page), new BusyCalendar([]),
            [new RequestedMove(booking.Sessions[first].Id, At(firstDay, firstHour)), new RequestedMove(booking.Sessions[second].Id, At(secondDay, secondHour))],
            null, ActorInfo.Customer(booking), Now);

        Assert.False(outcome.Succeeded);
        Assert.Contains(message, outcome.Failure.Title + outcome.Failure.Detail + string.Join(' ', outcome.Failure.Errors?.Values.SelectMany(v => v) ?? []), StringComparison.Ordinal);
        Assert.Equal(before, booking.Sessions.Select(s => (s.Id, s.StartUtc, s.Status)).ToList());
        Assert.Equal(0, booking.RescheduleCount);
    }

    [Fact]
    public void RescheduleMany_TheSecondNewTimeTakenByTheFirst_IsAConflict()
    {
        var (page, booking) = Package();

        var outcome = BookingChanges.RescheduleMany(booking, page, PageSchedule.For(page), new BusyCalendar([]),
            [new RequestedMove(booking.Sessions[0].Id, At(10, 10)), new RequestedMove(booking.Sessions[1].Id, At(10, 10).Plus(Duration.FromMinutes(30)))],
            null, ActorInfo.Customer(booking), Now);

        Assert.Equal(FailureKind.Conflict, outcome.Failure?.Kind); // the hour-long first session still runs then
    }

    [Fact]
    public void CorrectAnswer_KeepsTheLabelItWasAskedUnder_AndTheHistorySaysOldAndNew()
    {
        var (page, booking) = Package();
        page.Questions = [new QuestionField { Key = "budget", Label = "Monthly budget (renamed)", Kind = QuestionKind.Number }];
        booking.Answers = [new BookingAnswer("budget", "Budget", QuestionKind.Number, ["500"])];

        var outcome = BookingChanges.CorrectAnswer(booking, page, "budget", ["750"], Staff, Now);

        Assert.True(outcome.Value);
        var answer = Assert.Single(booking.Answers);
        Assert.Equal(("budget", "Budget", QuestionKind.Number, "750"), (answer.Key, answer.Label, answer.Kind, Assert.Single(answer.Values)));
        var entry = booking.History[^1];
        Assert.Equal((HistoryAction.AnswerCorrected, Actor.Staff, "Budget: 500 \u2192 750"), (entry.Action, entry.Actor, entry.Detail));
    }

    [Theory]
    [InlineData("budget", "lots", "answers.budget")] // checked as the question asks it now
    [InlineData("nothing", "x", "key")]
    public void CorrectAnswer_BadInput_IsRefusedByField(string key, string value, string field)
    {
        var (page, booking) = Package();
        page.Questions = [new QuestionField { Key = "budget", Label = "Budget", Kind = QuestionKind.Number }];

        var outcome = BookingChanges.CorrectAnswer(booking, page, key, [value], Staff, Now);

        Assert.True(outcome.Failure?.Errors?.ContainsKey(new FieldKey(field)), outcome.Failure?.Detail);
        Assert.Empty(booking.Answers);
    }

    [Fact]
    public void CorrectAnswer_OfAQuestionThePageNoLongerHas_IsCheckedAsItWasAsked()
    {
        var (page, booking) = Package();
        booking.Answers = [new BookingAnswer("plan", "Plan", QuestionKind.SingleChoice, ["Basic"])];

        Assert.True(BookingChanges.CorrectAnswer(booking, page, "plan", ["Premium"], Staff, Now).Value);
        Assert.Equal(["Premium"], booking.Answers[0].Values);
        Assert.False(BookingChanges.CorrectAnswer(booking, page, "plan", ["Premium", "Basic"], Staff, Now).Succeeded);
    }

    [Fact]
    public void CorrectAnswer_ByTheCustomer_IsRefused()
    {
        var (page, booking) = Package();
        page.Questions = [new QuestionField { Key = "budget", Label = "Budget", Kind = QuestionKind.Number }];

        Assert.Equal(FailureKind.Refused, BookingChanges.CorrectAnswer(booking, page, "budget", ["1"], ActorInfo.Customer(booking), Now).Failure?.Kind);
    }

    /// <summary>A page open 09:00-17:00 UTC with hour-long sessions every half hour, and a booking of its two sessions on March 9 at 10:00 and 11:00.</summary>
    private static (BookingPage Page, Booking Booking) Package()
    {
        var page = new BookingPage
        {
            TimeZoneId = "UTC",
            SessionLength = TimeSpan.FromHours(1),
            SlotInterval = TimeSpan.FromMinutes(30),
            SessionsPerBooking = 2,
            WeeklyHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        };
        var booking = new Booking { BookingPageId = page.Id, CustomerName = "Ada", Status = BookingStatus.Confirmed };
        var schedule = PageSchedule.For(page);
        booking.Sessions.Add(BookingFactory.NewSession(booking, schedule, At(9, 10)));
        booking.Sessions.Add(BookingFactory.NewSession(booking, schedule, At(9, 11)));
        return (page, booking);
    }

    private static Instant At(int day, int hour) => Instant.FromUtc(2026, 3, day, hour, 0);
}
