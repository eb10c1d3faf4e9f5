using System.Text.Json;
using System.Text.Json.Nodes;
using OitCrawler.Cli;
using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Tests.Support;

namespace OitCrawler.Tests.Rules;

/// <summary>The shipped JSON Schemas are the records' own, and a broken file gets every problem at once, at its line, in Thai with English beneath.</summary>
[Trait("speed", "slow")]
public sealed class DataFileSchemasTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public static TheoryData<string, string> Shipped => new()
    {
        { "rules/rules.schema.json", nameof(RuleSet) },
        { "measures/measures.schema.json", nameof(MeasuresFile) },
        { "rules/agency-kinds.schema.json", nameof(AgencyKindsFile) },
    };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void ShippedSchema_IsGeneratedFromTheRecords(string file, string type)
    {
        var generated = Generated(type).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Repo.Path(file.Split('/'));
        if (Environment.GetEnvironmentVariable("OITCRAWLER_WRITE_SCHEMAS") == "1")
        {
            File.WriteAllText(path, generated); // regenerate after changing a record: OITCRAWLER_WRITE_SCHEMAS=1 dotnet test --filter DataFileSchemasTests
        }

        Assert.True(generated == File.ReadAllText(path), $"{file} differs from the records; regenerate it with OITCRAWLER_WRITE_SCHEMAS=1 dotnet test --filter DataFileSchemasTests");
    }

    [Fact]
    public async Task RulesValidate_ThreeMistakes_PrintsAllThreeInThaiWithLines()
    {
        var lines = File.ReadAllLines(Repo.Path("rules", "ita-2568.json")).ToList();
        var period = lines.FindIndex(l => l.Contains("\"period\": \"CurrentFY\"", StringComparison.Ordinal));
        var check = lines.FindIndex(l => l.Contains("\"check\": \"Images\"", StringComparison.Ordinal));
        var aliases = lines.FindIndex(l => l.Contains("\"aliases\": [", StringComparison.Ordinal));
        lines[period] = lines[period].Replace("\"period\"", "\"perod\"", StringComparison.Ordinal);  // 1: a mistyped name
        lines[check] = lines[check].Replace("\"Images\"", "\"Image\"", StringComparison.Ordinal);    // 2: a value not in the list
        lines[aliases] = lines[aliases].Replace("\"aliases\": [", "\"aliases\": [3, ", StringComparison.Ordinal); // 3: a number where a name is expected
        var file = _temp.File("ita-2568.json");
        await File.WriteAllLinesAsync(file, lines);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Commands.RunAsync(["rules", "validate", file], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        var output = stderr.ToString().ReplaceLineEndings("\n");
        Assert.Matches($@"ita-2568\.json:{period + 1}:\d+: ข้อ O\d+: ไม่รู้จัก `perod` หมายถึง `period` หรือไม่\?\n    unknown property `perod`; did you mean `period`\?", output);
        Assert.Matches($@"ita-2568\.json:{check + 1}:\d+: ข้อ O\d+: `check` ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: Text, Images, Form, Link ไม่ใช่ `Image` \(หมายถึง `Images` หรือไม่\?\)\n    `check` must be one of", output);
        Assert.Matches($@"ita-2568\.json:{aliases + 1}:\d+: ข้อ O\d+: `0` ต้องเป็นข้อความ", output);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(output, @"^\S+ita-2568\.json:\d+:\d+: ", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.DoesNotContain("could not be mapped", output, StringComparison.Ordinal); // no System.Text.Json text
    }

    [Fact]
    public async Task MeasuresValidate_UnknownUnitProperty_SuggestsTheName()
    {
        var text = (await File.ReadAllTextAsync(Repo.Path("measures", "thaphae.json"))).Replace("\"email\": \"klang@", "\"emial\": \"klang@", StringComparison.Ordinal);
        var file = _temp.File("m.json");
        await File.WriteAllTextAsync(file, text);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await Commands.RunAsync(["measures", "validate", file, "--rules", Repo.Path("rules")], stdout, stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("ไม่รู้จัก `emial` หมายถึง `email` หรือไม่?", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedFiles_NameTheirSchema_AndValidate()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(ExitCodes.Ok, await Commands.RunAsync(["measures", "validate", Repo.Path("measures", "thaphae.json"), "--rules", Repo.Path("rules")], stdout, stderr, CancellationToken.None));
        Assert.Contains("\"$schema\": \"measures.schema.json\"", await File.ReadAllTextAsync(Repo.Path("measures", "thaphae.json")), StringComparison.Ordinal);
        foreach (var rules in Directory.GetFiles(Repo.Path("rules"), "ita-*.json"))
        {
            Assert.Contains("\"$schema\": \"rules.schema.json\"", await File.ReadAllTextAsync(rules), StringComparison.Ordinal);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static JsonObject Generated(string type) => type switch
    {
        nameof(RuleSet) => DataFileSchemas.Generate(typeof(RuleSet), "OitCrawler rules file (rules/ita-YYYY.json) / ไฟล์เกณฑ์การประเมิน"),
        nameof(AgencyKindsFile) => DataFileSchemas.Generate(typeof(AgencyKindsFile), "OitCrawler agency kinds (rules/agency-kinds.json) / ประเภทหน่วยงาน"),
        _ => DataFileSchemas.Generate(typeof(MeasuresFile), "OitCrawler measures file (measures/*.json) / ไฟล์มาตรการของหน่วยงาน"),
    };
}
