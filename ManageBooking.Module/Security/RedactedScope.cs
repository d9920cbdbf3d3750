using System.Collections;

namespace ManageBooking.Security;

/// <summary>
/// A logging scope's values with tokens removed, worked out only when a provider reads them: the host opens a scope
/// for every request (its path carries the manage token), and most sites never write scopes at all.
/// </summary>
internal sealed class RedactedScope<TState>(TState state) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private RedactedState? _redacted;

    public int Count => Redacted.Count;

    public KeyValuePair<string, object?> this[int index] => Redacted[index];

    private RedactedState Redacted => _redacted ??= RedactedState.From(state);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Redacted.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Redacted.ToString();
}
