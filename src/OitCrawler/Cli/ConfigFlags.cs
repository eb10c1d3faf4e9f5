using System.CommandLine;
using System.Globalization;

namespace OitCrawler.Cli;

/// <summary>
/// Command-line flags that set configuration keys, so that one validation (the options classes) covers
/// appsettings.json, environment variables and flags alike. A command adds the flags it takes;
/// <see cref="Settings"/> turns the ones given into configuration overrides.
/// </summary>
internal sealed class ConfigFlags
{
    private readonly List<(Option Option, string Key)> _flags = [];

    /// <summary>The flags of an audit: what to audit against, how hard to crawl, what to write.</summary>
    public static ConfigFlags ForAudit(bool measures = true, bool rules = true, bool verbose = false)
    {
        var flags = new ConfigFlags()
            .Text("--year", "Audit:Year", "YYYY", "ปีการประเมิน ITA (พ.ศ.) ค่าเริ่มต้น: ปีงบประมาณของวันนี้", "ITA year (Buddhist era); default: the fiscal year of today", v => Int(v, "--year", 2550, 2700))
            .Text("--out", "Audit:OutputDirectory", "DIR", "โฟลเดอร์รายงาน (ค่าเริ่มต้น out) แต่ละครั้งเขียนใน <DIR>/<host>/<วันเวลา>/", "reports folder (default out); each audit writes <DIR>/<host>/<date-time>/", null);
        if (rules)
        {
            flags.Text("--rules", "Audit:RulesDirectory", "DIR", "โฟลเดอร์ไฟล์เกณฑ์ (ค่าเริ่มต้น rules)", "rules folder (default rules)", null);
        }

        if (measures)
        {
            flags.Text("--measures", "Audit:MeasuresFile", "FILE", "ไฟล์มาตรการของหน่วยงาน (สร้างด้วย oitcrawler init)", "the agency's measures file (make one with oitcrawler init)", null);
        }

        if (verbose)
        {
            // audit and demo print the phases; the nightly commands log them (Serilog) on every run.
            flags.Flag("--verbose", "Audit:Verbose", "บอกเวลาของแต่ละขั้น (เริ่มโปรแกรม เก็บข้อมูล ประเมิน รายงาน) และหน่วยความจำสูงสุด", "state how long each phase took (start-up, crawl, assessment, reports) and the peak memory");
        }

        return flags
            .Text("--max-pages", "Crawl:MaxPages", "N", "จำนวนหน้าและเอกสารสูงสุด (ค่าเริ่มต้น 3000)", "page and document budget (default 3000)", v => Int(v, "--max-pages", 1, 1_000_000))
            .Text("--rate", "Crawl:RatePerSecond", "R", "คำขอต่อวินาทีต่อโฮสต์ (ค่าเริ่มต้น 2; 0 = ไม่จำกัด)", "requests per second per host (default 2; 0 = no limit)", v => Number(v, "--rate", 0, 10_000))
            .Text("--concurrency", "Crawl:Concurrency", "C", "จำนวนคำขอพร้อมกัน (ค่าเริ่มต้น 4)", "requests in flight (default 4)", v => Int(v, "--concurrency", 1, 64))
            .Flag("--evidence", "Audit:WriteEvidence", "เขียน evidence.json ด้วย (ข้อมูลที่อ่านได้จากทุกหน้า)", "also write evidence.json (what was read from every page)")
            .Text("--iit", "Audit:IitScore", "X", "คะแนน IIT ของหน่วยงาน เพื่อประมาณการคะแนน ITA รวม", "the agency's IIT score, to project the total ITA", v => Number(v, "--iit", 0, 100))
            .Text("--eit", "Audit:EitScore", "Y", "คะแนน EIT ของหน่วยงาน เพื่อประมาณการคะแนน ITA รวม", "the agency's EIT score, to project the total ITA", v => Number(v, "--eit", 0, 100));
    }

    /// <summary>Adds the flags to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var (option, _) in _flags)
        {
            command.Add(option);
        }
    }

    /// <summary>The configuration keys of the flags given on the command line.</summary>
    public Dictionary<string, string?> Settings(ParseResult parse)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (option, key) in _flags)
        {
            if (parse.GetResult(option) is not { Implicit: false })
            {
                continue;
            }

            settings[key] = option switch
            {
                Option<bool> flag => parse.GetValue(flag) ? "true" : "false",
                Option<string> text => parse.GetValue(text),
                _ => throw new InvalidOperationException(option.Name),
            };
        }

        return settings;
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
            throw new UsageException(
                $"'{text}' ไม่ใช่ที่อยู่เว็บไซต์ ตัวอย่างที่ถูกต้อง: https://www.thaphae.go.th/",
                $"'{text}' is not a website address; expected e.g. https://www.thaphae.go.th/");
        }

        return uri;
    }

    private ConfigFlags Text(string name, string key, string helpName, string thai, string english, Func<string, (string Th, string En)?>? check)
    {
        var option = new Option<string>(name) { Description = thai + "\n" + english, HelpName = helpName };
        if (check is not null)
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string>() is { } value && check(value) is { } error)
                {
                    result.AddError(error.Th + "\n" + error.En);
                }
            });
        }

        _flags.Add((option, key));
        return this;
    }

    private ConfigFlags Flag(string name, string key, string thai, string english)
    {
        _flags.Add((new Option<bool>(name) { Description = thai + "\n" + english }, key));
        return this;
    }

    private static (string, string)? Int(string value, string name, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null
            : ($"{name} ต้องเป็นจำนวนเต็มตั้งแต่ {min} ถึง {max} ไม่ใช่ '{value}'", $"{name} must be a whole number from {min} to {max}, not '{value}'");

    private static (string, string)? Number(string value, string name, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null
            : ($"{name} ต้องเป็นตัวเลขตั้งแต่ {min} ถึง {max} ไม่ใช่ '{value}'", $"{name} must be a number from {min} to {max}, not '{value}'");
}
