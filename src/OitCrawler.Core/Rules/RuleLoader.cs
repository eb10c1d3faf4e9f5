using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OitCrawler.Rules;

/// <summary>One problem in a rules (or measures) file, at a line and column (1-based).</summary>
public sealed record FileProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>A data file that failed validation; carries every problem found, not just the first.</summary>
public sealed class DataFileException : Exception
{
    public DataFileException(IReadOnlyList<FileProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public DataFileException()
    {
        Problems = [];
    }

    public DataFileException(string message)
        : base(message)
    {
        Problems = [];
    }

    public DataFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<FileProblem> Problems { get; }
}

/// <summary>Collects problems of one data file, placing each at the line of its JSON path.</summary>
public sealed class ProblemList(string file, IReadOnlyDictionary<string, (int Line, int Column)> positions)
{
    private readonly List<FileProblem> _problems = [];

    public IReadOnlyList<FileProblem> All => _problems;

    public void Add(string jsonPath, string message)
    {
        var (line, column) = JsonDataFile.Locate(positions, jsonPath);
        _problems.Add(new FileProblem(file, line, column, message));
    }

    /// <summary>Throws <see cref="DataFileException"/> when any problem was found.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new DataFileException(_problems);
        }
    }
}

/// <summary>
/// Reads a JSON data file strictly (unknown properties are errors, so a typo cannot silently drop a
/// requirement) and maps each JSON path to its line and column, so that semantic checks can point
/// at the offending line too.
/// </summary>
public static class JsonDataFile
{
    // Property names exactly as documented (camelCase, case-sensitive), numbers as numbers, and a
    // null where a list or text is required is an error, not a crash later.
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Deserialises <paramref name="path"/>; throws <see cref="DataFileException"/> with the line of a syntax or type error.</summary>
    public static (T Value, IReadOnlyDictionary<string, (int Line, int Column)> Positions) Read<T>(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException([new FileProblem(path, 0, 0, "cannot read: " + ex.Message)]);
        }

        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..]; // Notepad's UTF-8 byte order mark: the JSON reader takes it for a bad first value
        }

        // The schema first: every unknown name, wrong value and wrong type at once, each at its line.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            throw new DataFileException([new FileProblem(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, $"ไฟล์ JSON ผิดรูปแบบ (ตรวจจุลภาค วงเล็บ และเครื่องหมายคำพูดรอบตำแหน่งนี้)\n    not valid JSON: {message}")]);
        }

        using (document)
        {
            var schemaProblems = DataFileSchemas.Check(typeof(T), path, document.RootElement, MapPositions(bytes));
            if (schemaProblems.Count > 0)
            {
                throw new DataFileException(schemaProblems);
            }
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, Options)
                ?? throw new DataFileException([new FileProblem(path, 1, 1, "the file is empty (null)")]);
            return (value, MapPositions(bytes));
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }

            if (ex.Path is { Length: > 0 } jsonPath)
            {
                message = $"{jsonPath}: {message}";
            }

            throw new DataFileException([new FileProblem(path, line, column, message)]);
        }
    }

    /// <summary>Line and column (1-based) of every value, keyed by JSON path (<c>$.items[3].code</c>).</summary>
    public static IReadOnlyDictionary<string, (int Line, int Column)> MapPositions(byte[] bytes)
    {
        var map = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var stack = new Stack<(bool IsArray, int Index, string Path)>();
        var pendingName = (string?)null;
        while (reader.Read())
        {
            string PathOfValue()
            {
                if (stack.Count == 0)
                {
                    return "$";
                }

                var top = stack.Pop();
                string p;
                if (top.IsArray)
                {
                    p = $"{top.Path}[{top.Index}]";
                    top.Index++;
                }
                else
                {
                    p = $"{top.Path}.{pendingName}";
                }

                stack.Push(top);
                return p;
            }

            (int, int) Position(long tokenStart)
            {
                var offset = (int)tokenStart;
                var line = lineStarts.BinarySearch(offset);
                line = line >= 0 ? line : ~line - 1;
                var column = Encoding.UTF8.GetCharCount(bytes, lineStarts[line], offset - lineStarts[line]) + 1;
                return (line + 1, column);
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString();
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    {
                        var path = PathOfValue();
                        map[path] = Position(reader.TokenStartIndex);
                        stack.Push((reader.TokenType == JsonTokenType.StartArray, 0, path));
                        break;
                    }

                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    stack.Pop();
                    break;
                default:
                    map[PathOfValue()] = Position(reader.TokenStartIndex);
                    break;
            }
        }

        return map;
    }

    /// <summary>The position of <paramref name="path"/>, or of its nearest recorded parent.</summary>
    public static (int Line, int Column) Locate(IReadOnlyDictionary<string, (int Line, int Column)> positions, string path)
    {
        var p = path;
        while (p.Length > 0)
        {
            if (positions.TryGetValue(p, out var pos))
            {
                return pos;
            }

            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            p = cut > 0 ? p[..cut] : string.Empty;
        }

        return (1, 1);
    }
}

/// <summary>Loads and validates rules files. Every problem is reported with file, line and column.</summary>
public static partial class RuleLoader
{
    /// <summary>Loads and validates one rules file; element kinds are checked against <paramref name="kinds"/> when given.</summary>
    public static RuleSet Load(string path, AgencyKindsFile? kinds = null)
    {
        var (rules, positions) = JsonDataFile.Read<RuleSet>(path);
        var problems = new ProblemList(path, positions);
        Validate(rules, path, problems, kinds);
        problems.ThrowIfAny();
        return rules with { Path = path };
    }

    public static void Validate(RuleSet rules, string path, ProblemList problems, AgencyKindsFile? kinds = null)
    {

        if (rules.SchemaVersion != 1)
        {
            problems.Add("$.schemaVersion", $"schemaVersion {rules.SchemaVersion} is not supported (expected 1)");
        }

        if (rules.Year is < 2550 or > 2700)
        {
            problems.Add("$.year", $"year {rules.Year} is not a Buddhist-era ITA year (2550–2700)");
        }

        var fileYear = FileYear().Match(System.IO.Path.GetFileName(path));
        if (fileYear.Success && int.Parse(fileYear.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != rules.Year)
        {
            problems.Add("$.year", $"year {rules.Year} does not match the file name {System.IO.Path.GetFileName(path)}");
        }

        var subIndicators = rules.Scoring.Indicators.SelectMany(i => i.SubIndicators).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (rules.Scoring.Indicators.Count == 0)
        {
            problems.Add("$.scoring.indicators", "scoring.indicators is empty: list indicators 9 and 10 with their sub-indicators");
        }

        if (rules.Scoring.Bands.Count == 0)
        {
            problems.Add("$.scoring.bands", "scoring.bands is empty");
        }

        for (var b = 1; b < rules.Scoring.Bands.Count; b++)
        {
            if (rules.Scoring.Bands[b].MinTotal > rules.Scoring.Bands[b - 1].MinTotal)
            {
                problems.Add($"$.scoring.bands[{b}].minTotal", "bands must be listed best first (minTotal not increasing)");
            }
        }

        if (rules.Items.Count == 0)
        {
            problems.Add("$.items", "items is empty");
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Items.Count; i++)
        {
            var item = rules.Items[i];
            var at = $"$.items[{i}]";
            if (!ItemCode().IsMatch(item.Code))
            {
                problems.Add($"{at}.code", $"item code '{item.Code}' is not of the form O1…O99");
            }
            else if (!codes.Add(item.Code))
            {
                problems.Add($"{at}.code", $"item code '{item.Code}' appears twice");
            }

            if (string.IsNullOrWhiteSpace(item.Title))
            {
                problems.Add($"{at}.title", $"item {item.Code} has no title");
            }

            if (!subIndicators.Contains(item.SubIndicator))
            {
                problems.Add($"{at}.subIndicator", $"item {item.Code}: sub-indicator '{item.SubIndicator}' is not listed in scoring.indicators");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var e = 0; e < item.Elements.Count; e++)
            {
                var element = item.Elements[e];
                var eat = $"{at}.elements[{e}]";
                if (string.IsNullOrWhiteSpace(element.Id) || !ids.Add(element.Id))
                {
                    problems.Add($"{eat}.id", $"item {item.Code}: element id '{element.Id}' is empty or repeated");
                }

                if (string.IsNullOrWhiteSpace(element.Th) || string.IsNullOrWhiteSpace(element.En))
                {
                    problems.Add(eat, $"item {item.Code}: element '{element.Id}' needs both th and en descriptions");
                }

                if (element.Check is ElementCheck.Text && element.AnyOf.Count == 0 && element.Pattern is null)
                {
                    problems.Add(eat, $"item {item.Code}: text element '{element.Id}' needs anyOf or pattern");
                }

                if (element.Check is ElementCheck.Link && element.AnyOf.Count == 0 && element.Hosts.Count == 0)
                {
                    problems.Add(eat, $"item {item.Code}: link element '{element.Id}' needs anyOf or hosts");
                }

                foreach (var kind in element.AgencyKinds)
                {
                    if (kinds is not null && !kinds.Knows(kind))
                    {
                        problems.Add($"{eat}.agencyKinds", kinds.Kinds.Count == 0
                            ? $"item {item.Code}: element '{element.Id}' names agency kind '{kind}' but the rules folder has no agency-kinds.json"
                            : $"item {item.Code}: element '{element.Id}': unknown agency kind '{kind}' (known: {kinds.Known})");
                    }
                }

                if (element.Pattern is { } pattern)
                {
                    try
                    {
                        _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
                    }
                    catch (ArgumentException ex)
                    {
                        problems.Add($"{eat}.pattern", $"item {item.Code}: element '{element.Id}' pattern is not a valid regular expression: {ex.Message}");
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"^[Oo][1-9][0-9]?$")]
    private static partial Regex ItemCode();

    [GeneratedRegex(@"(25[5-9][0-9]|26[0-9][0-9])")]
    private static partial Regex FileYear();

    /// <summary>Loads and validates <c>agency-kinds.json</c>: ids unique, every kind in a group, the default one of them.</summary>
    public static AgencyKindsFile LoadKinds(string path)
    {
        var (kinds, positions) = JsonDataFile.Read<AgencyKindsFile>(path);
        var problems = new ProblemList(path, positions);
        if (kinds.SchemaVersion != 1)
        {
            problems.Add("$.schemaVersion", $"schemaVersion {kinds.SchemaVersion} is not supported (expected 1)");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var k = 0; k < kinds.Kinds.Count; k++)
        {
            var kind = kinds.Kinds[k];
            if (!KindId().IsMatch(kind.Id) || !ids.Add(kind.Id))
            {
                problems.Add($"$.kinds[{k}].id", $"kind id '{kind.Id}' is empty, repeated or not lower-case letters and dashes");
            }

            if (!KindId().IsMatch(kind.Group))
            {
                problems.Add($"$.kinds[{k}].group", $"kind '{kind.Id}': group '{kind.Group}' is empty or not lower-case letters and dashes");
            }

            if (string.IsNullOrWhiteSpace(kind.Th) || string.IsNullOrWhiteSpace(kind.En))
            {
                problems.Add($"$.kinds[{k}]", $"kind '{kind.Id}' needs both th and en names");
            }

            for (var n = 0; n < kind.Names.Count; n++)
            {
                if (names.TryGetValue(AgencyKindsFile.Key(kind.Names[n]), out var other) && other != kind.Id)
                {
                    problems.Add($"$.kinds[{k}].names[{n}]", $"kind '{kind.Id}': name '{kind.Names[n]}' is also a name of '{other}'");
                }

                names[AgencyKindsFile.Key(kind.Names[n])] = kind.Id;
            }
        }

        if (!ids.Contains(kinds.Default))
        {
            problems.Add("$.default", $"default kind '{kinds.Default}' is not one of the kinds listed");
        }

        problems.ThrowIfAny();
        return kinds;
    }

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex KindId();
}
