using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Json.Schema;
using OitCrawler.Text;

namespace OitCrawler.Rules;

/// <summary>
/// JSON Schemas of the data files, generated from the records the loader reads (so schema and loader never
/// disagree) and shipped beside the files for editors (<c>rules/rules.schema.json</c>,
/// <c>measures/measures.schema.json</c>, named by <c>"$schema"</c>). A file is checked against its schema
/// before it is read: every problem at once, at its line and column, in Thai with the English beneath,
/// with the nearest known name for a typo.
/// </summary>
public static class DataFileSchemas
{
    private static readonly ConcurrentDictionary<Type, (JsonSchema Schema, JsonObject Node)> Cache = new();

    /// <summary>The schema of <paramref name="type"/> as read by <see cref="JsonDataFile"/>, with <c>"$schema"</c> allowed at the top.</summary>
    public static JsonObject Generate(Type type, string title)
    {
        var options = new JsonSerializerOptions(JsonDataFile.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        var node = JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
        };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            root[key] = value;
        }

        return root;
    }

    /// <summary>Every place <paramref name="document"/> breaks the schema of <paramref name="type"/>; empty when none.</summary>
    public static IReadOnlyList<FileProblem> Check(Type type, string path, JsonElement document, IReadOnlyDictionary<string, (int Line, int Column)> positions)
    {
        var (schema, node) = Cache.GetOrAdd(type, t =>
        {
            var generated = Generate(t, t.Name);
            return (JsonSchema.FromText(generated.ToJsonString()), generated);
        });
        var results = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<FileProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var segments = detail.InstanceLocation.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape).ToList();
            var jsonPath = "$" + string.Concat(segments.Select(s => int.TryParse(s, out _) ? $"[{s}]" : "." + s));
            var evaluation = detail.EvaluationPath.ToString();
            var name = segments.Count > 0 ? segments[^1] : "$";
            var label = ItemLabel(document, segments);
            (string Th, string En) message;
            if (evaluation.EndsWith("/additionalProperties", StringComparison.Ordinal))
            {
                var guess = Spelling.Closest(name, PropertiesAt(node, evaluation[..^"/additionalProperties".Length]));
                message = guess is null
                    ? ($"ไม่รู้จัก `{name}`", $"unknown property `{name}`")
                    : ($"ไม่รู้จัก `{name}` หมายถึง `{guess}` หรือไม่?", $"unknown property `{name}`; did you mean `{guess}`?");
            }
            else if (errors.ContainsKey("enum"))
            {
                var allowed = At(node, evaluation)?["enum"]?.AsArray().Select(v => v?.ToString() ?? "null").ToList() ?? [];
                var value = Value(document, segments);
                var field = int.TryParse(name, out _) && segments.Count > 1 ? segments[^2] : name;
                var guess = Spelling.Closest(value, allowed);
                var list = string.Join(", ", allowed);
                message = ($"`{field}` ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {list} ไม่ใช่ `{value}`{(guess is null ? string.Empty : $" (หมายถึง `{guess}` หรือไม่?)")}",
                    $"`{field}` must be one of {list}, not `{value}`{(guess is null ? string.Empty : $" (did you mean `{guess}`?)")}");
            }
            else if (errors.ContainsKey("type"))
            {
                var wanted = At(node, evaluation)?["type"];
                var kinds = wanted is JsonArray many ? many.Select(k => k!.ToString()).ToList() : [wanted?.ToString() ?? "?"];
                var value = Value(document, segments);
                message = ($"`{name}` ต้องเป็น{string.Join(" หรือ ", kinds.Select(ThaiType))} ไม่ใช่ {value}", $"`{name}` must be {string.Join(" or ", kinds)}, not {value}");
            }
            else
            {
                var text = string.Join("; ", errors.Select(e => e.Value));
                message = ($"`{name}` ไม่ถูกต้อง ({string.Join(", ", errors.Keys)})", $"`{name}`: {text}");
            }

            var (line, column) = JsonDataFile.Locate(positions, jsonPath);
            var problem = new FileProblem(path, line, column, $"{label}{message.Th}\n    {message.En}");
            if (seen.Add(problem.ToString()))
            {
                problems.Add(problem);
            }
        }

        return [.. problems.OrderBy(p => p.Line).ThenBy(p => p.Column)]; // in file order, as an editor lists them
    }

    // "ข้อ O1: " for a problem inside items[n] of a rules file, so the message names the item people know.
    private static string ItemLabel(JsonElement document, List<string> segments)
    {
        if (segments.Count >= 2 && segments[0] == "items" && int.TryParse(segments[1], out var index)
            && document.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && index < items.GetArrayLength()
            && items[index].ValueKind == JsonValueKind.Object && items[index].TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            return $"ข้อ {code.GetString()}: ";
        }

        return string.Empty;
    }

    private static string Value(JsonElement document, List<string> segments)
    {
        var current = document;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return "?";
            }
        }

        var text = current.GetRawText();
        return current.ValueKind == JsonValueKind.String ? current.GetString()! : text.Length > 40 ? text[..40] + "…" : text;
    }

    // The schema node at an evaluation path; segments the schema does not have (keywords the evaluator adds) are skipped.
    private static JsonNode? At(JsonNode schema, string evaluationPath)
    {
        var current = schema;
        foreach (var segment in evaluationPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Unescape))
        {
            if (current is JsonObject o && o[segment] is { } child)
            {
                current = child;
            }
        }

        return current;
    }

    private static IEnumerable<string> PropertiesAt(JsonNode schema, string evaluationPath) =>
        At(schema, evaluationPath)?["properties"] is JsonObject properties ? properties.Select(p => p.Key) : [];

    private static string ThaiType(string type) => type switch
    {
        "string" => "ข้อความ",
        "integer" => "จำนวนเต็ม",
        "number" => "ตัวเลข",
        "boolean" => " true หรือ false",
        "array" => "รายการ [ … ]",
        "object" => "กลุ่มค่า { … }",
        "null" => " null",
        _ => type,
    };

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
