using System.Text;
using System.Text.Json;
using OitCrawler.Cli;
using OitCrawler.Fleet;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Fleet;

[Trait("speed", "slow")]
public sealed class AgenciesFileTests : IDisposable
{
    private const string Header = "id,name,kind,province,district,site,extraHosts,measuresFile,email,line";
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("agencies.example.csv")]
    [InlineData("agencies.example.json")]
    public void Load_BundledExamples_ReadTheSameAgencies(string name)
    {
        var agencies = AgenciesFile.Load(Repo.Path("fleet", name));

        Assert.Equal(["5500103", "6550201"], agencies.Select(a => a.Id));
        var thaphae = agencies[0];
        Assert.Equal("เทศบาลตำบลท่าแพ", thaphae.Name);
        Assert.Equal("น่าน", thaphae.Province);
        Assert.Equal(new Uri("https://www.thaphae.go.th/"), thaphae.Site);
        Assert.Equal(["e-service.thaphae.go.th", "www.thaphae.go.th"], thaphae.Hosts);
        Assert.Equal(Repo.Path("measures", "thaphae.json"), thaphae.MeasuresFile);
        Assert.Equal("ปัว", agencies[1].District);
        Assert.Null(agencies[1].Line);
        Assert.Null(agencies[1].MeasuresFile);
    }

    [Fact]
    public void Schema_NamesExactlyTheColumnsTheLoaderReads()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Repo.Path("fleet", "agencies.schema.json")));
        var agency = schema.RootElement.GetProperty("properties").GetProperty("agencies").GetProperty("items");
        var properties = agency.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        var required = agency.GetProperty("required").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Equal(AgenciesFile.Columns, properties);
        Assert.Equal(["id", "name", "kind", "province", "site"], required);
        Assert.Equal(Header, string.Join(',', AgenciesFile.Columns));
    }

    [Fact]
    public void Load_CsvWithManyProblems_ReportsEveryOneWithItsLineAtOnce()
    {
        var path = Write("bad.csv",
            Header,
            "a1,เทศบาลตำบลหนึ่ง,เทศบาลตำบล,น่าน,,https://one.go.th/,,,,",
            "a1,เทศบาลตำบลสอง,เทศบาลตำบล,น่าน,,https://two.go.th/,,,,", // duplicate id
            "a3,อบต.สาม,อบต.,น่าน,,https://ONE.go.th,,,,", // duplicate site (canonical)
            "a 4,อบต.สี่,,น่าน,,ftp://four.go.th/,http://x/y,,not-an-email,", // bad id, no kind, bad site, bad host, bad e-mail
            "a5,อบต.ห้า,อบต.,น่าน,,https://five.go.th/,,missing.json,,id with space");

        var ex = Assert.Throws<DataFileException>(() => AgenciesFile.Load(path));

        var lines = ex.Problems.Select(p => (p.Line, p.Message)).ToList();
        Assert.Contains(lines, p => p.Line == 3 && p.Message.Contains("duplicate id 'a1' (first at line 2)", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 4 && p.Message.Contains("duplicate site (first at line 2, agency 'a1')", StringComparison.Ordinal));
        Assert.Equal(5, lines.Count(p => p.Line == 5));
        Assert.Contains(lines, p => p.Line == 5 && p.Message.Contains("ไม่มีประเภท", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 6 && p.Message.Contains("missing.json", StringComparison.Ordinal));
        Assert.Contains(lines, p => p.Line == 6 && p.Message.Contains("LINE", StringComparison.Ordinal));
        Assert.All(ex.Problems, p => Assert.Equal(path, p.File));
        Assert.Equal(9, ex.Problems.Count);
    }

    [Fact]
    public void Load_CsvQuotedFieldsOverLines_KeepsLineNumbersOfLaterRows()
    {
        var path = Write("quoted.csv",
            Header,
            "q1,\"เทศบาล, ตำบล\"\"หนึ่ง\"\"\nบรรทัดสอง\",เทศบาลตำบล,น่าน,,https://one.go.th/,\"a.one.go.th; b.one.go.th:8080\",,,",
            "q2,อบต.สอง,อบต.,น่าน,,not a url,,,,");

        var ex = Assert.Throws<DataFileException>(() => AgenciesFile.Load(path));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(4, problem.Line); // the quoted field spans lines 2-3
        Assert.Equal(23, problem.Column); // q2,อบต.สอง,อบต.,น่าน,, is 22 characters
    }

    [Fact]
    public void Load_CsvQuotedFields_ReadAsWritten()
    {
        var path = Write("quoted.csv",
            Header,
            "q1,\"เทศบาล, ตำบล\"\"หนึ่ง\"\"\",เทศบาลตำบล,น่าน,,https://one.go.th/,\"a.one.go.th; b.one.go.th:8080\",,,");

        var agency = Assert.Single(AgenciesFile.Load(path));

        Assert.Equal("เทศบาล, ตำบล\"หนึ่ง\"", agency.Name);
        Assert.Equal(["a.one.go.th", "b.one.go.th:8080"], agency.ExtraHosts);
        Assert.Equal(["a.one.go.th", "b.one.go.th", "one.go.th"], agency.Hosts);
    }

    [Fact]
    public void Load_CsvSavedByThaiExcel_ReadsWindows874()
    {
        var text = Header + "\nt1,เทศบาลตำบลท่าแพ,เทศบาลตำบล,น่าน,,https://t.go.th/,,,,\n";
        var path = _folder.File("ansi.csv");
        File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(874)!.GetBytes(text));

        Assert.Equal("เทศบาลตำบลท่าแพ", Assert.Single(AgenciesFile.Load(path)).Name);
    }

    [Fact]
    public void Load_CsvBadHeader_NamesUnknownAndMissingColumns()
    {
        var path = Write("header.csv", "id,name,kind,provnce,site", "x,y,z,น่าน,https://x.go.th/");

        var ex = Assert.Throws<DataFileException>(() => AgenciesFile.Load(path));

        Assert.Contains(ex.Problems, p => p.Line == 1 && p.Column == 14 && p.Message.Contains("'provnce'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Line == 1 && p.Message.Contains("lacks the column 'province'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CsvUnclosedQuote_NamesItsLine()
    {
        var path = Write("open.csv", Header, "a,b,c,d,,https://a.go.th/,,,,", "b,\"never closed,c,d,,https://b.go.th/,,,,");

        var problem = Assert.Single(Assert.Throws<DataFileException>(() => AgenciesFile.Load(path)).Problems);

        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void Load_JsonProblems_PointAtTheValueLine()
    {
        var path = Write("bad.json",
            "{",
            "  \"schemaVersion\": 1,",
            "  \"agencies\": [",
            "    { \"id\": \"j1\", \"name\": \"หนึ่ง\", \"kind\": \"อบต.\", \"province\": \"น่าน\", \"site\": \"https://j.go.th/\" },",
            "    { \"id\": \"j1\", \"name\": \"สอง\", \"kind\": \"อบต.\", \"province\": \"น่าน\",",
            "      \"site\": \"https://j.go.th/\", \"email\": \"a@@b\" }",
            "  ]",
            "}");

        var ex = Assert.Throws<DataFileException>(() => AgenciesFile.Load(path));

        Assert.True(ex.Problems.Select(p => p.Line).SequenceEqual([5, 6, 6]), string.Join("\n", ex.Problems));
    }

    [Fact]
    public void Load_JsonUnknownProperty_IsAnErrorWithItsLine()
    {
        var path = Write("typo.json", "{ \"schemaVersion\": 1, \"agencies\": [", "  { \"id\": \"x\", \"sitee\": \"https://x.go.th/\" } ] }");

        var problem = Assert.Single(Assert.Throws<DataFileException>(() => AgenciesFile.Load(path)).Problems);

        Assert.Equal(2, problem.Line);
        Assert.Contains("sitee", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetValidate_BadFile_ExitsTwoListingEveryProblemAsFileLine()
    {
        var path = Write("cli.csv", Header, "a,,อบต.,น่าน,,https://a.go.th/,,,,", "a,b,อบต.,น่าน,,https://b.go.th/,,,,");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Commands.RunAsync(["fleet", "validate", path], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{path}:2:3: ไม่มีชื่อหน่วยงาน", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{path}:3:1: รหัส 'a' ซ้ำกับบรรทัด 2", lines[1], StringComparison.Ordinal);
        Assert.Contains("พบ 2 ปัญหา", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 problem(s)", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetValidate_Example_ExitsZeroWithCounts()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Commands.RunAsync(["fleet", "validate", "--fleet", Repo.Path("fleet", "agencies.example.csv")], stdout, stderr, CancellationToken.None);

        Assert.True(code == ExitCodes.Ok, stderr.ToString());
        Assert.Contains("2 หน่วยงาน 1 จังหวัด 3 โฮสต์", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("2 agencies, 1 provinces, 3 hosts", stdout.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string name, params string[] lines)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", Encoding.UTF8);
        return path;
    }
}
