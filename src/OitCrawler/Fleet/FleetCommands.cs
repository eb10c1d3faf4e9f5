using System.CommandLine;
using OitCrawler.Cli;
using OitCrawler.Rules;

namespace OitCrawler.Fleet;

/// <summary><c>fleet validate</c>: thin edges over the agencies file (and, later, the fleet's PostgreSQL database).</summary>
internal static class FleetCommands
{
    public static Command Create(CliContext cli)
    {
        var fleetFile = new Option<string>("--fleet")
        {
            Description = "ไฟล์รายชื่อหน่วยงาน (CSV หรือ JSON) ค่าเริ่มต้น Fleet:AgenciesFile\nthe agencies file (CSV or JSON); default Fleet:AgenciesFile",
            HelpName = "FILE",
            Recursive = true,
        };
        var file = new Argument<string?>("FILE")
        {
            Description = "ไฟล์รายชื่อหน่วยงาน (แทน --fleet)\nthe agencies file (instead of --fleet)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var validate = new Command("validate", "ตรวจไฟล์รายชื่อหน่วยงาน แสดงทุกข้อผิดพลาดพร้อมไฟล์:บรรทัด:คอลัมน์\ncheck an agencies file; every problem with file:line:column") { file };
        validate.SetAction(parse => Validate(cli.Say, parse.GetValue(file) ?? parse.GetValue(fleetFile)
            ?? throw new UsageException("ระบุไฟล์รายชื่อหน่วยงาน: --fleet FILE (หรือ Fleet:AgenciesFile ใน appsettings.json)", "name the agencies file: --fleet FILE (or Fleet:AgenciesFile in appsettings.json)")));
        return new Command("fleet", "ตรวจหลายหน่วยงาน (อำเภอ จังหวัด สถ.)\naudit many agencies (district, province, DLA)") { fleetFile, validate };
    }

    /// <summary>Checks the agencies file; every problem with file:line:column, then a count.</summary>
    private static int Validate(Say say, string path)
    {
        if (!File.Exists(path))
        {
            say.Fail($"{path}:0:0: ไม่พบไฟล์", $"{path}:0:0: no such file");
            return ExitCodes.BadInput;
        }

        try
        {
            var agencies = AgenciesFile.Load(path);
            var provinces = agencies.Select(a => a.Province).Distinct(StringComparer.Ordinal).Count();
            var hosts = agencies.SelectMany(a => a.Hosts).Distinct(StringComparer.Ordinal).Count();
            say.Line($"ถูกต้อง {path}: {agencies.Count} หน่วยงาน {provinces} จังหวัด {hosts} โฮสต์", $"OK   {path}: {agencies.Count} agencies, {provinces} provinces, {hosts} hosts");
            return ExitCodes.Ok;
        }
        catch (DataFileException ex)
        {
            foreach (var problem in ex.Problems)
            {
                say.Error.WriteLine(problem);
            }

            say.Note($"พบ {ex.Problems.Count} ปัญหาใน {path}", $"{ex.Problems.Count} problem(s) in {path}");
            return ExitCodes.BadInput;
        }
    }
}
