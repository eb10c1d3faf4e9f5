using System.CommandLine;
using OitCrawler.Audit;
using OitCrawler.Gaps;
using OitCrawler.Rules;

namespace OitCrawler.Cli;

/// <summary><c>measures validate [FILE ...]</c>: every problem of a measures file (also the item codes against the rules), with file:line:column.</summary>
internal static class MeasuresCommand
{
    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("FILE|DIR")
        {
            Description = "ไฟล์มาตรการหรือโฟลเดอร์ (ค่าเริ่มต้น measures/)\nmeasures files or folders (default measures/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = new Option<string>("--rules")
        {
            Description = "โฟลเดอร์ไฟล์เกณฑ์ที่ใช้ตรวจรหัสข้อ (ค่าเริ่มต้น rules)\nrules folder to check item codes against (default rules)",
            HelpName = "DIR",
            DefaultValueFactory = _ => "rules",
        };
        var validate = new Command("validate", "ตรวจไฟล์มาตรการ แสดงทุกข้อผิดพลาดพร้อมไฟล์:บรรทัด:คอลัมน์\ncheck measures files; every problem with file:line:column") { paths, rules };
        validate.SetAction(parse =>
        {
            var rulesDirectory = AuditRunner.ResolveRulesDirectory(parse.GetValue(rules)!);
            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : [Commands.FindShipped("measures")];
            return DataFileCheck.Run(cli.Say, targets, "*.json", file =>
            {
                var measures = MeasuresLoader.Load(file, rulesDirectory);
                return ($"{measures.Agency}: {measures.Units.Count} หน่วยงาน {measures.Issues.Count} ประเด็น", $"{measures.Agency}: {measures.Units.Count} units, {measures.Issues.Count} issues");
            });
        });
        return new Command("measures", "ไฟล์มาตรการของหน่วยงาน (หน่วยงานย่อย อีเมล ข้อที่รับผิดชอบ)\nthe agency's measures file (units, e-mails, items they own)") { validate };
    }
}
