using ManageBooking.Models;
using ManageBooking.Questions;
using ManageBooking.Scheduling;

namespace ManageBooking.Bookings;

/// <summary>Checks the shape of a booking request against its page: every field, every problem at once.</summary>
public static class NewBookingValidator
{
    public static Outcome<NewBookingRequest> Validate(BookingPage page, NewBookingInput input)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<FieldKey, string[]>();

        var name = Text.PersonName.Clean(input.Name);
        if (string.IsNullOrEmpty(name))
        {
            errors[FieldKey.CustomerName] = ["Enter your name."];
        }
        else if (name.Length > Booking.NameMaxLength)
        {
            errors[FieldKey.CustomerName] = [$"A name can be at most {Booking.NameMaxLength} characters."];
        }

        var email = input.Email?.Trim();
        if (!InputRules.IsEmail(email))
        {
            errors[FieldKey.Email] = ["Enter an email address such as name@example.com."];
        }

        var zone = Zones.Find(input.TimeZone);
        if (zone is null)
        {
            errors[FieldKey.TimeZone] = ["Choose a time zone from the list (an IANA name such as Europe/Paris)."];
        }

        var starts = new List<NodaTime.Instant>();
        var startTexts = input.Starts ?? [];
        if (startTexts.Count != page.SessionsPerBooking)
        {
            errors[FieldKey.Starts] = [page.SessionsPerBooking == 1
                ? "Choose one time."
                : "Choose one time for each session of the package."];
        }
        else
        {
            foreach (var text in startTexts)
            {
                var start = InputRules.ParseInstant(text);
                if (start is null)
                {
                    errors[FieldKey.Starts] = [$"Each start must be an ISO 8601 date and time with an offset, such as 2026-03-09T09:00:00-04:00, {InputRules.DateRangeText}."];
                    break;
                }

                starts.Add(start.Value);
            }

            if (!errors.ContainsKey(FieldKey.Starts) && starts.Distinct().Count() != starts.Count)
            {
                errors[FieldKey.Starts] = ["Each session needs a different time."];
            }
        }

        string? phone = null;
        if (page.Location is { AsksCustomerPhone: true })
        {
            phone = InputRules.NormalizePhone(input.Phone);
            if (phone is null)
            {
                errors[FieldKey.Phone] = [string.IsNullOrWhiteSpace(input.Phone) ? "Enter the number the host should call." : AnswerValidator.NotAPhone];
            }
        }

        var answers = AnswerValidator.Collect(page.Questions, input.Answers, errors);
        if (errors.Count > 0)
        {
            return BookingFailure.Invalid(errors);
        }

        starts.Sort();
        return Outcome<NewBookingRequest>.Success(new NewBookingRequest(name!, email!, zone!, starts, answers, phone));
    }
}
