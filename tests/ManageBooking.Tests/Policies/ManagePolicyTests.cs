using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Tests.Policies;

/// <summary>The rules of self-service as a table: who may cancel or reschedule a session, and when, without a host.</summary>
public sealed class ManagePolicyTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 9, 15, 0);

    [Theory]
    //           status     toggle  cancel-h resched-h max  count  hours-before actor      expected cancel           expected reschedule
    [InlineData(BookingStatus.Confirmed, true, 0, 0, null, 0, 1.0, Actor.Customer, Refusal.None, Refusal.None)]
    [InlineData(BookingStatus.Confirmed, false, 0, 0, null, 0, 48.0, Actor.Customer, Refusal.SelfServiceOff, Refusal.SelfServiceOff)]
    [InlineData(BookingStatus.Confirmed, false, 0, 0, null, 0, 48.0, Actor.Staff, Refusal.None, Refusal.None)]
    [InlineData(BookingStatus.Confirmed, true, 24, 0, null, 0, 12.0, Actor.Customer, Refusal.CutoffPassed, Refusal.None)]
    [InlineData(BookingStatus.Confirmed, true, 0, 24, null, 0, 12.0, Actor.Customer, Refusal.None, Refusal.CutoffPassed)]
    [InlineData(BookingStatus.Confirmed, true, 24, 24, null, 0, 24.0, Actor.Customer, Refusal.CutoffPassed, Refusal.CutoffPassed)] // the deadline itself is too late
    [InlineData(BookingStatus.Confirmed, true, 24, 24, null, 0, 24.01, Actor.Customer, Refusal.None, Refusal.None)]
    [InlineData(BookingStatus.Confirmed, true, 24, 24, null, 0, 12.0, Actor.Staff, Refusal.None, Refusal.None)] // staff act past cutoffs
    [InlineData(BookingStatus.Rescheduled, true, 0, 0, 2, 2, 48.0, Actor.Customer, Refusal.None, Refusal.MaxReschedulesReached)]
    [InlineData(BookingStatus.Rescheduled, true, 0, 0, 2, 1, 48.0, Actor.Customer, Refusal.None, Refusal.None)]
    [InlineData(BookingStatus.Rescheduled, true, 0, 0, 2, 2, 48.0, Actor.Staff, Refusal.None, Refusal.None)]
    [InlineData(BookingStatus.Pending, true, 24, 24, 1, 1, 1.0, Actor.Customer, Refusal.None, Refusal.None)] // a request ignores cutoffs and the limit
    [InlineData(BookingStatus.Pending, false, 0, 0, null, 0, 48.0, Actor.Customer, Refusal.SelfServiceOff, Refusal.SelfServiceOff)]
    [InlineData(BookingStatus.Confirmed, true, 0, 0, null, 0, 0.0, Actor.Customer, Refusal.SessionStarted, Refusal.SessionStarted)]
    [InlineData(BookingStatus.Confirmed, true, 0, 0, null, 0, -1.0, Actor.Staff, Refusal.SessionStarted, Refusal.SessionStarted)] // nobody changes a started session
    [InlineData(BookingStatus.Cancelled, true, 0, 0, null, 0, 48.0, Actor.Customer, Refusal.BookingCancelled, Refusal.BookingCancelled)]
    [InlineData(BookingStatus.Declined, true, 0, 0, null, 0, 48.0, Actor.Staff, Refusal.BookingDeclined, Refusal.BookingDeclined)]
    public void Evaluate_ASession_FollowsThePolicy(
        BookingStatus status, bool selfService, int cancelCutoffHours, int rescheduleCutoffHours, int? maxReschedules, int rescheduleCount,
        double hoursBeforeStart, Actor actor, Refusal expectedCancel, Refusal expectedReschedule)
    {
        var page = Page(selfService, cancelCutoffHours, rescheduleCutoffHours, maxReschedules);
        var booking = Booking(page, status, rescheduleCount);
        var now = Start - Duration.FromMinutes(hoursBeforeStart * 60);

        var rights = ManagePolicy.Evaluate(booking, page, now, actor);

        var session = Assert.Single(rights.Sessions);
        Assert.Equal((expectedCancel, expectedReschedule), (session.Cancel, session.Reschedule));
        Assert.Equal(expectedCancel == Refusal.None, rights.CanCancel);
        Assert.Equal(expectedReschedule == Refusal.None, rights.CanReschedule);
    }

    [Fact]
    public void Evaluate_ACancelledSessionOfALiveBooking_CanNoLongerChange()
    {
        var page = Page(selfService: true, 0, 0, null);
        var booking = Booking(page, BookingStatus.Confirmed, 0);
        booking.Sessions[0].Status = SessionStatus.Cancelled;

        var session = Assert.Single(ManagePolicy.Evaluate(booking, page, Start - Duration.FromDays(2), Actor.Customer).Sessions);

        Assert.Equal((Refusal.SessionCancelled, Refusal.SessionCancelled), (session.Cancel, session.Reschedule));
    }

    [Fact]
    public void CurrentSessions_LeaveOutReplacedOnes_InStartOrder()
    {
        var page = Page(selfService: true, 0, 0, null);
        var booking = Booking(page, BookingStatus.Rescheduled, 1);
        var schedule = PageSchedule.For(page);
        var earlier = BookingFactory.NewSession(booking, schedule, Start - Duration.FromDays(1));
        booking.Sessions[0].IsReplaced = true;
        booking.Sessions.Add(BookingFactory.NewSession(booking, schedule, Start + Duration.FromDays(1)));
        booking.Sessions.Add(earlier);

        var current = ManagePolicy.CurrentSessions(booking);

        Assert.Equal([Start - Duration.FromDays(1), Start + Duration.FromDays(1)], current.Select(s => Instant.FromDateTimeUtc(s.StartUtc)));
    }

    [Theory]
    [InlineData(true, 24, 12.0, false, true)] // inside the cutoff: the customer would be refused
    [InlineData(true, 24, 48.0, false, false)]
    [InlineData(false, 0, 48.0, false, true)] // self-service off: every staff change overrides it
    [InlineData(true, 0, 48.0, true, false)]
    public void CustomerWouldBeRefused_TellsWhenStaffOverrodeThePolicy(bool selfService, int cutoffHours, double hoursBeforeStart, bool reschedule, bool expected)
    {
        var page = Page(selfService, cutoffHours, cutoffHours, null);
        var booking = Booking(page, BookingStatus.Confirmed, 0);

        Assert.Equal(expected, ManagePolicy.CustomerWouldBeRefused(booking, page, booking.Sessions[0], Start - Duration.FromMinutes(hoursBeforeStart * 60), reschedule));
    }

    [Theory]
    [InlineData(24, 12, 60.0, 24.0)] // two and a half days ahead: the 24-hour cancel cutoff passes first
    [InlineData(12, 24, 60.0, 24.0)]
    [InlineData(24, 24, 12.0, 0.0)] // both cutoffs passed: the start is next
    [InlineData(0, 0, -0.5, -1.0)] // started: the end is next
    public void NextChange_IsTheFirstInstantThePolicyCanAnswerOtherwise(int cancelCutoffHours, int rescheduleCutoffHours, double hoursBeforeStart, double expectedHoursBeforeStart)
    {
        var page = Page(selfService: true, cancelCutoffHours, rescheduleCutoffHours, null);
        var booking = Booking(page, BookingStatus.Confirmed, 0);
        var now = Start - Duration.FromMinutes(hoursBeforeStart * 60);

        var next = ManagePolicy.NextChange(booking, page, now);

        Assert.Equal(Start - Duration.FromMinutes(expectedHoursBeforeStart * 60), next);
        // Until then every answer stays the same, and at that instant one changes (or the session has ended).
        var before = Rights(ManagePolicy.Evaluate(booking, page, next - Duration.Epsilon, Actor.Customer));
        Assert.Equal(Rights(ManagePolicy.Evaluate(booking, page, now, Actor.Customer)), before);
        Assert.True(before != Rights(ManagePolicy.Evaluate(booking, page, next, Actor.Customer)) || next == Start + Duration.FromHours(1));
    }

    [Fact]
    public void NextChange_OfACancelledBooking_IsNever()
    {
        var page = Page(selfService: true, 24, 24, null);
        var booking = Booking(page, BookingStatus.Cancelled, 0);
        booking.Sessions[0].Status = SessionStatus.Cancelled;

        Assert.Equal(Instant.MaxValue, ManagePolicy.NextChange(booking, page, Start - Duration.FromDays(3)));
    }

    private static string Rights(BookingRights rights) => string.Join(";", rights.Sessions.Select(s => $"{s.Cancel},{s.Reschedule}"));

    private static BookingPage Page(bool selfService, int cancelCutoffHours, int rescheduleCutoffHours, int? maxReschedules) => new()
    {
        TimeZoneId = "UTC",
        SessionLength = TimeSpan.FromHours(1),
        SlotInterval = TimeSpan.FromHours(1),
        Manage = new ManageSettings
        {
            Enabled = selfService,
            CancelCutoff = TimeSpan.FromHours(cancelCutoffHours),
            RescheduleCutoff = TimeSpan.FromHours(rescheduleCutoffHours),
            MaxReschedules = maxReschedules,
        },
    };

    private static Booking Booking(BookingPage page, BookingStatus status, int rescheduleCount)
    {
        var booking = new Booking { BookingPageId = page.Id, CustomerName = "Ada", Status = status, RescheduleCount = rescheduleCount };
        booking.Sessions.Add(BookingFactory.NewSession(booking, PageSchedule.For(page), Start));
        return booking;
    }
}
