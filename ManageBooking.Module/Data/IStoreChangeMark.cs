namespace ManageBooking.Data;

/// <summary>
/// A mark the database changes whenever a commit becomes visible, read without asking the tables: a reader that
/// remembers what it read together with the mark may use it again while the mark is the same, since no row can have
/// changed in between. A mark is only compared with another read of the same kind on the same node.
/// </summary>
public interface IStoreChangeMark
{
    /// <summary>
    /// The mark as it stands after every commit that had returned when this was called; null when it cannot be read
    /// now, and then nothing remembered may be trusted.
    /// </summary>
    ValueTask<string?> ReadAsync(CancellationToken cancellationToken);
}
