using System.Globalization;

namespace OitCrawler.Cli;

/// <summary>A bad command line: the message says what is wrong and what was expected.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    public UsageException()
        : this("bad usage")
    {
    }

    public UsageException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}

/// <summary>
/// The parsed command line: a command, its positional arguments, and options mapped onto
/// configuration keys so that one validation (options classes) covers both appsettings and flags.
/// </summary>
internal sealed record CommandLine(string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string?> Settings)
{
    public const string Usage = """
        OitCrawler — ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT ของ ITA / audits an agency website against the ITA OIT items

        Usage:
          oitcrawler demo [--out DIR] [--year YYYY]
              serve the bundled sample municipality on 127.0.0.1, audit it, write ./out/
          oitcrawler audit <start-url> [--year YYYY] [--out DIR] [--max-pages N] [--rate R] [--concurrency C]
              --year         ITA year in พ.ศ. (default: the fiscal year of today's date)
              --rate         requests per second per host (default 2; 0 = no limit)
              --concurrency  requests in flight (default 4)
              --evidence true  also write evidence.json (what was extracted from every page)
          oitcrawler rules validate [FILE|DIR ...]
              check rules files; every problem with file:line:column
          oitcrawler serve
              the nightly worker: audits Audit:Site on Schedule:Cron, keeps history, e-mails changes
          oitcrawler run-now
              one audit of Audit:Site through the nightly path (history, per-run reports, alerts)
          oitcrawler history [N]
              the last N runs (default 20) with their scores and trend
          oitcrawler fleet validate FILE
              check an agencies file (CSV or JSON); every problem with file:line:column

        Exit codes: 0 no gaps · 1 gaps found · 2 bad usage/configuration/rules · 3 site unreachable
                    4 another audit is running (run-now) · 130 interrupted
        """;

    private static readonly Dictionary<string, (string Key, Func<string, string> Check)> Options = new(StringComparer.Ordinal)
    {
        ["--year"] = ("Audit:Year", v => Int(v, "--year", 2550, 2700)),
        ["--out"] = ("Audit:OutputDirectory", v => v),
        ["--rules"] = ("Audit:RulesDirectory", v => v),
        ["--max-pages"] = ("Crawl:MaxPages", v => Int(v, "--max-pages", 1, 1_000_000)),
        ["--rate"] = ("Crawl:RatePerSecond", v => Number(v, "--rate", 0, 10_000)),
        ["--concurrency"] = ("Crawl:Concurrency", v => Int(v, "--concurrency", 1, 64)),
        ["--evidence"] = ("Audit:WriteEvidence", v => bool.TryParse(v, out _) ? v : throw new UsageException("--evidence takes true or false")),
        ["--fleet"] = ("Fleet:AgenciesFile", v => v),
        ["--iit"] = ("Audit:IitScore", v => Number(v, "--iit", 0, 100)),
        ["--eit"] = ("Audit:EitScore", v => Number(v, "--eit", 0, 100)),
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            return new CommandLine("help", [], new Dictionary<string, string?>());
        }

        var command = args[0];
        var positional = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            if (!Options.TryGetValue(name, out var option))
            {
                throw new UsageException($"unknown option {name}; see 'oitcrawler --help'");
            }

            string value;
            if (eq > 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"{name} needs a value");
            }

            settings[option.Key] = option.Check(value);
        }

        return new CommandLine(command, positional, settings);
    }

    /// <summary>An absolute http(s) URL from what the user typed; a bare host name gets https://.</summary>
    public static Uri ParseSite(string text)
    {
        var candidate = text.Trim();
        if (!candidate.Contains("://", StringComparison.Ordinal) && candidate.Contains('.', StringComparison.Ordinal) && !candidate.Contains(' ', StringComparison.Ordinal))
        {
            candidate = "https://" + candidate;
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new UsageException($"'{text}' is not a website address; expected e.g. https://www.thaphae.go.th/");
        }

        return uri;
    }

    private static string Int(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? value
            : throw new UsageException($"{name} must be a whole number from {min} to {max}, not '{value}'");

    private static string Number(string value, string name, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? value
            : throw new UsageException($"{name} must be a number from {min} to {max}, not '{value}'");
}
