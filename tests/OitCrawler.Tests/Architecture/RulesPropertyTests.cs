using System.Reflection;
using System.Text.Json.Serialization;
using Mono.Cecil;
using Mono.Cecil.Cil;
using OitCrawler.Cli;
using OitCrawler.Rules;

namespace OitCrawler.Tests.Architecture;

/// <summary>
/// Every property of the rules model (what <c>rules/ita-YYYY.json</c> is loaded into) is read by the pipeline
/// outside the Rules folder, or is marked <see cref="InformationalAttribute"/>: a documented field that the
/// assessment silently ignores (as <c>evidence</c> once was) fails here with its name. Reads are found in the
/// compiled code (property getters called from any method of the two assemblies outside <c>OitCrawler.Rules</c>).
/// </summary>
[Trait("speed", "fast")]
public class RulesPropertyTests
{
    private static readonly Lazy<HashSet<string>> ReadGetters = new(ReadOutsideRules);

    public static TheoryData<string> Properties() => [.. ModelProperties().Select(Name)];

    [Theory]
    [MemberData(nameof(Properties))]
    public void RulesProperty_IsReadOutsideRules_OrMarkedInformational(string property)
    {
        var p = ModelProperties().Single(p => Name(p) == property);
        var informational = p.GetCustomAttribute<InformationalAttribute>() is not null;
        var read = ReadGetters.Value.Contains(Key(p));

        Assert.True(read || informational, $"{property} is loaded from the rules file but nothing outside Rules reads it: use it, remove it, or mark it [Informational]");
        Assert.False(read && informational, $"{property} is marked [Informational] but the pipeline reads it: remove the mark");
    }

    [Fact]
    public void ModelProperties_FoundFromRuleSet()
    {
        var names = ModelProperties().Select(Name).ToList();
        Assert.Contains("ItemRule.Elements", names);
        Assert.Contains("ElementRule.AnyOf", names);
        Assert.Contains("BandRule.MinTotal", names);
    }

    // The records reachable from RuleSet through properties (lists included), JSON-ignored ones left out.
    private static List<PropertyInfo> ModelProperties()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(RuleSet)]);
        var found = new List<PropertyInfo>();
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.DeclaringType == type && p.Name != "EqualityContract"))
            {
                found.Add(p);
                var element = p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments()[0] : p.PropertyType;
                if (element.IsClass && element.Namespace == typeof(RuleSet).Namespace)
                {
                    queue.Enqueue(element);
                }
            }
        }

        return found;
    }

    private static HashSet<string> ReadOutsideRules()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(RuleSet).Assembly, typeof(Commands).Assembly })
        {
            using var module = ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes().Where(t => TopLevel(t).Namespace != typeof(RuleSet).Namespace))
            {
                foreach (var method in type.Methods.Where(m => m.HasBody))
                {
                    foreach (var instruction in method.Body.Instructions)
                    {
                        if (instruction.OpCode.Code is Code.Call or Code.Callvirt && instruction.Operand is MethodReference { Name: var name } called
                            && name.StartsWith("get_", StringComparison.Ordinal))
                        {
                            read.Add(called.DeclaringType.FullName + "::" + name);
                        }
                    }
                }
            }
        }

        return read;
    }

    private static TypeDefinition TopLevel(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string Key(PropertyInfo p) => p.DeclaringType!.FullName + "::get_" + p.Name;

    private static string Name(PropertyInfo p) => p.DeclaringType!.Name + "." + p.Name;
}
