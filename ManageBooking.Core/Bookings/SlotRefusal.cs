using ManageBooking.Scheduling;

namespace ManageBooking.Bookings;

/// <summary>Turns a slot check that failed into the failure a customer is told.</summary>
public static class SlotRefusal
{
    public static BookingFailure For(SlotCheck check) => check switch
    {
        SlotCheck.Taken => BookingFailure.Conflict("Someone else has just booked that time. Choose another time."),
        SlotCheck.TooSoon => BookingFailure.Refused("That time is too soon.", "That time is in the past or inside the page's minimum notice."),
        SlotCheck.BeyondHorizon => BookingFailure.Refused("That time is too far ahead.", "That time is beyond how far ahead this page takes bookings."),
        SlotCheck.NotASlot => BookingFailure.Refused("That is not a bookable time.", "That time is not one of the page's start times."),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "A free slot is not a refusal."),
    };
}
