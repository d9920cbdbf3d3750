namespace ManageBooking.Data;

/// <summary>
/// A number the database moves whenever anything is committed, read without asking the tables: a reader that remembers
/// what it read together with the number may use it again while the number has not moved, since no row can have
/// changed in between. The number is only compared with another read of the same counter on the same node.
/// </summary>
public interface IStoreChangeCounter
{
    /// <summary>
    /// The counter as it stands after every commit that had returned when this was called; null when it cannot be read
    /// now, and then nothing remembered may be trusted.
    /// </summary>
    ValueTask<long?> ReadAsync(CancellationToken cancellationToken);
}
