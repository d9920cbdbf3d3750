using NodaTime;

namespace ManageBooking.Scheduling;

/// <summary>The sessions already on a calendar, sorted so that a conflict check reads only its neighbours.</summary>
public sealed class BusyCalendar
{
    private readonly List<BusyInterval> _byBlockedStart;
    private Duration _longestBlock;

    public BusyCalendar(IEnumerable<BusyInterval> intervals, int seats = 1)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentOutOfRangeException.ThrowIfLessThan(seats, 1);
        Seats = seats;
        _byBlockedStart = [.. intervals];

        // The store returns sessions in index order already; one pass checks that and finds the longest block.
        var sorted = true;
        _longestBlock = Duration.Zero;
        for (var i = 0; i < _byBlockedStart.Count; i++)
        {
            var interval = _byBlockedStart[i];
            sorted &= i == 0 || _byBlockedStart[i - 1].BlockedStart <= interval.BlockedStart;
            var length = interval.BlockedEnd - interval.BlockedStart;
            if (length > _longestBlock)
            {
                _longestBlock = length;
            }
        }

        if (!sorted)
        {
            _byBlockedStart.Sort(BlockedStartComparer.Instance);
        }
    }

    public static BusyCalendar Empty { get; } = new([]);

    /// <summary>How many sessions may overlap before the calendar is full.</summary>
    public int Seats { get; }

    public int Count => _byBlockedStart.Count;

    /// <summary>Adds a session, e.g. an earlier session of the same package being booked.</summary>
    public void Add(BusyInterval interval)
    {
        var index = _byBlockedStart.BinarySearch(interval, BlockedStartComparer.Instance);
        _byBlockedStart.Insert(index < 0 ? ~index : index, interval);
        var length = interval.BlockedEnd - interval.BlockedStart;
        if (length > _longestBlock)
        {
            _longestBlock = length;
        }
    }

    /// <summary>True when a session at [start, end) with the given buffers still finds a free seat.</summary>
    public bool HasRoom(Instant start, Instant end, Duration bufferBefore, Duration bufferAfter)
        => CountConflicts(start, end, bufferBefore, bufferAfter) < Seats;

    /// <summary>
    /// Counts sessions that collide with a candidate. Both sides' buffers count: the candidate's buffers must not cover an
    /// existing session, and an existing session's buffers must not cover the candidate. With several seats this counts
    /// every overlapping session even when they do not overlap each other, which can refuse a seat that was free but never
    /// overbooks.
    /// </summary>
    public int CountConflicts(Instant start, Instant end, Duration bufferBefore, Duration bufferAfter)
    {
        var heldFrom = start - bufferBefore;
        var heldUntil = end + bufferAfter;
        var first = LowerBound(heldFrom - _longestBlock);
        var conflicts = 0;
        for (var i = first; i < _byBlockedStart.Count; i++)
        {
            var busy = _byBlockedStart[i];
            if (busy.BlockedStart >= heldUntil)
            {
                break;
            }

            var candidateBuffersCoverBusy = busy.Start < heldUntil && busy.End > heldFrom;
            var busyBuffersCoverCandidate = busy.BlockedStart < end && busy.BlockedEnd > start;
            if (candidateBuffersCoverBusy || busyBuffersCoverCandidate)
            {
                conflicts++;
            }
        }

        return conflicts;
    }

    private int LowerBound(Instant blockedStart)
    {
        int low = 0, high = _byBlockedStart.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (_byBlockedStart[mid].BlockedStart < blockedStart)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private sealed class BlockedStartComparer : IComparer<BusyInterval>
    {
        public static readonly BlockedStartComparer Instance = new();

        public int Compare(BusyInterval x, BusyInterval y) => x.BlockedStart.CompareTo(y.BlockedStart);
    }
}
