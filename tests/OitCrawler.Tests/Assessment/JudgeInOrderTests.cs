using OitCrawler.Assessment;

namespace OitCrawler.Tests.Assessment;

/// <summary>
/// Judging candidates from the highest score down and stopping early must decide an item exactly as judging them
/// all would: the same verdict (first judgement) and the same evidence (first three distinct URLs with its status).
/// </summary>
[Trait("speed", "fast")]
public class JudgeInOrderTests
{
    private static readonly ItemStatus[] Statuses = [ItemStatus.Pass, ItemStatus.Review, ItemStatus.Incomplete, ItemStatus.Stale, ItemStatus.Missing, ItemStatus.Broken];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EarlyStop_DecidesAsJudgingEveryCandidate(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            // Few distinct scores and URLs, so that ties in score, key and URL are common.
            var candidates = Enumerable.Range(0, random.Next(1, 60))
                .Select(i => Candidate(random.Next(12), random.Next(45, 46 + (random.Next(3) * 30)), i))
                .ToList();
            var statuses = candidates.ToDictionary(c => c, _ => Statuses[random.Next(Statuses.Length)]);
            Assessor.Judgement Judge(Candidate c) => new(c, new EvidenceRef(c.Url!, c.FoundOn, c.Text), statuses[c], []);

            var all = candidates.Select(Judge).OrderByDescending(j => j.Candidate.Score + Assessor.Preference(j.Status)).ToList();
            var early = Assessor.JudgeInOrder(candidates, Judge);

            Assert.Same(all[0].Candidate, early[0].Candidate);
            Assert.Equal(Evidence(all), Evidence(early));
        }
    }

    [Fact]
    public void StrongPassingCandidates_SpareJudgingTheWeakOnes()
    {
        // Three hub rows that pass, then hundreds of pages that merely mention the item.
        var candidates = Enumerable.Range(0, 3).Select(i => Candidate(i, 105, i))
            .Concat(Enumerable.Range(3, 500).Select(i => Candidate(i, 45, i)))
            .ToList();
        var judged = 0;
        var result = Assessor.JudgeInOrder(candidates, c =>
        {
            judged++;
            return new Assessor.Judgement(c, new EvidenceRef(c.Url!, c.FoundOn, c.Text), ItemStatus.Pass, []);
        });

        Assert.Equal(3, judged);
        Assert.Equal(105, result[0].Candidate.Score);
    }

    private static List<Uri> Evidence(List<Assessor.Judgement> judged) =>
        judged.Where(j => j.Status == judged[0].Status).Select(j => j.Ref.Url).Distinct().Take(3).ToList();

    private static Candidate Candidate(int url, int score, int index) =>
        new(new Uri($"http://agency.test/p/{url}"), $"/p/{url}", $"link {index}", null, new Uri("http://agency.test/"), score, "link");
}
