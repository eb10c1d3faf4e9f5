using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Rules;

[Trait("speed", "fast")]
public sealed class RuleLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oit-rules-").FullName;

    public static TheoryData<string> ShippedFiles() => new(Directory.GetFiles(Repo.Path("rules"), "ita-*.json").Select(Path.GetFileName).Select(f => f!));

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Load_EveryShippedFile_IsValidAndComplete(string file)
    {
        var rules = RuleLoader.Load(Repo.Path("rules", file));
        Assert.True(rules.Items.Count >= 26, $"{file}: {rules.Items.Count} items");
        Assert.All(rules.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Action), $"{file} {i.Code} has no action"));
        var subs = rules.Items.Select(i => i.SubIndicator).ToHashSet();
        Assert.Equal(["9.1", "9.2", "9.3", "9.4", "9.5", "10.1", "10.2"], subs.Order(StringComparer.Ordinal).OrderBy(s => s.Length));
    }

    [Fact]
    public void Catalog_ShipsThreeYears_AndFallsBackForNewerYear()
    {
        var catalog = RuleCatalog.Load(Repo.Path("rules"));
        Assert.Equal([2567, 2568, 2569], catalog.Sets.Select(s => s.Year));
        var (rules, note) = catalog.For(2570);
        Assert.Equal(2569, rules!.Year);
        Assert.Contains("2570", note);
        Assert.Null(catalog.For(2568).Note);
    }

    [Fact]
    public void Catalog_YearOlderThanEveryFile_IsAnError()
    {
        var (rules, note) = RuleCatalog.Load(Repo.Path("rules")).For(2560);
        Assert.Null(rules);
        Assert.Contains("2560", note);
    }

    [Fact]
    public void Load_ElementForAnUnknownAgencyKind_IsAnErrorWithItsLine()
    {
        var text = File.ReadAllText(Repo.Path("rules", "ita-2568.json"));
        var at = text.IndexOf("\"local\"", StringComparison.Ordinal);
        var path = Write("ita-2568.json", text[..at] + "\"municipalty\"" + text[(at + "\"local\"".Length)..]);

        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path, RuleLoader.LoadKinds(Repo.Path("rules", AgencyKindsFile.FileName))));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("municipalty", problem.Message, StringComparison.Ordinal);
        var key = text.LastIndexOf("\"agencyKinds\"", at, StringComparison.Ordinal); // the line of the element's agencyKinds
        Assert.Equal(text[..key].Count(c => c == '\n') + 1, problem.Line);
    }

    [Theory]
    [InlineData("municipality", "political", "head")]
    [InlineData("central", "head", "political")]
    [InlineData("university", "sections", "units")]
    public void KindElements_KeepOnlyTheElementsOfThatKind(string kind, string kept, string dropped)
    {
        var kinds = RuleLoader.LoadKinds(Repo.Path("rules", AgencyKindsFile.FileName));
        var rules = OitCrawler.Assessment.KindElements.For(RuleLoader.Load(Repo.Path("rules", "ita-2568.json"), kinds), kinds.Find(kind)!);

        var o1 = rules.Items.Single(i => i.Code == "O1").Elements.Select(e => e.Id).ToList();
        Assert.Contains(kept, o1);
        Assert.DoesNotContain(dropped, o1);
        Assert.Contains("powers", o1); // an element for every kind stays
    }

    [Theory]
    [InlineData("องค์การบริหารส่วนจังหวัดลำน้ำเพชร", "pao")]
    [InlineData("องค์การบริหารส่วนตำบลโคกกระเจา", "sao")]
    [InlineData("เทศบาลตำบลท่าแพ", "municipality")]
    [InlineData("มหาวิทยาลัยราชภัฏนครวารี", "university")]
    [InlineData("ร้านค้าออนไลน์", null)]
    public void FromName_TellsTheKindByTheLongestNameWord(string name, string? expected)
    {
        var kinds = RuleLoader.LoadKinds(Repo.Path("rules", AgencyKindsFile.FileName));

        Assert.Equal(expected, kinds.FromName(name)?.Id);
    }

    [Fact]
    public void Load_SyntaxError_ReportsFileLineAndColumn()
    {
        var path = Write("ita-2568.json", "{\n  \"schemaVersion\": 1,\n  \"year\": 2568,\n  \"items\": [ { \"code\": \"O1\", } ,, ]\n}");
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(path, problem.File);
        Assert.Equal(4, problem.Line);
        Assert.True(problem.Column > 1);
    }

    [Fact]
    public void Load_UnknownProperty_IsAnErrorNamingIt()
    {
        var path = Write("ita-2568.json", "{\n  \"year\": 2568,\n  \"itemz\": []\n}");
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path));
        Assert.Contains("itemz", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Problems[0].Line);
    }

    [Fact]
    public void Load_SemanticProblems_AllReportedAtTheirLines()
    {
        var json = """
            {
              "schemaVersion": 1,
              "year": 2568,
              "scoring": {
                "indicators": [ { "id": "9", "name": "การเปิดเผยข้อมูล", "subIndicators": [ { "id": "9.1", "name": "ข้อมูลพื้นฐาน" } ] } ],
                "bands": [ { "name": "ผ่าน", "minTotal": 85 } ]
              },
              "items": [
                { "code": "O1", "subIndicator": "9.1", "title": "โครงสร้าง", "action": "x" },
                { "code": "X2", "subIndicator": "9.1", "title": "ผู้บริหาร", "action": "x" },
                { "code": "O1", "subIndicator": "9.9", "title": "", "action": "x",
                  "elements": [ { "id": "a", "th": "ก", "en": "a", "check": "Text" } ] }
              ]
            }
            """;
        var path = Write("ita-2568.json", json);
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path));
        var lines = ex.Problems.Select(p => (p.Line, p.Message)).ToList();
        Assert.Contains(lines, p => p.Line == 10 && p.Message.Contains("X2", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 11 && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 11 && p.Message.Contains("9.9", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 11 && p.Message.Contains("no title", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 12 && p.Message.Contains("anyOf", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{\n  \"year\": 2568,\n  \"items\": null\n}", 3)]
    [InlineData("{\n  \"year\": 2568,\n  \"items\": [ { \"code\": \"O1\", \"aliases\": null } ]\n}", 3)]
    [InlineData("{\n  \"year\": 2568,\n  \"ITEMS\": []\n}", 3)]
    [InlineData("{\n  \"year\": \"2568\"\n}", 2)]
    public void Load_NullOrMiscasedOrQuotedNumber_IsAnErrorAtItsLine(string json, int line)
    {
        // Regression: null lists crashed validation with a NullReferenceException (a stack trace), and
        // "ITEMS" / "2568" were silently accepted although the schema says names and numbers are exact.
        var path = Write("ita-2568.json", json);
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path));
        Assert.Equal(line, Assert.Single(ex.Problems).Line);
    }

    [Fact]
    public void Load_YearNotMatchingFileName_IsAnError()
    {
        var path = Write("ita-2569.json", "{ \"year\": 2568 }");
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(path));
        Assert.Contains(ex.Problems, p => p.Message.Contains("file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingFile_IsAClearError()
    {
        var ex = Assert.Throws<DataFileException>(() => RuleLoader.Load(Path.Combine(_dir, "nope.json")));
        Assert.Contains("cannot read", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
