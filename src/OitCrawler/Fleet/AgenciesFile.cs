using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using OitCrawler.Gaps;
using OitCrawler.History;
using OitCrawler.Rules;

namespace OitCrawler.Fleet;

/// <summary>
/// Reads the fleet's agencies file, CSV or JSON (by extension), and checks every agency at once:
/// each problem is reported with the file and line (and column) it is on, in Thai and English, and a
/// duplicate id or site names the line of the first. The columns of the CSV header and the JSON
/// properties are the same names (<see cref="Columns"/>); <c>fleet/agencies.schema.json</c> describes the JSON form.
/// </summary>
internal static partial class AgenciesFile
{
    /// <summary>The fields of an agency, as CSV header names and JSON property names.</summary>
    public static readonly IReadOnlyList<string> Columns = ["id", "name", "kind", "province", "district", "site", "extraHosts", "measuresFile", "email", "line"];

    private static readonly string[] RequiredColumns = ["id", "name", "kind", "province", "site"];

    private static readonly Encoding Utf8Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads and checks <paramref name="path"/>; throws <see cref="DataFileException"/> with every problem found.</summary>
    public static IReadOnlyList<Agency> Load(string path)
    {
        var rows = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path),
            ".json" => ReadJson(path),
            _ => throw new DataFileException([new FileProblem(path, 0, 0, "ไม่รู้จักชนิดไฟล์ / the agencies file must be .csv or .json")]),
        };

        var problems = new List<FileProblem>();
        var agencies = new List<Agency>();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var sites = new Dictionary<string, (string Id, int Line)>(StringComparer.Ordinal);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var row in rows)
        {
            void Problem(string field, string message)
            {
                var (line, column) = row.At(field);
                problems.Add(new FileProblem(path, line, column, message));
            }

            var before = problems.Count;
            var id = row.Get("id");
            if (id is null)
            {
                Problem("id", "ไม่มีรหัสหน่วยงาน / id is empty");
            }
            else if (!IdPattern().IsMatch(id))
            {
                Problem("id", $"รหัส '{id}' ใช้ได้เฉพาะ A-Z a-z 0-9 . _ - ไม่เกิน 64 ตัว / id '{id}' may hold only letters, digits, '.', '_' and '-' (at most 64)");
            }
            else if (ids.TryGetValue(id, out var first))
            {
                Problem("id", $"รหัส '{id}' ซ้ำกับบรรทัด {first} / duplicate id '{id}' (first at line {first})");
            }
            else
            {
                ids[id] = row.At("id").Line;
            }

            foreach (var (field, thai) in new[] { ("name", "ชื่อหน่วยงาน"), ("kind", "ประเภท"), ("province", "จังหวัด") })
            {
                if (row.Get(field) is null)
                {
                    Problem(field, $"ไม่มี{thai} / {field} is empty");
                }
            }

            Uri? site = null;
            var siteText = row.Get("site");
            if (siteText is null)
            {
                Problem("site", "ไม่มีเว็บไซต์ / site is empty");
            }
            else if (!Uri.TryCreate(siteText, UriKind.Absolute, out site) || (site.Scheme != Uri.UriSchemeHttp && site.Scheme != Uri.UriSchemeHttps) || site.IdnHost.Length == 0)
            {
                Problem("site", $"'{siteText}' ไม่ใช่ที่อยู่เว็บไซต์ / is not an http(s) address, e.g. https://www.thaphae.go.th/");
                site = null;
            }
            else if (sites.TryGetValue(RunOutcomes.SiteKey(site), out var owner))
            {
                Problem("site", $"เว็บไซต์ {site.AbsoluteUri} ซ้ำกับ '{owner.Id}' บรรทัด {owner.Line} / duplicate site (first at line {owner.Line}, agency '{owner.Id}')");
            }
            else
            {
                sites[RunOutcomes.SiteKey(site)] = (id ?? "?", row.At("site").Line);
            }

            var extraHosts = row.List("extraHosts");
            foreach (var entry in extraHosts)
            {
                if (!Web.SiteScope.TryParseExtraHost(entry, out _, out _))
                {
                    Problem("extraHosts", $"'{entry}' ไม่ใช่ชื่อโฮสต์ / is not a host name or host:port (no scheme or path)");
                }
            }

            var measures = row.Get("measuresFile");
            if (measures is not null)
            {
                measures = Path.IsPathRooted(measures) ? measures : Path.GetFullPath(Path.Combine(folder, measures));
                if (!File.Exists(measures))
                {
                    Problem("measuresFile", $"ไม่พบไฟล์มาตรการ / measures file not found: {measures}");
                }
            }

            var email = row.Get("email");
            if (email is not null && EmailAddresses.Problem(email) is { } emailProblem)
            {
                Problem("email", $"อีเมล '{email}' ใช้ไม่ได้ / e-mail address {emailProblem}");
            }

            var line = row.Get("line");
            if (line is not null && line.Any(char.IsWhiteSpace))
            {
                Problem("line", $"LINE '{line}' มีช่องว่าง / a LINE target is one id, without spaces");
            }

            if (problems.Count == before)
            {
                agencies.Add(new Agency(id!, row.Get("name")!, row.Get("kind")!, row.Get("province")!, row.Get("district"), site!, extraHosts, measures, email, line, row.At("id").Line));
            }
        }

        if (problems.Count == 0 && agencies.Count == 0)
        {
            problems.Add(new FileProblem(path, 1, 1, "ไม่มีหน่วยงานในไฟล์ / the file lists no agencies"));
        }

        if (problems.Count > 0)
        {
            throw new DataFileException(problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());
        }

        return agencies;
    }

    /// <summary>The agencies of <paramref name="all"/> an option names: one id, one province, or all.</summary>
    public static IReadOnlyList<Agency> Select(IReadOnlyList<Agency> all, string? id, string? province) =>
        all.Where(a => (id is null || string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase))
                    && (province is null || string.Equals(a.Province, province, StringComparison.Ordinal)))
           .ToList();

    private static List<Row> ReadJson(string path)
    {
        var (file, positions) = JsonDataFile.Read<AgenciesJson>(path);
        var rows = new List<Row>();
        if (file.SchemaVersion != 1)
        {
            var (line, column) = JsonDataFile.Locate(positions, "$.schemaVersion");
            throw new DataFileException([new FileProblem(path, line, column, $"schemaVersion {file.SchemaVersion} ไม่รองรับ / is not supported (expected 1)")]);
        }

        for (var i = 0; i < file.Agencies.Count; i++)
        {
            var a = file.Agencies[i];
            var at = $"$.agencies[{i}]";
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["id"] = a.Id, ["name"] = a.Name, ["kind"] = a.Kind, ["province"] = a.Province, ["district"] = a.District,
                ["site"] = a.Site, ["measuresFile"] = a.MeasuresFile, ["email"] = a.Email, ["line"] = a.Line,
            };
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["extraHosts"] = a.ExtraHosts };
            rows.Add(new Row(values, lists, field => JsonDataFile.Locate(positions, $"{at}.{field}")));
        }

        return rows;
    }

    private static List<Row> ReadCsv(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException([new FileProblem(path, 0, 0, "อ่านไฟล์ไม่ได้ / cannot read: " + ex.Message)]);
        }

        string text;
        try
        {
            text = Utf8Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Excel on a Thai Windows saves "CSV" in the ANSI code page, windows-874 (TIS-620 and a few more).
            text = CodePagesEncodingProvider.Instance.GetEncoding(874)!.GetString(bytes);
        }

        var records = Csv.Parse(text.TrimStart('\uFEFF'), path);
        if (records.Count == 0)
        {
            throw new DataFileException([new FileProblem(path, 1, 1, "ไฟล์ว่าง / the file is empty; the first line names the columns: " + string.Join(',', Columns))]);
        }

        var header = records[0];
        var problems = new List<FileProblem>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Fields.Count; c++)
        {
            var name = header.Fields[c].Text.Trim();
            if (!Columns.Contains(name))
            {
                problems.Add(new FileProblem(path, header.Line, header.Fields[c].Column, $"ไม่รู้จักคอลัมน์ '{name}' / unknown column; the columns are {string.Join(',', Columns)}"));
            }
            else if (!index.TryAdd(name, c))
            {
                problems.Add(new FileProblem(path, header.Line, header.Fields[c].Column, $"คอลัมน์ '{name}' ซ้ำ / column named twice"));
            }
        }

        foreach (var required in RequiredColumns.Where(r => !index.ContainsKey(r)))
        {
            problems.Add(new FileProblem(path, header.Line, 1, $"ไม่มีคอลัมน์ '{required}' / the header lacks the column '{required}'"));
        }

        var rows = new List<Row>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(f => f.Text.Trim().Length == 0))
            {
                continue; // a blank line, or the empty line a spreadsheet leaves at the end
            }

            if (record.Fields.Count > header.Fields.Count)
            {
                problems.Add(new FileProblem(path, record.Line, record.Fields[header.Fields.Count].Column, $"มี {record.Fields.Count} ช่อง แต่หัวตารางมี {header.Fields.Count} / {record.Fields.Count} fields but the header has {header.Fields.Count} (a comma inside a value needs \"quotes\")"));
                continue;
            }

            var values = index.ToDictionary(p => p.Key, p => p.Value < record.Fields.Count ? record.Fields[p.Value].Text : null, StringComparer.Ordinal);
            var hosts = values.GetValueOrDefault("extraHosts") is { } h
                ? h.Split([' ', ';', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["extraHosts"] = hosts };
            rows.Add(new Row(values, lists, field =>
                index.TryGetValue(field, out var c) && c < record.Fields.Count ? (record.Line, record.Fields[c].Column) : (record.Line, 1)));
        }

        if (problems.Count > 0)
        {
            throw new DataFileException(problems);
        }

        return rows;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IdPattern();

    /// <summary>One agency as read, before checking: its text values and where each is in the file.</summary>
    private sealed class Row(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, IReadOnlyList<string>> lists, Func<string, (int Line, int Column)> at)
    {
        public (int Line, int Column) At(string field) => at(field);

        /// <summary>The trimmed value; null when absent or blank.</summary>
        public string? Get(string field) => values.GetValueOrDefault(field)?.Trim() is { Length: > 0 } v ? v : null;

        public IReadOnlyList<string> List(string field) => lists.GetValueOrDefault(field) ?? [];
    }

    /// <summary>The JSON form, read strictly: an unknown property is an error with its line.</summary>
    private sealed class AgenciesJson
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }

        public int SchemaVersion { get; set; }

        public List<AgencyJson> Agencies { get; set; } = [];
    }

    private sealed class AgencyJson
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Kind { get; set; }

        public string? Province { get; set; }

        public string? District { get; set; }

        public string? Site { get; set; }

        public List<string> ExtraHosts { get; set; } = [];

        public string? MeasuresFile { get; set; }

        public string? Email { get; set; }

        public string? Line { get; set; }
    }
}
