using System.CommandLine;
using OitCrawler.Audit;
using OitCrawler.Rules;

namespace OitCrawler.Cli;

/// <summary><c>rules validate [FILE|DIR ...]</c>: every problem of every rules file, with file:line:column.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("FILE|DIR")
        {
            Description = "ไฟล์หรือโฟลเดอร์เกณฑ์ (ค่าเริ่มต้น rules/)\nrules files or folders (default rules/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var validate = new Command("validate", "ตรวจไฟล์เกณฑ์ แสดงทุกข้อผิดพลาดพร้อมไฟล์:บรรทัด:คอลัมน์\ncheck rules files; every problem with file:line:column") { paths };
        validate.SetAction(parse =>
        {
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : [AuditRunner.ResolveRulesDirectory("rules")];
            return DataFileCheck.Run(cli.Say, targets, "ita-*.json", file =>
            {
                // Element kinds are checked against the agency-kinds.json beside the file, as the audit loads them.
                var kindsFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, AgencyKindsFile.FileName);
                var rules = RuleLoader.Load(file, File.Exists(kindsFile) ? RuleLoader.LoadKinds(kindsFile) : null);
                return ($"ITA {rules.Year}: {rules.Items.Count} ข้อ", $"ITA {rules.Year}, {rules.Items.Count} items");
            });
        });
        return new Command("rules", "ไฟล์เกณฑ์การประเมิน (rules/ita-*.json)\nthe assessment rules files (rules/ita-*.json)") { validate };
    }
}

/// <summary>Checks data files one by one and prints every problem of each; exit 2 when any file has one.</summary>
internal static class DataFileCheck
{
    public static int Run(Say say, IReadOnlyList<string> targets, string pattern, Func<string, (string Th, string En)> check)
    {
        var files = new List<string>();
        foreach (var target in targets)
        {
            if (Directory.Exists(target))
            {
                files.AddRange(Directory.GetFiles(target, pattern).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(target))
            {
                files.Add(target);
            }
            else
            {
                say.Fail($"{target}:0:0: ไม่มีไฟล์หรือโฟลเดอร์นี้", $"{target}:0:0: no such file or folder");
                return ExitCodes.BadInput;
            }
        }

        var failed = 0;
        foreach (var file in files)
        {
            try
            {
                var (th, en) = check(file);
                say.Line($"ถูกต้อง {file}: {th}", $"OK   {file}: {en}");
            }
            catch (DataFileException ex)
            {
                failed++;
                foreach (var problem in ex.Problems)
                {
                    say.Error.WriteLine(problem);
                }
            }
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
    }
}
