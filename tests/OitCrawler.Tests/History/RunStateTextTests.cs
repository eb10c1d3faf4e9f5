using System.Text.RegularExpressions;
using OitCrawler.Assessment;
using OitCrawler.History;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.History;

/// <summary>
/// One status vocabulary: item statuses are named by <see cref="ItemStatusText"/> and run states by
/// <see cref="RunStateText"/>, and nothing else in src/ spells those words or codes itself.
/// </summary>
[Trait("speed", "fast")]
public sealed partial class RunStateTextTests
{
    /// <summary>Thai status words that src/ writes elsewhere for a different concept (file, word): why each is not a status.</summary>
    private static readonly HashSet<(string File, string Word)> OtherMeanings =
    [
        ("HtmlReport.Units.cs", "ไม่พบ"), // a unit with no documents: "none found"
        ("HtmlReport.cs", "ครบถ้วน"), // how the crawl ended (CrawlOutcome), not a run state
        ("HtmlReport.cs", "เข้าถึงเว็บไซต์ไม่ได้"), // how the crawl ended (CrawlOutcome)
        ("Commands.cs", "ถูกขัดจังหวะ"), // the audit command was cancelled; no run is stored
        ("FleetReportWriter.cs", "เข้าเว็บไซต์ไม่ได้"), // the fleet's count of unreachable agencies
    ];

    [Theory]
    [InlineData(nameof(RunState.Running), "running")]
    [InlineData(nameof(RunState.Reporting), "reporting")]
    [InlineData(nameof(RunState.Complete), "complete")]
    [InlineData(nameof(RunState.Partial), "partial")]
    [InlineData(nameof(RunState.Unreachable), "unreachable")]
    public void En_IsTheStoredWord_AndParseReadsItBack(string name, string stored)
    {
        var state = Enum.Parse<RunState>(name);
        Assert.Equal(stored, RunStateText.En(state));
        Assert.Equal(state, RunStateText.Parse(stored));
        Assert.Equal(state, RunStateText.Parse(stored.ToUpperInvariant()));
    }

    [Fact]
    public void ParseStatus_ReadsBackEveryItemStatusAsWritten()
    {
        foreach (var status in Enum.GetValues<ItemStatus>())
        {
            Assert.Equal(status, RunStateText.ParseStatus(ItemStatusText.En(status)));
        }
    }

    [Fact]
    public void Th_AndBadge_NameEveryState()
    {
        foreach (var state in Enum.GetValues<RunState>())
        {
            Assert.False(string.IsNullOrWhiteSpace(RunStateText.Th(state)));
            Assert.False(string.IsNullOrWhiteSpace(RunStateText.Badge(Run(state, null)).Th));
        }

        Assert.Equal(("warn", "ถูกขัดจังหวะ"), RunStateText.Badge(Run(RunState.Partial, RunOutcomes.Cancelled)));
        Assert.Equal(("warn", "ไม่ครบ"), RunStateText.Badge(Run(RunState.Partial, "BudgetExhausted")));
    }

    [Theory]
    [InlineData(null, "ยังไม่ได้ตรวจ")]
    [InlineData(nameof(RunState.Unreachable), "เข้าไม่ได้: why")]
    [InlineData(nameof(RunState.Complete), "ตรวจครบ")]
    [InlineData(nameof(RunState.Partial), "ตรวจไม่ครบ: why")]
    public void Latest_NamesAnAgencysLastRun(string? state, string expected) =>
        Assert.Equal(expected, RunStateText.Latest(state is { } s ? Run(Enum.Parse<RunState>(s), null) with { OutcomeReason = "why" } : null));

    [Fact]
    public void Src_SpellsStatusWordsAndCodesOnlyInTheVocabulary()
    {
        var words = Enum.GetValues<ItemStatus>().Select(ItemStatusText.Th)
            .Concat(Enum.GetValues<RunState>().Select(RunStateText.Th))
            .Concat(Enum.GetValues<RunState>().Select(s => RunStateText.Badge(Run(s, null)).Th))
            .Append(RunStateText.Badge(Run(RunState.Partial, RunOutcomes.Cancelled)).Th)
            .ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var file = Path.GetFileName(path);
            if (file is "ItemStatusText.cs" or "RunStateText.cs")
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var at = $"{Path.GetRelativePath(Repo.Root, path)}:{i + 1}";
                foreach (Match literal in StringLiteral().Matches(lines[i]))
                {
                    var word = literal.Groups[1].Value;
                    if (words.Contains(word) && !OtherMeanings.Contains((file, word)))
                    {
                        found.Add($"{at}: \"{word}\"");
                    }
                }

                if (OwnSpelling().IsMatch(lines[i]))
                {
                    found.Add($"{at}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(found.Count == 0, "status words or codes spelled outside ItemStatusText/RunStateText:\n" + string.Join('\n', found));
    }

    private static RunSummary Run(RunState state, string? outcome) =>
        new("r", "https://www.thaphae.test/", 2569, 2569, DateTimeOffset.UnixEpoch, null, state, outcome, null,
            0, 0, null, null, null, new Dictionary<string, double>(), null, null);

    [GeneratedRegex("\"([^\"\\\\]*)\"")]
    private static partial Regex StringLiteral();

    /// <summary>A status or state turned into text or read back without the vocabulary.</summary>
    [GeneratedRegex(@"(Status|State)\.ToString\(\)\.ToLowerInvariant\(\)|Enum\.Parse<(ItemStatus|RunState)>")]
    private static partial Regex OwnSpelling();
}
