using OitCrawler.Cli;
using OitCrawler.Rules;

namespace OitCrawler.Fleet;

/// <summary><c>fleet validate|run-now|report</c>: thin edges over the agencies file and the fleet's PostgreSQL database.</summary>
internal static class FleetCommands
{
    public const string Usage = "usage: oitcrawler fleet validate [FILE] | fleet run-now [--agency ID|--province NAME] | fleet report [--out DIR]   (FILE: --fleet or Fleet:AgenciesFile)";

    public static async Task<int> RunAsync(CommandLine line, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        return (line.Arguments.Count > 0 ? line.Arguments[0] : null) switch
        {
            "validate" => Validate(line, stdout, stderr),
            _ => throw new UsageException(Usage),
        };
    }

    /// <summary>Checks the agencies file; every problem with file:line:column, then a count.</summary>
    private static int Validate(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        if (line.Arguments.Count > 2)
        {
            throw new UsageException(Usage);
        }

        var path = line.Arguments.Count == 2 ? line.Arguments[1] : AgenciesPath(line);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"{path}:0:0: ไม่พบไฟล์ / no such file");
            return ExitCodes.BadInput;
        }

        try
        {
            var agencies = AgenciesFile.Load(path);
            var provinces = agencies.Select(a => a.Province).Distinct(StringComparer.Ordinal).Count();
            var hosts = agencies.SelectMany(a => a.Hosts).Distinct(StringComparer.Ordinal).Count();
            stdout.WriteLine($"OK   {path}: {agencies.Count} หน่วยงาน / agencies, {provinces} จังหวัด / provinces, {hosts} โฮสต์ / hosts");
            return ExitCodes.Ok;
        }
        catch (DataFileException ex)
        {
            foreach (var problem in ex.Problems)
            {
                stderr.WriteLine(problem);
            }

            stderr.WriteLine($"พบ {ex.Problems.Count} ปัญหา / {ex.Problems.Count} problem(s) in {path}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>The agencies file named by <c>--fleet</c> (Fleet:AgenciesFile).</summary>
    internal static string AgenciesPath(CommandLine line) =>
        line.Settings.GetValueOrDefault(FleetOptions.SectionName + ":" + nameof(FleetOptions.AgenciesFile))
        ?? throw new UsageException("name the agencies file: --fleet FILE (or Fleet:AgenciesFile in appsettings.json)");
}
