using System.Collections;

namespace ManageBooking.Security;

/// <summary>A log entry's structured values with tokens removed, for providers that write the values, not just the message.</summary>
internal sealed class RedactedState(IReadOnlyList<KeyValuePair<string, object?>> values, string message)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public static RedactedState From<TState>(TState state, string? message = null)
    {
        var pairs = state is IEnumerable<KeyValuePair<string, object?>> structured
            ? structured.Select(p => new KeyValuePair<string, object?>(p.Key, Redact(p.Value))).ToList()
            : [];
        return new RedactedState(pairs, message ?? TokenRedactor.Redact(state?.ToString() ?? ""));
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;

    private static object? Redact(object? value) => value switch
    {
        null => null,
        string text => TokenRedactor.Redact(text),
        ValueType => value,
        _ => TokenRedactor.Redact(value.ToString() ?? ""),
    };
}
