using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AngleSharp.Html.Parser;
using OitCrawler.Gaps;
using OitCrawler.Rules;
using OitCrawler.Text;

namespace OitCrawler.Cli;

/// <summary>
/// <c>init</c>: writes <c>appsettings.json</c> and a measures skeleton for the agency (its name from the site's
/// title, its kind, units and e-mails, the information unit). Asks in Thai for what the flags did not give,
/// unless <c>--yes</c> or input is not a terminal; never overwrites a file without <c>--force</c>.
/// </summary>
internal static class InitCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // Thai as Thai, not \u0e40…
    };

    public static Command Create(CliContext cli)
    {
        var site = new Option<string>("--site") { Description = "ที่อยู่เว็บไซต์ของหน่วยงาน\nthe agency's website", HelpName = "URL" };
        var agency = new Option<string>("--agency") { Description = "ชื่อหน่วยงาน (ค่าเริ่มต้น: จากชื่อหน้าแรกของเว็บไซต์)\nthe agency's name (default: from the home page title)", HelpName = "NAME" };
        var kind = new Option<string>("--kind") { Description = "ประเภทหน่วยงาน: เทศบาล อบต อบจ ส่วนราชการ มหาวิทยาลัย อื่น ๆ\nkind of agency", HelpName = "KIND" };
        var units = new Option<string[]>("--unit")
        {
            Description = "หน่วยงานย่อยและอีเมล ระบุได้หลายครั้ง เช่น --unit \"กองคลัง=klang@example.go.th\"\na unit and its e-mail; repeat for each unit",
            HelpName = "NAME=EMAIL",
            Arity = ArgumentArity.OneOrMore,
        };
        var info = new Option<string>("--info-unit")
        {
            Description = "หน่วยงานที่ดูแลข้อมูลข่าวสาร ผู้รับสรุปผลทุกคืน เช่น \"งานบริการข้อมูลข่าวสาร=info@example.go.th\"\nthe information unit, which receives the nightly digest",
            HelpName = "NAME=EMAIL",
        };
        var dir = new Option<string>("--dir") { Description = "โฟลเดอร์ที่จะเขียนไฟล์ (ค่าเริ่มต้น: โฟลเดอร์ปัจจุบัน)\nwhere to write the files (default: the working folder)", HelpName = "DIR", DefaultValueFactory = _ => "." };
        var yes = new Option<bool>("--yes", "-y") { Description = "ไม่ถาม ใช้ค่าจากตัวเลือกและค่าเริ่มต้น\ndo not ask; use the flags and defaults" };
        var force = new Option<bool>("--force") { Description = "เขียนทับไฟล์ที่มีอยู่แล้ว\noverwrite existing files" };
        var command = new Command("init", "ตั้งค่าสำหรับหน่วยงานของท่าน: เขียน appsettings.json และไฟล์มาตรการเริ่มต้น\nset up for your agency: writes appsettings.json and a measures skeleton")
        {
            site, agency, kind, units, info, dir, yes, force,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var say = cli.Say;
            var ask = !parse.GetValue(yes) && !Console.IsInputRedirected && ReferenceEquals(say.Out, Console.Out);
            var siteText = parse.GetValue(site) ?? (ask ? Ask(say, "ที่อยู่เว็บไซต์ของหน่วยงาน (เช่น https://www.thaphae.go.th/)", "the agency's website", null) : null)
                ?? throw new UsageException("ระบุเว็บไซต์: --site https://…/", "name the website: --site https://…/");
            var start = ConfigFlags.ParseSite(siteText);
            var title = await HomeTitleAsync(start, cancellationToken);
            if (title is null)
            {
                say.Note($"อ่านชื่อหน้าแรกของ {start} ไม่ได้ ใช้ชื่อโฮสต์แทน", $"could not read the title of {start}; using the host name");
            }

            var guessed = AgencyNames.FromTitle(title) ?? start.IdnHost;
            var name = parse.GetValue(agency) ?? (ask ? Ask(say, "ชื่อหน่วยงาน", "the agency's name", guessed) : guessed);
            var kindText = parse.GetValue(kind) ?? AgencyNames.KindOf(name) ?? "อื่น ๆ";
            if (ask && parse.GetValue(kind) is null)
            {
                kindText = Ask(say, "ประเภทหน่วยงาน (เทศบาล อบต อบจ ส่วนราชการ มหาวิทยาลัย อื่น ๆ)", "kind of agency", kindText);
            }

            var infoUnit = ParseUnit(parse.GetValue(info) ?? (ask ? Ask(say, "หน่วยงานที่ดูแลข้อมูลข่าวสาร=อีเมล", "information unit=e-mail", "งานบริการข้อมูลข่าวสาร=") : "งานบริการข้อมูลข่าวสาร="), "info");
            var given = parse.GetValue(units) ?? [];
            if (ask && given.Length == 0)
            {
                var typed = Ask(say, "หน่วยงานย่อย=อีเมล คั่นด้วย ; (เว้นว่าง: ใช้รายชื่อเริ่มต้นตามประเภท)", "units=e-mails separated by ; (empty: defaults for the kind)", string.Empty);
                given = typed.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }

            var unitList = given.Length > 0
                ? given.Select((u, i) => ParseUnit(u, "u" + (i + 1).ToString(CultureInfo.InvariantCulture))).ToList()
                : DefaultUnits(kindText);
            var folder = Path.GetFullPath(parse.GetValue(dir)!);
            return Write(say, folder, start, name, kindText, infoUnit, unitList, parse.GetValue(force));
        });
        return command;
    }

    private static int Write(Say say, string folder, Uri site, string name, string kind, Unit infoUnit, List<Unit> units, bool force)
    {
        var measuresName = Path.Combine("measures", site.IdnHost.Replace(':', '_') + ".json");
        var settingsPath = Path.Combine(folder, "appsettings.json");
        var measuresPath = Path.Combine(folder, measuresName);
        foreach (var path in new[] { settingsPath, measuresPath })
        {
            if (File.Exists(path) && !force)
            {
                throw new UsageException($"มี {path} อยู่แล้ว ไม่เขียนทับ (ใช้ --force ถ้าต้องการเขียนทับ)", $"{path} exists; not overwritten (use --force to overwrite)");
            }
        }

        var allUnits = units.Prepend(infoUnit).ToList();
        var owners = Owners(AllRules(), infoUnit, units);
        var measures = new JsonObject
        {
            ["$schema"] = "measures.schema.json",
            ["schemaVersion"] = 1,
            ["agency"] = name,
            ["agencyKind"] = kind,
            ["informationUnit"] = UnitNode(infoUnit),
            ["units"] = new JsonArray([.. allUnits.Select(UnitNode)]),
            ["issues"] = new JsonArray(new JsonObject
            {
                ["number"] = 1,
                ["title"] = "การเปิดเผยข้อมูลสาธารณะบนเว็บไซต์หน่วยงาน (OIT)",
                ["activities"] = new JsonArray([.. owners.Select((o, i) => (JsonNode)new JsonObject
                {
                    ["id"] = "1." + (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["title"] = $"เผยแพร่และปรับปรุงข้อมูลตามรายการ OIT ที่ {o.Unit.Name} รับผิดชอบ",
                    ["steps"] = new JsonArray("จัดทำหรือปรับปรุงข้อมูลให้เป็นปีงบประมาณปัจจุบัน", "ส่งให้งานบริการข้อมูลข่าวสารเผยแพร่บนเว็บไซต์"),
                    ["units"] = new JsonArray(o.Unit.Id),
                    ["items"] = new JsonObject(o.Codes.Select(y => KeyValuePair.Create(y.Key, (JsonNode?)new JsonArray([.. y.Value.Select(c => (JsonNode)c)])))),
                })]),
            }),
            ["pastScores"] = new JsonArray(),
        };

        var settings = JsonNode.Parse(File.ReadAllText(Commands.FindShipped("appsettings.json")), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        settings["Audit"]!["Site"] = site.AbsoluteUri;
        settings["Audit"]!["MeasuresFile"] = measuresName.Replace('\\', '/');
        if (!string.IsNullOrEmpty(infoUnit.Email))
        {
            settings["Alerts"]!["DigestTo"] = new JsonArray(infoUnit.Email);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(measuresPath)!);
        File.WriteAllText(measuresPath, measures.ToJsonString(Json) + "\n");
        var schema = Path.Combine(Path.GetDirectoryName(measuresPath)!, "measures.schema.json");
        var shippedSchema = Commands.FindShipped("measures", "measures.schema.json");
        if (!string.Equals(Path.GetFullPath(shippedSchema), schema, StringComparison.Ordinal))
        {
            File.Copy(shippedSchema, schema, overwrite: true); // beside the file, so editors complete and check it
        }

        File.WriteAllText(settingsPath, settings.ToJsonString(Json) + "\n");
        say.Line($"เขียน {settingsPath}", $"wrote {settingsPath}");
        say.Line($"เขียน {measuresPath} ({name}: {allUnits.Count} หน่วยงาน)", $"wrote {measuresPath} ({name}: {allUnits.Count} units)");
        say.Line(
            "ขั้นต่อไป: แก้ไฟล์มาตรการให้ตรงกับหน่วยงาน (ตรวจด้วย oitcrawler measures validate) แล้วตรวจด้วย oitcrawler run-now",
            "next: edit the measures file to match the agency (check it with oitcrawler measures validate), then audit with oitcrawler run-now");
        return ExitCodes.Ok;
    }

    // Who owns which item in the skeleton, for every rules year (codes move between years): procurement (9.3) to a
    // finance unit, people (9.4) to the clerk's office, the rest to the information unit. The agency edits it from there.
    private static List<(Unit Unit, SortedDictionary<string, List<string>> Codes)> Owners(IReadOnlyList<RuleSet> years, Unit infoUnit, List<Unit> units)
    {
        var finance = units.FirstOrDefault(u => u.Name.Contains("คลัง", StringComparison.Ordinal));
        var clerk = units.FirstOrDefault(u => u.Name.Contains("ปลัด", StringComparison.Ordinal));
        var owners = new List<(Unit Unit, SortedDictionary<string, List<string>> Codes)>();
        foreach (var rules in years)
        {
            foreach (var item in rules.Items)
            {
                var unit = item.SubIndicator switch
                {
                    "9.3" when finance is not null => finance,
                    "9.4" when clerk is not null => clerk,
                    _ => infoUnit,
                };
                var index = owners.FindIndex(o => o.Unit.Id == unit.Id);
                if (index < 0)
                {
                    owners.Add((unit, new SortedDictionary<string, List<string>>(StringComparer.Ordinal)));
                    index = owners.Count - 1;
                }

                var year = rules.Year.ToString(CultureInfo.InvariantCulture);
                if (!owners[index].Codes.TryGetValue(year, out var codes))
                {
                    owners[index].Codes[year] = codes = [];
                }

                codes.Add(item.Code);
            }
        }

        return owners;
    }

    private static List<Unit> DefaultUnits(string kind)
    {
        string[] names = kind switch
        {
            "เทศบาล" => ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"],
            "อบต" or "อบจ" => ["สำนักปลัด", "กองคลัง", "กองช่าง"],
            _ => [],
        };
        return [.. names.Select((n, i) => new Unit { Id = "u" + (i + 1).ToString(CultureInfo.InvariantCulture), Name = n })];
    }

    private static Unit ParseUnit(string text, string id)
    {
        var cut = text.LastIndexOf('=');
        var name = (cut < 0 ? text : text[..cut]).Trim();
        var email = cut < 0 ? null : text[(cut + 1)..].Trim();
        if (name.Length == 0)
        {
            throw new UsageException($"'{text}': ต้องเป็น ชื่อ=อีเมล", $"'{text}': expected NAME=EMAIL");
        }

        if (!string.IsNullOrEmpty(email) && EmailAddresses.Problem(email) is { } problem)
        {
            throw new UsageException($"'{email}' ไม่ใช่อีเมลที่ถูกต้อง", $"'{email}': {problem}");
        }

        return new Unit { Id = id, Name = name, Email = string.IsNullOrEmpty(email) ? null : email };
    }

    private static JsonNode UnitNode(Unit unit)
    {
        var node = new JsonObject { ["id"] = unit.Id, ["name"] = unit.Name };
        if (unit.Email is not null)
        {
            node["email"] = unit.Email;
        }

        return node;
    }

    private static List<RuleSet> AllRules()
    {
        var folder = Audit.AuditRunner.ResolveRulesDirectory("rules");
        var sets = Directory.GetFiles(folder, "ita-*.json").Order(StringComparer.Ordinal).Select(f => RuleLoader.Load(f)).ToList();
        return sets.Count > 0 ? sets : throw new UsageException($"ไม่มีไฟล์เกณฑ์ใน {folder}", $"no rules files in {folder}");
    }

    // The home page's <title>: the start URL only (the user named it), short timeout, first 512 KB.
    private static async Task<string?> HomeTitleAsync(Uri site, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("OitCrawler-init/1.0");
            using var response = await http.GetAsync(site, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[512 * 1024];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }

            var (html, _) = Evidence.ContentDecoder.Decode(buffer.AsSpan(0, read), response.Content.Headers.ContentType?.CharSet);
            using var document = new HtmlParser().ParseDocument(html);
            return string.IsNullOrWhiteSpace(document.Title) ? null : ThaiText.Normalize(document.Title);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private static string Ask(Say say, string thai, string english, string? suggestion)
    {
        say.Out.Write(say.Language == ConsoleLanguage.En ? english : thai);
        say.Out.Write(string.IsNullOrEmpty(suggestion) ? ": " : $" [{suggestion}]: ");
        var answer = Console.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? suggestion ?? string.Empty : answer;
    }
}
