using ManageBooking.Bookings;
using ManageBooking.Models;

namespace ManageBooking.Tests.Bookings;

/// <summary>A page's reason rule applied to what a customer or staff member wrote, as a table.</summary>
public sealed class ReasonCheckTests
{
    [Theory]
    [InlineData(ReasonRule.Required, "  Moving house  ", Actor.Customer, "Moving house")]
    [InlineData(ReasonRule.Required, null, Actor.Staff, null)] // staff are never held to it
    [InlineData(ReasonRule.Optional, null, Actor.Customer, null)]
    [InlineData(ReasonRule.Optional, "   ", Actor.Customer, null)]
    [InlineData(ReasonRule.Optional, "Ill", Actor.Customer, "Ill")]
    [InlineData(ReasonRule.Hidden, "Ill", Actor.Customer, null)] // not asked, so nothing sent is kept
    [InlineData(ReasonRule.Hidden, "Owner's note", Actor.Staff, "Owner's note")]
    public void Apply_KeepsWhatTheRuleAllows(ReasonRule rule, string? text, Actor actor, string? expected)
    {
        var outcome = ReasonCheck.Apply(rule, text, actor, reschedule: false);

        Assert.True(outcome.Succeeded, outcome.Failure?.Detail);
        Assert.Equal(expected, outcome.Value);
    }

    [Theory]
    [InlineData(null, false, "Tell the host why you are cancelling.")]
    [InlineData(" \t ", true, "Tell the host why you are rescheduling.")]
    public void Apply_ARequiredReasonMissing_IsRefusedAboutTheReasonField(string? text, bool reschedule, string detail)
    {
        var outcome = ReasonCheck.Apply(ReasonRule.Required, text, Actor.Customer, reschedule);

        Assert.Equal((FailureKind.Refused, FieldKey.Reason, detail), (outcome.Failure?.Kind, outcome.Failure?.Field, outcome.Failure?.Detail));
    }

    [Theory]
    [InlineData(Actor.Customer)]
    [InlineData(Actor.Staff)]
    public void Apply_AReasonTooLong_IsInvalidForAnyone(Actor actor)
    {
        var outcome = ReasonCheck.Apply(ReasonRule.Optional, new string('x', Booking.ReasonMaxLength + 1), actor, reschedule: false);

        Assert.Equal(FailureKind.Invalid, outcome.Failure?.Kind);
        Assert.True(outcome.Failure!.Errors!.ContainsKey(FieldKey.Reason));
    }
}
