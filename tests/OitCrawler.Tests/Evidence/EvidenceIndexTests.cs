using OitCrawler.Evidence;

namespace OitCrawler.Tests.Evidence;

[Trait("speed", "fast")]
public sealed class EvidenceIndexTests
{
    private static readonly Uri Start = new("http://agency.test/");
    private static readonly Uri Home = new("http://agency.test/th/index.html");
    private static readonly Uri OldReport = new("http://agency.test/report.pdf");
    private static readonly Uri Report = new("http://agency.test/docs/report-2567.pdf");

    [Fact]
    public void Page_StartUrlRedirected_FollowsFetchRecordToFinalPage()
    {
        var index = Index(CrawlOutcome.Completed);

        Assert.Equal(Home, index.Page(Start)?.Url);
        Assert.Equal(Home, index.Home?.Url);
    }

    [Fact]
    public void Document_RequestedUrl_FoundUnderBothUrls()
    {
        var index = Index(CrawlOutcome.Completed);

        Assert.Same(index.Document(Report), index.Document(OldReport));
        Assert.NotNull(index.Document(Report));
    }

    [Fact]
    public void Page_UnknownUrl_Null() => Assert.Null(Index(CrawlOutcome.Completed).Page(new Uri("http://agency.test/none")));

    [Theory]
    [InlineData(CrawlOutcome.Completed, true)]
    [InlineData(CrawlOutcome.BudgetExhausted, true)]
    [InlineData(CrawlOutcome.HostFailing, false)]
    [InlineData(CrawlOutcome.Unreachable, false)]
    [InlineData(CrawlOutcome.Cancelled, false)]
    public void IsComplete_Outcome_OnlyWhenWholeReachableSiteSeen(CrawlOutcome outcome, bool complete) =>
        Assert.Equal(complete, Index(outcome).IsComplete);

    private static EvidenceIndex Index(CrawlOutcome outcome) => new(
        Start,
        [new PageEvidence { Url = Home }],
        [new DocumentEvidence { Url = Report, RequestedUrl = OldReport }],
        [new FetchRecord(Start, 302, null, Home), new FetchRecord(Home, 200, null, null)],
        [],
        outcome,
        null);
}
