using System.Globalization;
using OitCrawler.Crawling;
using Spectre.Console;

namespace OitCrawler.Cli;

/// <summary>
/// Crawl progress on stderr against the page budget, with an estimate of the time left: a live bar
/// (Spectre.Console) on a terminal, a plain line every 10 s when stderr is a file or a pipe.
/// One language per line.
/// </summary>
internal sealed class CrawlProgressDisplay : IProgress<CrawlProgress>
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);
    private readonly Say _say;
    private readonly TimeProvider _time;
    private readonly int _budget;
    private readonly Lock _lock = new();
    private ProgressTask? _bar;
    private CrawlProgress? _latest;
    private long _lastPlain;

    private CrawlProgressDisplay(Say say, TimeProvider time, int budget)
    {
        _say = say;
        _time = time;
        _budget = budget;
    }

    /// <summary>Runs <paramref name="audit"/> with progress shown; the bar is left at its final counts.</summary>
    public static async Task<T> RunAsync<T>(Say say, TimeProvider time, int budget, Func<IProgress<CrawlProgress>, Task<T>> audit)
    {
        var display = new CrawlProgressDisplay(say, time, budget);
        if (!ReferenceEquals(say.Error, Console.Error) || Console.IsErrorRedirected)
        {
            var result = await audit(display);
            display.Final();
            return result;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                display._bar = context.AddTask(display.Describe(new CrawlProgress(0, 0, 0, 0, TimeSpan.Zero)), maxValue: budget);
                var result = await audit(display);
                display._bar.Value = display._bar.MaxValue;
                display._bar.StopTask();
                return result;
            });
    }

    public void Report(CrawlProgress value)
    {
        lock (_lock)
        {
            _latest = value;
            if (_bar is { } bar)
            {
                // The crawl ends when the budget is spent or the queue runs dry, whichever comes first.
                bar.MaxValue = Math.Max(1, Math.Min(_budget, value.Fetched + value.Queued));
                bar.Value = value.Fetched;
                bar.Description = Describe(value);
                return;
            }

            var now = _time.GetTimestamp();
            if (_lastPlain != 0 && _time.GetElapsedTime(_lastPlain, now) < PlainInterval)
            {
                return;
            }

            _lastPlain = now;
            Plain(value);
        }
    }

    private void Final()
    {
        lock (_lock)
        {
            if (_latest is { } last)
            {
                Plain(last);
            }
        }
    }

    private void Plain(CrawlProgress p)
    {
        var left = TimeLeft(p);
        var th = $"  เก็บข้อมูล {p.Fetched}/{_budget} หน้า · คิว {p.Queued} · ผิดพลาด {p.Errors} · ข้าม {p.Skipped} · ผ่านไป {Clock(p.Elapsed)}{(left is { } l ? " · เหลือประมาณ " + Clock(l) : string.Empty)}";
        var en = $"  crawling {p.Fetched}/{_budget} pages · queue {p.Queued} · errors {p.Errors} · skipped {p.Skipped} · elapsed {Clock(p.Elapsed)}{(left is { } m ? " · about " + Clock(m) + " left" : string.Empty)}";
        _say.Note(th, en);
    }

    private string Describe(CrawlProgress p) => Markup.Escape(_say.Language == ConsoleLanguage.En
        ? $"crawling {p.Fetched}/{_budget} · queue {p.Queued} · errors {p.Errors}"
        : $"เก็บข้อมูล {p.Fetched}/{_budget} หน้า · คิว {p.Queued} · ผิดพลาด {p.Errors}");

    /// <summary>What is left (the queue, capped by the budget) at the pace so far; null before there is a pace.</summary>
    internal TimeSpan? TimeLeft(CrawlProgress p)
    {
        if (p.Fetched == 0 || p.Elapsed <= TimeSpan.Zero)
        {
            return null;
        }

        var remaining = Math.Max(0, Math.Min(p.Queued, _budget - p.Fetched));
        return TimeSpan.FromSeconds(remaining * p.Elapsed.TotalSeconds / p.Fetched);
    }

    private static string Clock(TimeSpan t) => t.ToString(t >= TimeSpan.FromHours(1) ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
}
