using ManageBooking.Bookings;
using ManageBooking.Data;
using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using ManageBooking.Policies;
using Microsoft.EntityFrameworkCore;

namespace ManageBooking.Workflows.Notifications;

/// <summary>
/// Sends what a rule would send, rendered for the latest booking it applies to, to an address the admin gives, through
/// the outbox like any other message. Links are left out: a test must not hand out a customer's manage link.
/// </summary>
public sealed class RuleTestSender(ManageBookingDbContext db, NotificationPlanner planner)
{
    public async Task<Outcome<int>> SendAsync(Guid ruleId, string address, CancellationToken cancellationToken)
    {
        if (!InputRules.IsEmail(address))
        {
            return BookingFailure.Invalid(FieldKey.Address, "Enter an email address to send the test to.");
        }

        var rule = await db.NotificationRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ruleId, cancellationToken);
        if (rule is null)
        {
            return BookingFailure.NotFound("There is no such rule.");
        }

        var booking = await db.Bookings.AsNoTracking().Include(b => b.Page).Include(b => b.Sessions)
            .Where(b => rule.BookingPageId == null || b.BookingPageId == rule.BookingPageId)
            .OrderByDescending(b => b.CreatedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (booking?.Page is null)
        {
            return BookingFailure.Refused("There is no booking to render the test with.", "Make a booking on one of the rule's pages first.");
        }

        var tasks = rule.Tasks.Where(t => t.Kind == NotificationTaskKind.SendEmail)
            .Select(t => t with { Recipients = RecipientKind.Address, Address = address }).ToList();
        var test = new NotificationRule { Id = rule.Id, Name = rule.Name, Event = rule.Event, Tasks = tasks };
        var notice = new BookingNotice(rule.Event, booking, booking.Page, ManagePolicy.CurrentSessions(booking), "(test)");
        var added = await planner.AddTestAsync(test, notice, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<int>.Success(added);
    }
}
