using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Gaps;

[Trait("speed", "fast")]
public sealed class MeasuresLoaderTests : IDisposable
{
    private static readonly RuleCatalog Catalog = RuleCatalog.Load(Repo.Path("rules"));
    private readonly string _dir = Directory.CreateTempSubdirectory("oit-measures-").FullName;

    [Fact]
    public void Load_ShippedThaPhaeFile_IsValidAndCoversSevenIssues()
    {
        var measures = MeasuresLoader.Load(Repo.Path("measures", "thaphae.json"), Catalog);
        Assert.Equal("เทศบาลตำบลท่าแพ", measures.Agency);
        Assert.Equal(Enumerable.Range(1, 7), measures.Issues.Select(i => i.Number));
        Assert.Equal([2566, 2567], measures.PastScores.Select(p => p.Year));
        Assert.Equal(63.57, measures.PastScores[1].Indicators["9"]);
    }

    [Fact]
    public void Load_UnknownItemCodeForTheYear_IsAnErrorAtItsLine()
    {
        var path = Write("""
            {
              "agency": "ทดสอบ",
              "units": [ { "id": "klang", "name": "กองคลัง", "email": "klang@example.com" } ],
              "issues": [ { "number": 1, "title": "x", "activities": [
                { "id": "1.1", "title": "y", "units": [ "klang", "nobody" ],
                  "items": { "2568": [ "O12", "O99" ], "2571": [ "O1" ] } } ] } ]
            }
            """);
        var ex = Assert.Throws<DataFileException>(() => MeasuresLoader.Load(path, Catalog));

        Assert.Contains(ex.Problems, p => p.Line == 5 && p.Message.Contains("nobody", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Line == 6 && p.Message.Contains("O99", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Line == 6 && p.Message.Contains("2571", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Problems, p => p.Message.Contains("O12", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_BadEmail_IsAnError()
    {
        var path = Write("""{ "agency": "ทดสอบ", "units": [ { "id": "a", "name": "ก", "email": "not-an-address" } ] }""");
        var ex = Assert.Throws<DataFileException>(() => MeasuresLoader.Load(path, Catalog));
        Assert.Contains("not-an-address", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DisplayNameEmail_IsAnErrorAtItsLine()
    {
        var path = Write("""
            {
              "agency": "ทดสอบ",
              "units": [
                { "id": "a", "name": "ก", "email": "กองคลัง <klang@example.com>" } ]
            }
            """);
        var ex = Assert.Throws<DataFileException>(() => MeasuresLoader.Load(path, Catalog));
        Assert.Contains(ex.Problems, p => p.Line == 4 && p.Message.Contains("display name", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "measures.json");
        File.WriteAllText(path, json);
        return path;
    }
}
