using Microsoft.Extensions.Logging;

namespace ManageBooking.Security;

/// <summary>
/// Wraps the host's logger factory so that every logger, the framework's included, passes its messages and structured
/// values through <see cref="TokenRedactor"/>. ASP.NET Core's "Request starting" line prints the full path, and MVC
/// prints route values, so filtering our own log calls would not be enough.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => inner.BeginScope(new RedactedScope<TState>(state));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = TokenRedactor.Redact(formatter(state, exception));
            inner.Log(logLevel, eventId, RedactedState.From(state, message), exception, static (s, _) => s.ToString());
        }
    }
}
