using ManageBooking.Bookings;
using ManageBooking.Models;
using ManageBooking.Policies;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Tests.Bookings;

/// <summary>What staff may do that customers may not, and what the history says when they do, without a host.</summary>
public sealed class StaffChangesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 12, 0);
    private static readonly ActorInfo Staff = new(Actor.Staff, "owner@example.com");

    [Theory]
    [InlineData(Attendance.NoShow, 30, BookingStatus.Confirmed, SessionStatus.Scheduled, null)]
    [InlineData(Attendance.Attended, 0, BookingStatus.Rescheduled, SessionStatus.Scheduled, null)]
    [InlineData(Attendance.NoShow, -1, BookingStatus.Confirmed, SessionStatus.Scheduled, "not started yet")]
    [InlineData(Attendance.NoShow, 30, BookingStatus.Pending, SessionStatus.Scheduled, "never confirmed")]
    [InlineData(Attendance.NoShow, 30, BookingStatus.Confirmed, SessionStatus.Cancelled, "cancelled")]
    [InlineData((Attendance)7, 30, BookingStatus.Confirmed, SessionStatus.Scheduled, "attended or no-show")]
    public void MarkAttendance_OnlyOnAConfirmedSessionThatHasStarted(Attendance mark, int minutesIn, BookingStatus status, SessionStatus sessionStatus, string? refusal)
    {
        var (_, booking) = Single(Now - Duration.FromMinutes(minutesIn), status);
        booking.Sessions[0].Status = sessionStatus;

        var outcome = BookingChanges.MarkAttendance(booking, booking.Sessions[0].Id, mark, Staff, Now);

        if (refusal is null)
        {
            Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
            Assert.Equal(mark, booking.Sessions[0].Attendance);
            var entry = Assert.Single(booking.History);
            Assert.Equal((mark == Attendance.NoShow ? HistoryAction.MarkedNoShow : HistoryAction.MarkedAttended, Actor.Staff, booking.Sessions[0].Id), (entry.Action, entry.Actor, entry.SessionId!.Value));
        }
        else
        {
            Assert.False(outcome.Succeeded);
            Assert.Contains(refusal, outcome.Failure.Title + outcome.Failure.Detail + string.Join(' ', outcome.Failure.Errors?.Values.SelectMany(v => v) ?? []), StringComparison.Ordinal);
            Assert.Null(booking.Sessions[0].Attendance);
            Assert.Empty(booking.History);
        }
    }

    [Fact]
    public void MarkAttendance_UndoneAndRepeated_RecordsOnlyRealChanges_AndCustomersCannotMark()
    {
        var (_, booking) = Single(Now - Duration.FromMinutes(5), BookingStatus.Confirmed);
        var session = booking.Sessions[0].Id;

        Assert.True(BookingChanges.MarkAttendance(booking, session, Attendance.Attended, Staff, Now).Value);
        Assert.False(BookingChanges.MarkAttendance(booking, session, Attendance.Attended, Staff, Now).Value);
        Assert.True(BookingChanges.MarkAttendance(booking, session, null, Staff, Now).Value);
        Assert.Equal(FailureKind.Refused, BookingChanges.MarkAttendance(booking, session, Attendance.NoShow, ActorInfo.Customer(booking), Now).Failure?.Kind);
        Assert.Equal(FailureKind.Invalid, BookingChanges.MarkAttendance(booking, Guid.NewGuid(), Attendance.NoShow, Staff, Now).Failure?.Kind);

        Assert.Null(booking.Sessions[0].Attendance);
        Assert.Equal([HistoryAction.MarkedAttended, HistoryAction.AttendanceCleared], booking.History.Select(h => h.Action));
    }

    [Fact]
    public void StaffSchedule_OffersTimesInsideTheNoticeAndPastTheHorizon_ButNeverThePastOrATakenTime()
    {
        var (page, _) = Single(Now + Duration.FromDays(1), BookingStatus.Confirmed);
        page.MinimumNotice = TimeSpan.FromHours(4);
        page.BookingHorizon = TimeSpan.FromDays(7);
        var taken = new BusyCalendar([SlotEngine.Occupy(PageSchedule.For(page), Now + Duration.FromHours(2))]);
        var customer = PageSchedule.For(page, Actor.Customer);
        var staff = PageSchedule.For(page, Actor.Staff);

        Assert.Equal(SlotCheck.TooSoon, SlotEngine.Check(customer, taken, Now + Duration.FromHours(1), Now));
        Assert.Equal(SlotCheck.Free, SlotEngine.Check(staff, taken, Now + Duration.FromHours(1), Now));
        Assert.Equal(SlotCheck.BeyondHorizon, SlotEngine.Check(customer, taken, Now + Duration.FromDays(30), Now));
        Assert.Equal(SlotCheck.Free, SlotEngine.Check(staff, taken, Now + Duration.FromDays(30), Now));
        Assert.Equal(SlotCheck.Taken, SlotEngine.Check(staff, taken, Now + Duration.FromHours(2), Now));
        Assert.Equal(SlotCheck.TooSoon, SlotEngine.Check(staff, taken, Now - Duration.FromHours(1), Now));
        Assert.Equal(SlotCheck.NotASlot, SlotEngine.Check(staff, taken, Now + Duration.FromMinutes(70), Now));
    }

    [Fact]
    public void StaffMove_InsideTheNoticeAndPastTheCutoff_IsRecordedAsAnOverrideNamingBoth()
    {
        var (page, booking) = Single(Now + Duration.FromHours(2), BookingStatus.Confirmed);
        page.MinimumNotice = TimeSpan.FromHours(4);
        page.Manage.RescheduleCutoff = TimeSpan.FromHours(24);

        var outcome = BookingChanges.Reschedule(booking, page, PageSchedule.For(page, Actor.Staff), new BusyCalendar([]), null, Now + Duration.FromHours(3), null, Staff, Now);

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        var entry = Assert.Single(booking.History);
        Assert.True(entry.OverrodePolicy);
        Assert.Equal("Staff override: past the page's cutoff; inside the page's minimum notice", entry.Detail);
    }

    [Fact]
    public void StaffMove_ThatACustomerCouldMake_IsNoOverride()
    {
        var (page, booking) = Single(Now + Duration.FromDays(3), BookingStatus.Confirmed);

        var outcome = BookingChanges.Reschedule(booking, page, PageSchedule.For(page, Actor.Staff), new BusyCalendar([]), null, Now + Duration.FromDays(4), null, Staff, Now);

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        Assert.Equal((false, (string?)null), (booking.History[0].OverrodePolicy, booking.History[0].Detail));
    }

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(-1, 0, "Staff override: inside the page's minimum notice")]
    [InlineData(1, 90, "Staff override: beyond the page's booking horizon")]
    public void StaffOverride_ForANewBooking_NamesTheWindowsItPasses(int hoursPastTheNotice, int days, string? expected)
    {
        var (page, _) = Single(Now, BookingStatus.Confirmed);
        page.MinimumNotice = TimeSpan.FromHours(4);
        page.BookingHorizon = TimeSpan.FromDays(60);

        var rules = StaffOverride.ForNewBooking(page, [Now + Duration.FromHours(4 + hoursPastTheNotice) + Duration.FromDays(days)], Now);

        Assert.Equal(expected, StaffOverride.Describe(rules));
    }

    [Fact]
    public void NewBooking_ByStaff_IsConfirmedOnAPageThatAsksForApproval_AndTheHistoryNamesThem()
    {
        var (page, _) = Single(Now, BookingStatus.Confirmed);
        page.ApprovalMode = ApprovalMode.Manual;
        var request = new NewBookingRequest("Ada", "ada@example.com", DateTimeZone.Utc, [Now + Duration.FromDays(2)], []);

        var byStaff = BookingFactory.Create(page, PageSchedule.For(page, Actor.Staff), request, Now, "MB-STAFF1", Staff);
        var byCustomer = BookingFactory.Create(page, PageSchedule.For(page), request, Now, "MB-CUSTM1");

        Assert.Equal((BookingStatus.Confirmed, HistoryAction.Confirmed, Actor.Staff, "owner@example.com"), (byStaff.Status, byStaff.History[0].Action, byStaff.History[0].Actor, byStaff.History[0].ActorName));
        Assert.Equal((BookingStatus.Pending, HistoryAction.Requested, Actor.Customer, "Ada"), (byCustomer.Status, byCustomer.History[0].Action, byCustomer.History[0].Actor, byCustomer.History[0].ActorName));
    }

    /// <summary>A page open every day around the clock with hour-long sessions on the hour, and one booking of it at <paramref name="start"/>.</summary>
    private static (BookingPage Page, Booking Booking) Single(Instant start, BookingStatus status)
    {
        var page = new BookingPage
        {
            TimeZoneId = "UTC",
            SessionLength = TimeSpan.FromHours(1),
            SlotInterval = TimeSpan.FromHours(1),
            WeeklyHours = [.. Enum.GetValues<DayOfWeek>().Select(d => new WeeklyHours(d, new TimeOnly(0, 0), new TimeOnly(0, 0)))],
            BookingHorizon = TimeSpan.FromDays(60),
        };
        var booking = new Booking { BookingPageId = page.Id, CustomerName = "Ada", Status = status };
        booking.Sessions.Add(BookingFactory.NewSession(booking, PageSchedule.For(page), start));
        return (page, booking);
    }
}
