namespace ManageBooking.Admin.Services;

/// <summary>What a sign-in attempt came to: in, refused (wrong email or password, never which), or asked to wait.</summary>
public sealed record SignInOutcome(bool Succeeded, TimeSpan Wait)
{
    public static SignInOutcome Success { get; } = new(true, TimeSpan.Zero);

    public static SignInOutcome Refused { get; } = new(false, TimeSpan.Zero);

    public bool IsBlocked => Wait > TimeSpan.Zero;
}
