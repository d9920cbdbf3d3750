using ManageBooking.Data;

namespace ManageBooking.Tests.Infrastructure;

/// <summary>
/// A log sync the test releases by hand, standing in for the disk's flush (a power cut cannot be staged here): it shows
/// which answers wait for the flush and which writes go on while it is pending.
/// </summary>
public sealed class HeldLogSync : ISqliteLogSync
{
    /// <summary>Bounds a wait that would otherwise hang a broken build; the assertions never depend on it.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Reached)> _watchers = [];
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task SyncAsync(string databasePath, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _calls++;
            foreach (var (count, reached) in _watchers.Where(w => w.Count <= _calls))
            {
                reached.TrySetResult();
            }
        }

        return _released.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes once <paramref name="count"/> syncs have been asked for.</summary>
    public Task CalledAsync(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_calls >= count)
            {
                return Task.CompletedTask;
            }

            _watchers.Add((count, reached));
        }

        return reached.Task.WaitAsync(Deadline);
    }

    /// <summary>The disk's flush completes: every sync asked for so far, and every later one, returns.</summary>
    public void Release() => _released.TrySetResult();
}
