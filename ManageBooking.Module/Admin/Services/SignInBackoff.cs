namespace ManageBooking.Admin.Services;

/// <summary>
/// Failed sign-ins in a row for one key (an account, whether it exists or not, or a client address) and until when
/// that key must wait; kept in the database so that every node counts the same.
/// </summary>
public sealed class SignInBackoff
{
    /// <summary>"account:" and a hash of the normalised email, or "address:" and the client's address.</summary>
    public string Key { get; set; } = "";

    public int Failures { get; set; }

    public DateTime? BlockedUntilUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
