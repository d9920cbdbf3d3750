using Microsoft.Extensions.Options;

namespace ManageBooking.Workflows.Outbox;

/// <summary>Checks ManageBooking:Outbox at start: a zero poll or lease would spin or let two nodes send one message.</summary>
public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    private const string Section = OutboxOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.PollSeconds is < 1 or > 3600)
        {
            problems.Add($"{Section}:PollSeconds is {options.PollSeconds}: use 1 to 3600 seconds.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            problems.Add($"{Section}:MaxAttempts is {options.MaxAttempts}: use 1 to 100.");
        }

        if (options.LeaseSeconds is < 3 or > 3600)
        {
            problems.Add($"{Section}:LeaseSeconds is {options.LeaseSeconds}: use 3 to 3600 seconds (renewed every third of it while sending).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
