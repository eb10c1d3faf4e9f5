using System.Reflection;
using System.Text;
using NetArchTest.Rules;
using OitCrawler.Cli;
using OitCrawler.Crawling;
using OitCrawler.Tests.Support;
using Xunit.Abstractions;

namespace OitCrawler.Tests.Architecture;

/// <summary>
/// The folders of src/ are a one-way pipeline. Each row names what a folder may use; every folder it
/// may use comes earlier in the table (inner first), so the table itself cannot hold a cycle, and a
/// type that reaches outward fails here with its name. The matrix of what the folders actually use is
/// written to artifacts/folder-dependencies.md (README "How it works" quotes it).
/// </summary>
[Trait("speed", "fast")]
public class FolderDependencyTests(ITestOutputHelper output)
{
    private static readonly string[] Core = ["Text", "Web", "Rules", "Evidence", "Crawling", "Assessment", "Gaps", "Audit", "Reporting"];

    /// <summary>Inner first: (folder, the folders it may use). Core rows never name a host folder.</summary>
    private static readonly (string Folder, string[] MayUse)[] Layers =
    [
        // OitCrawler.Core
        ("Text", []),
        ("Web", ["Text"]),
        ("Rules", ["Text"]),
        ("Evidence", ["Text", "Web", "Rules"]),
        ("Crawling", ["Text", "Web", "Evidence"]),
        ("Assessment", ["Text", "Web", "Rules", "Evidence"]),
        ("Gaps", ["Text", "Web", "Rules", "Evidence", "Assessment"]),
        ("Audit", ["Text", "Web", "Rules", "Evidence", "Crawling", "Assessment", "Gaps"]),
        ("Reporting", ["Text", "Web", "Rules", "Evidence", "Crawling", "Assessment", "Gaps", "Audit"]),
        // OitCrawler (the host)
        ("Demo", []),
        ("History", Core),
        ("Alerts", [.. Core, "History"]),
        ("Scheduling", [.. Core, "History", "Alerts"]),
        ("Fleet", [.. Core, "History", "Alerts", "Scheduling"]),
        ("Dashboard", [.. Core, "History", "Alerts", "Scheduling", "Fleet"]),
        ("Cli", [.. Core, "History", "Alerts", "Scheduling", "Fleet", "Dashboard", "Demo"]),
    ];

    /// <summary>What only the host may reference: storage, mail, scheduling, web serving.</summary>
    private static readonly string[] HostLibraries = ["Microsoft.Data.Sqlite", "Npgsql", "MailKit", "MimeKit", "Quartz", "Microsoft.AspNetCore"];

    private static readonly Assembly[] Assemblies = [typeof(Crawler).Assembly, typeof(Commands).Assembly];

    public static TheoryData<string> Folders() => [.. Layers.Select(l => l.Folder)];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_UsesOnlyTheFoldersInItsRow(string folder)
    {
        var allowed = Layers.Single(l => l.Folder == folder).MayUse;
        var forbidden = Layers.Select(l => l.Folder).Where(f => f != folder && !allowed.Contains(f)).Select(Namespace);
        if (Core.Contains(folder))
        {
            forbidden = forbidden.Concat(HostLibraries);
        }

        var result = Types.InAssemblies(Assemblies).That().ResideInNamespace(Namespace(folder))
            .ShouldNot().HaveDependencyOnAny([.. forbidden]).GetResult();

        Assert.True(result.IsSuccessful,
            $"{folder} may use only [{string.Join(", ", allowed)}], but these types reach further: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Layers_EveryFolderUsesOnlyEarlierRows_SoTheTableHasNoCycle()
    {
        var seen = new HashSet<string>();
        foreach (var (folder, mayUse) in Layers)
        {
            Assert.All(mayUse, used => Assert.True(seen.Contains(used), $"{folder} may use {used}, which is not an inner folder"));
            seen.Add(folder);
        }
    }

    [Fact]
    public void Layers_NameEveryFolderOfSrc()
    {
        var onDisk = new[] { "OitCrawler.Core", "OitCrawler" }
            .SelectMany(p => Directory.GetDirectories(Repo.Path("src", p)))
            .Select(Path.GetFileName)
            .Where(d => d is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, Layers.Select(l => l.Folder).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Measures the folder matrix: how many top-level types of a row's folder use a column's folder.
    /// Every count sits below the diagonal (a folder uses only earlier ones), which is the one-way graph.
    /// </summary>
    [Fact]
    public async Task Matrix_UsesPointOnlyInward()
    {
        var folders = Layers.Select(l => l.Folder).ToArray();
        var table = new StringBuilder()
            .Append("| from \\ to | ").AppendJoin(" | ", folders.Select(Short)).AppendLine(" |")
            .Append("|---|").AppendJoin("", folders.Select(_ => "---|")).AppendLine();
        var outward = new List<string>();
        for (var row = 0; row < folders.Length; row++)
        {
            table.Append("| **").Append(folders[row]).Append("** |");
            for (var column = 0; column < folders.Length; column++)
            {
                var users = row == column ? 0 : Types.InAssemblies(Assemblies).That().ResideInNamespace(Namespace(folders[row]))
                    .And().HaveDependencyOn(Namespace(folders[column])).GetTypes()
                    .Select(t => TopLevel(t).FullName).Distinct().Count();
                table.Append(' ').Append(users == 0 ? "·" : users.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" |");
                if (users > 0 && column > row)
                {
                    outward.Add($"{folders[row]} → {folders[column]} ({users})");
                }
            }

            table.AppendLine();
        }

        output.WriteLine(table.ToString());
        Directory.CreateDirectory(Repo.Path("artifacts"));
        await File.WriteAllTextAsync(Repo.Path("artifacts", "folder-dependencies.md"), table.ToString());
        Assert.Empty(outward);
    }

    private static string Namespace(string folder) => "OitCrawler." + folder;

    private static string Short(string folder) => folder.Length <= 4 ? folder : folder[..4];

    private static Type TopLevel(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }
}
