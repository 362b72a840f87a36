using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsGraph.TestSupport;

/// <summary>
/// Everything a test server logs past its configured filters, kept in memory so tests can assert what was logged (and
/// what was not), with the values of the logging scopes it was logged in.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public IReadOnlyList<CapturedLogEntry> AtLeast(LogLevel level) => [.. _entries.Where(e => e.Level >= level)];

    /// <summary>The first entry that matches, waiting (bounded) for it to be logged.</summary>
    public async Task<CapturedLogEntry> WaitForAsync(Func<CapturedLogEntry, bool> match, string what, TimeSpan? timeout = null)
    {
        CapturedLogEntry? found = null;
        await Wait.UntilAsync(() => (found = _entries.FirstOrDefault(match)) is not null, $"a log entry: {what}", timeout);
        return found!;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>A logger for a component built by hand (not by a host) that logs here.</summary>
    public ILogger<T> CreateLogger<T>() => new TypedLogger<T>(CreateLogger(typeof(T).FullName ?? typeof(T).Name));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private List<KeyValuePair<string, object?>> ScopeValues()
    {
        var values = new List<KeyValuePair<string, object?>>();
        _scopes?.ForEachScope(
            static (scope, values) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    values.AddRange(pairs);
                }
            },
            values);
        return values;
    }

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner._entries.Enqueue(new CapturedLogEntry(category, logLevel, formatter(state, exception), exception, owner.ScopeValues()));
    }
}

public sealed record CapturedLogEntry(
    string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>>? ScopeValues = null)
{
    /// <summary>The innermost scope's value of <paramref name="key"/>, or null.</summary>
    public object? Scope(string key) => ScopeValues?.LastOrDefault(pair => pair.Key == key).Value;
}
