using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OitCrawler.Tests.Support;

/// <summary>A logger provider that keeps every message in the order it was logged, to check the order of pipeline steps.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    /// <summary>Where the first message containing <paramref name="text"/> stands, or -1.</summary>
    public int IndexOf(string text) => Messages.ToList().FindIndex(m => m.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._messages.Enqueue(formatter(state, exception));
    }
}
