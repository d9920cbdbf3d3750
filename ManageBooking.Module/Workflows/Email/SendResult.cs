namespace ManageBooking.Workflows.Email;

/// <summary>A delivery's outcome: senders report failure as a value, never by throwing.</summary>
public sealed record SendResult(bool Succeeded, string? Error)
{
    public static SendResult Ok { get; } = new(true, null);

    public static SendResult Fail(string error) => new(false, error);
}
