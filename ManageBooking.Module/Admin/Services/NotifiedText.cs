using ManageBooking.Admin.ViewModels;
using ManageBooking.Localization;
using ManageBooking.Notifications;
using Microsoft.Extensions.Localization;

namespace ManageBooking.Admin.Services;

/// <summary>
/// Says who a change reached, in a sentence, from the messages its notice queued: "Emailed the customer and the owner."
/// or why no one: no rule for the event, staff chose not to tell the customer, notifications off.
/// </summary>
public sealed class NotifiedText(IStringLocalizer<AdminText> text)
{
    /// <summary>After a change; <paramref name="plan"/> null means the change tells no one by design (a note, an answer).</summary>
    public string After(NotificationPlan? plan)
    {
        if (plan is null)
        {
            return text["No one is emailed about this."];
        }

        var emailed = Emailed(plan);
        var hooks = plan.Recipients.Count(r => r.Audience == Audience.Webhook);
        var called = hooks == 0 ? null : hooks == 1 ? text["1 webhook called."].Value : text["{0} webhooks called.", hooks].Value;
        if (emailed is not null)
        {
            return called is null ? text["Emailed {0}.", emailed] : text["Emailed {0}; {1}", emailed, called];
        }

        var why = WhyNoOne(plan);
        return called is null ? text["No one was emailed: {0}", why] : text["{0} No one was emailed: {1}", called, why];
    }

    /// <summary>Before a change, for its confirm step: who would be written to, by name and address, or why no one.</summary>
    public RecipientsPreview Before(NotificationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var customer = plan.Recipients.FirstOrDefault(r => r.Audience == Audience.Customer);
        var team = plan.Recipients.Where(r => r.Audience != Audience.Customer).Select(r => r.Audience switch
        {
            Audience.Owner => text["The owner, {0}", r.Address].Value,
            Audience.Stakeholder => text["A stakeholder, {0}", r.Address].Value,
            Audience.Webhook => text["A webhook, {0}", r.Address].Value,
            _ => r.Address,
        });
        return new RecipientsPreview(
            [.. team],
            customer is null ? null : text["The customer, {0}", customer.Address].Value,
            plan.Recipients.Count == 0 ? WhyNoOne(plan) : null);
    }

    /// <summary>Why a change that could have told someone told no one.</summary>
    public string WhyNoOne(NotificationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return !plan.Active ? text["notifications are switched off on this site."]
            : plan.RulesMatched == 0 ? text["no rule is enabled for this event."]
            : plan.CustomerWithheld > 0 ? text["you chose not to email the customer, and no rule for this event writes to anyone else."]
            : plan.TeamWithheld > 0 ? text["this action writes to the customer only, and no rule for this event does."]
            : text["the rules for this event found no one to write to."];
    }

    /// <summary>"the customer, the owner and 2 stakeholders", or null when no email is queued.</summary>
    private string? Emailed(NotificationPlan plan)
    {
        var parts = new List<string>();
        if (plan.Reaches(Audience.Customer))
        {
            parts.Add(text["the customer"]);
        }

        if (plan.Reaches(Audience.Owner))
        {
            parts.Add(text["the owner"]);
        }

        var stakeholders = plan.Recipients.Count(r => r.Audience == Audience.Stakeholder);
        if (stakeholders > 0)
        {
            parts.Add(stakeholders == 1 ? text["1 stakeholder"] : text["{0} stakeholders", stakeholders]);
        }

        parts.AddRange(plan.Recipients.Where(r => r.Audience == Audience.Address).Select(r => r.Address));
        return parts.Count switch
        {
            0 => null,
            1 => parts[0],
            _ => text["{0} and {1}", string.Join(", ", parts[..^1]), parts[^1]],
        };
    }
}
