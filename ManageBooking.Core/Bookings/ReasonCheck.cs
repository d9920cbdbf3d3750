using ManageBooking.Models;

namespace ManageBooking.Bookings;

/// <summary>Applies a page's reason rule to what the customer wrote.</summary>
public static class ReasonCheck
{
    /// <summary>The reason to record (null when hidden or blank), or the failure when a required one is missing or too long.</summary>
    public static Outcome<string?> Apply(ReasonRule rule, string? text, Actor actor, bool reschedule)
    {
        var reason = InputRules.NormalizeReason(text);
        if (reason is { Length: > Booking.ReasonMaxLength })
        {
            return BookingFailure.Invalid(FieldKey.Reason, $"A reason can be at most {Booking.ReasonMaxLength} characters.");
        }

        if (actor == Actor.Customer && rule == ReasonRule.Required && reason is null)
        {
            // Whole sentences, so that each can be translated as one.
            return BookingFailure.Refused("A reason is required.", reschedule ? "Tell the host why you are rescheduling." : "Tell the host why you are cancelling.") with { Field = FieldKey.Reason };
        }

        // Staff always may leave a note; a hidden reason is not asked of customers, so nothing they send is kept.
        return Outcome<string?>.Success(actor == Actor.Customer && rule == ReasonRule.Hidden ? null : reason);
    }
}
