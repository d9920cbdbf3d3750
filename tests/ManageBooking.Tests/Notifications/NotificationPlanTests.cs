using ManageBooking.Models.Notifications;
using ManageBooking.Notifications;
using NodaTime;

namespace ManageBooking.Tests.Notifications;

/// <summary>What the rules queue for a change, and what they leave out and why, without a store or a host.</summary>
public sealed class NotificationPlanTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 12, 0);
    private static readonly Guid PageId = Guid.NewGuid();

    [Theory]
    [InlineData(true, true, "Customer Owner Webhook", 0, 0)]
    [InlineData(false, true, "Owner Webhook", 1, 0)] // staff chose not to tell the customer
    [InlineData(true, false, "Customer", 0, 2)] // for the customer alone
    public void For_QueuesTheToldAudiences_AndCountsTheWithheld(bool customer, bool team, string audiences, int customerWithheld, int teamWithheld)
    {
        var rule = new NotificationRule
        {
            Name = "Cancelled",
            Event = BookingEvent.Cancelled,
            Tasks =
            [
                new(NotificationTaskKind.SendEmail, RecipientKind.Customer),
                new(NotificationTaskKind.SendEmail, RecipientKind.Owner),
                new(NotificationTaskKind.CallWebhook, WebhookUrl: "https://hooks.example.test/"),
            ],
        };

        var plan = NotificationPlan.For(BookingEvent.Cancelled, PageId, [rule], Now, customer, team, p => [new PlannedRecipient(Audience(p.Task), "x@example.test")]);

        Assert.Equal(audiences, string.Join(' ', plan.Recipients.Select(r => r.Audience)));
        Assert.Equal((true, 1, customerWithheld, teamWithheld), (plan.Active, plan.RulesMatched, plan.CustomerWithheld, plan.TeamWithheld));
    }

    [Fact]
    public void For_ARuleSwitchedOffOrOfAnotherPage_DoesNotCountAsMatched_AndOffMeansNoListener()
    {
        var off = new NotificationRule { Name = "off", Event = BookingEvent.Cancelled, Enabled = false, Tasks = [new(NotificationTaskKind.SendEmail)] };
        var elsewhere = new NotificationRule { Name = "elsewhere", Event = BookingEvent.Cancelled, BookingPageId = Guid.NewGuid(), Tasks = [new(NotificationTaskKind.SendEmail)] };

        var plan = NotificationPlan.For(BookingEvent.Cancelled, PageId, [off, elsewhere], Now, true, true, _ => [new PlannedRecipient(ManageBooking.Notifications.Audience.Customer, "a@example.test")]);

        Assert.Equal((true, 0, 0), (plan.Active, plan.RulesMatched, plan.Recipients.Count));
        Assert.False(NotificationPlan.Off.Active);
        Assert.True(NotificationPlan.Off.Add(plan).Active);
    }

    private static Audience Audience(NotificationTask task)
        => task.Kind == NotificationTaskKind.CallWebhook ? ManageBooking.Notifications.Audience.Webhook
            : task.Recipients == RecipientKind.Customer ? ManageBooking.Notifications.Audience.Customer
            : ManageBooking.Notifications.Audience.Owner;
}
