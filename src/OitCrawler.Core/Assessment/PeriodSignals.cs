using OitCrawler.Text;

namespace OitCrawler.Assessment;

/// <summary>How strongly a year speaks for a document's period, from the strongest (rules/README.md, "Periods").</summary>
internal enum PeriodRank
{
    /// <summary>A period stated for the document: "ประจำปีงบประมาณ 2567" or "FY 2567" in its title or text, "2566–2570" in its title.</summary>
    Stated,

    /// <summary>A year in the link's label (stated or bare) or a bare year in the document's own title: "แผนอัตรากำลัง 2568".</summary>
    Title,

    /// <summary>A year in the file name: "ITA_68_O7.pdf", "report-2567.pdf".</summary>
    FileName,

    /// <summary>Dates and years inside the document: announcement and signing dates ("ประกาศ ณ วันที่ 20 ตุลาคม 2566").</summary>
    Inside,

    /// <summary>Context around the link: the URL's folders (not the ITA round's folder or an upload date).</summary>
    Context,
}

/// <summary>One source's years at one rank ("link label", "document").</summary>
internal sealed record PeriodSignal(PeriodRank Rank, string Source, IReadOnlyList<YearMention> Years);

/// <summary>
/// Reads an evidence's period the way an assessor does: the strongest rank that says anything decides;
/// a report about FY N signed in FY N+1 is about FY N because its stated period outranks its dates.
/// When two sources of that rank disagree about the required period, there is no verdict but review.
/// </summary>
internal static class PeriodSignals
{
    public static List<PeriodSignal> Read(IReadOnlyList<YearMention> label, Uri url, string heading, string lead, string held = "", string heldLabel = "")
    {
        var signals = new List<PeriodSignal>();
        var headingYears = Own(ThaiYears.Find(heading));
        var leadYears = Own(ThaiYears.Find(lead));
        var labelYears = Own(label);
        // The document's own first line is its title when it has no heading (a PDF's text layer).
        var firstLine = heading.Trim().Length == 0 ? lead.Split('\n', 2)[0] : string.Empty;
        var firstLineYears = Own(ThaiYears.Find(firstLine));
        // A range names a document's period in its title; in running text it names another document ("ทบทวนแผนพัฒนา
        // ท้องถิ่น (พ.ศ. 2566 - 2570)" in the minutes of a meeting of FY 2568), so there it counts as a date inside.
        Add(PeriodRank.Stated, "title", headingYears.Where(IsStated));
        Add(PeriodRank.Stated, "document title", firstLineYears.Where(y => y.Kind == YearKind.Range));
        Add(PeriodRank.Stated, "document", leadYears.Where(y => y.Kind == YearKind.FiscalYear));
        // The one document a pointer page holds states its period in its title (first line); when the link to it says another
        // year ("… ประจำปีงบประมาณ พ.ศ. 2569" to a report titled "fiscal year 2568"), both are shown and nothing is guessed.
        var heldYears = Own(ThaiYears.Find(held));
        var heldTitle = Own(ThaiYears.Find(held.TrimStart('\n').Split('\n', 2)[0])).Where(y => y.Kind == YearKind.FiscalYear).ToList();
        var heldLink = Own(ThaiYears.Find(heldLabel)).Where(y => y.Kind != YearKind.Date).ToList();
        if (heldTitle.Count > 0 && heldLink.Count > 0 && !heldTitle.Any(t => heldLink.Any(l => l.FromFY <= t.ToFY && t.FromFY <= l.ToFY)))
        {
            Add(PeriodRank.Stated, "linked document title", heldTitle);
            Add(PeriodRank.Stated, "link to the document", heldLink);
        }

        Add(PeriodRank.Title, "link label", labelYears.Where(y => y.Kind != YearKind.Date));
        Add(PeriodRank.Title, "title", headingYears.Where(IsBare));
        Add(PeriodRank.Title, "document title", firstLineYears.Where(IsBare));
        var file = FileName(url);
        Add(PeriodRank.FileName, "file name", Own(ThaiYears.FindInUrl(file)));
        Add(PeriodRank.Inside, "dates in the document", leadYears.Concat(heldYears).Where(y => y.Kind != YearKind.FiscalYear));
        Add(PeriodRank.Inside, "dates in the link label", labelYears.Where(y => y.Kind == YearKind.Date));
        var folder = new Uri(url, "./");
        Add(PeriodRank.Context, "URL folder", Own(ThaiYears.FindInUrl(folder)));
        // A heading around the link (the hub's "ITA ปี 2569") names the round or a section, not this document's period:
        // it decides which block a code belongs to (SiteView), never a period.
        return signals;

        void Add(PeriodRank rank, string source, IEnumerable<YearMention> years)
        {
            var list = years.Distinct().ToList();
            if (list.Count > 0)
            {
                signals.Add(new PeriodSignal(rank, source, list));
            }
        }
    }

    /// <summary>The strongest rank's signals: every source there, so a disagreement can be seen.</summary>
    public static IReadOnlyList<PeriodSignal> Deciding(IReadOnlyList<PeriodSignal> signals) =>
        signals.Count == 0 ? [] : signals.Where(s => s.Rank == signals.Min(x => x.Rank)).ToList();

    // The ITA round's year ("ITA 2568") names the assessment, never a document's period.
    private static List<YearMention> Own(IEnumerable<YearMention> years) => years.Where(y => y.Kind != YearKind.Assessment).ToList();

    private static bool IsStated(YearMention y) => y.Kind is YearKind.FiscalYear or YearKind.Range;

    private static bool IsBare(YearMention y) => y.Kind is YearKind.Year or YearKind.CommonEra;

    private static readonly Uri FileBase = new("http://file.invalid/");

    private static Uri FileName(Uri url)
    {
        var path = url.AbsolutePath.TrimEnd('/');
        var slash = path.LastIndexOf('/');
        return new Uri(FileBase, "./" + path[(slash + 1)..]);
    }
}
