using ManageBooking.Text;
using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Email;

/// <summary>Checks ManageBooking:Email at start: a wrong sender or port would otherwise fail every email, one by one, later.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private const string Section = EmailOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var smtp = options.Smtp;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(smtp.Host) && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            problems.Add($"{Section}:PickupDirectory is empty: with no {Section}:Smtp:Host, emails are written there.");
        }

        if (smtp.Host is { } host && (host.Length == 0 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@')))
        {
            problems.Add($"{Section}:Smtp:Host is '{host}': give the mail server's name or address, such as smtp.example.com.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            problems.Add($"{Section}:Smtp:Port is {smtp.Port}: use the mail server's port, such as 587 or 25.");
        }

        if (!IsSender(smtp.From))
        {
            problems.Add($"{Section}:Smtp:From is '{smtp.From}': use one plain email address, such as bookings@example.com.");
        }

        if (string.IsNullOrWhiteSpace(smtp.FromName) || smtp.FromName.Any(char.IsControl))
        {
            problems.Add($"{Section}:Smtp:FromName must be a name on one line, such as Bookings.");
        }

        if (smtp.TimeoutSeconds is < 1 or > 3600)
        {
            problems.Add($"{Section}:Smtp:TimeoutSeconds is {smtp.TimeoutSeconds}: use 1 to 3600 seconds.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            problems.Add($"{Section}:Smtp:UserName and {Section}:Smtp:Password go together: set both, or neither.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>A plain address; a local host name (bookings@localhost, the default) counts for development.</summary>
    private static bool IsSender(string? from)
        => EmailAddress.IsValid(from)
            || (from is not null && from.LastIndexOf('@') is var at and > 0 && !from[(at + 1)..].Contains('.', StringComparison.Ordinal) && EmailAddress.IsValid(from + ".test"));
}
