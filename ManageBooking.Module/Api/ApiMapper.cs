using ManageBooking.Api.Contracts;
using ManageBooking.Models;
using ManageBooking.Scheduling;
using NodaTime;

namespace ManageBooking.Api;

/// <summary>Turns domain objects into the API's contracts.</summary>
public static class ApiMapper
{
    public static BookingPageDto ToDto(BookingPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new BookingPageDto(
            page.Slug,
            page.Title,
            page.TimeZoneId,
            (int)page.SessionLength.TotalMinutes,
            page.SessionsPerBooking,
            page.ApprovalMode.ToString(),
            ToDto(page.Manage),
            ToDto(page.Location),
            [.. page.Questions.Select(ToDto)]);
    }

    /// <summary>A question in the request's language.</summary>
    public static QuestionDto ToDto(QuestionField question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var shown = question.In(System.Globalization.CultureInfo.CurrentUICulture.Name);
        return new QuestionDto(
            question.Key,
            shown.Label,
            shown.Help,
            question.Kind.ToString(),
            question.Required,
            question.HasChoices ? [.. question.Choices.Select((value, i) => new ChoiceDto(value, shown.Choices[i]))] : null);
    }

    public static LocationDto? ToDto(BookingLocation? location)
        => location is null ? null : new LocationDto(location.Kind.ToString(), location.Value, location.Kind == LocationKind.Phone ? location.Caller.ToString() : null);

    public static AnswerDto ToDto(BookingAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        object value = answer.Kind switch
        {
            QuestionKind.Checkbox => answer.Value == "true",
            QuestionKind.MultipleChoice => answer.Values,
            _ => answer.Value ?? "",
        };
        return new AnswerDto(answer.Key, answer.Label, answer.Kind.ToString(), value);
    }

    public static ManagePolicyDto ToDto(ManageSettings manage)
    {
        ArgumentNullException.ThrowIfNull(manage);
        return new ManagePolicyDto(
            manage.Enabled,
            IsoText.Format(manage.CancelCutoff),
            IsoText.Format(manage.RescheduleCutoff),
            manage.CancelReason.ToString(),
            manage.RescheduleReason.ToString(),
            manage.MaxReschedules,
            manage.PolicyText);
    }

    public static SlotsDto ToDto(IReadOnlyList<Slot> slots, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(zone);
        return new SlotsDto(zone.Id, [.. slots.Select(s => new SlotDto(IsoText.Format(s.Start, zone), IsoText.Format(s.End, zone)))]);
    }

    public static BookingDto ToDto(Booking booking, BookingPage page, IReadOnlyList<string> allowedActions, string? manageUrl)
    {
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(page);
        var zone = Zones.OfCustomer(booking);
        return new BookingDto(
            booking.Reference,
            booking.Status.ToString(),
            new PageRefDto(page.Slug, page.Title),
            new CustomerDto(booking.CustomerName, booking.CustomerTimeZoneId),
            [.. Policies.ManagePolicy.CurrentSessions(booking)
                .Select(s => new SessionDto(s.Id, IsoText.Format(s.StartUtc, zone), IsoText.Format(s.EndUtc, zone), s.Status.ToString()))],
            booking.RescheduleCount,
            allowedActions,
            manageUrl,
            ToDto(BookingLocation.Of(booking, page)),
            [.. booking.Answers.Select(ToDto)]);
    }
}
