using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Reflection;
using OitCrawler.Text;

namespace OitCrawler.Cli;

/// <summary>What every command is built with: the console it speaks to and the shared <c>--lang</c> option.</summary>
internal sealed class CliContext(Say say, Option<string> language)
{
    public Say Say { get; } = say;

    public Option<string> Language { get; } = language;

    /// <summary>The configuration overrides of a parsed command: its flags, and <c>--lang</c> as <c>Audit:Language</c>.</summary>
    public Dictionary<string, string?> Settings(ParseResult parse, ConfigFlags? flags = null)
    {
        var settings = flags?.Settings(parse) ?? new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parse.GetResult(Language) is { Implicit: false })
        {
            settings["Audit:Language"] = parse.GetValue(Language);
        }

        return settings;
    }
}

/// <summary>
/// The command tree (System.CommandLine): one file per command, each with a <c>Create(CliContext)</c>;
/// a new command is one line in <see cref="Build"/>. Help is in Thai with the English beneath, parse
/// errors are one Thai line and one English line with "did you mean", and exit with code 2.
/// </summary>
internal static class CommandTree
{
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand(
            "OitCrawler — ตรวจเว็บไซต์หน่วยงานตามรายการ OIT ของการประเมิน ITA\n" +
            "audits an agency website against the ITA OIT items")
        {
            InitCommand.Create(cli),
            AuditCommand.Create(cli),
            DemoCommand.Create(cli),
            RulesCommand.Create(cli),
            MeasuresCommand.Create(cli),
            ServeCommand.Create(cli),
            RunNowCommand.Create(cli),
            HistoryCommand.Create(cli),
            DashboardCommands.Create(cli),
            FleetCommands.Create(cli),
        };
        root.Add(cli.Language);
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Description = "แสดงวิธีใช้\nshow help and usage";
            }
            else if (option is VersionOption version)
            {
                version.Description = "แสดงรุ่นของโปรแกรม\nshow the version";
                version.Action = new PrintVersion(); // the library prints the entry assembly's, which is not ours under a test host
            }
        }

        return root;
    }

    /// <summary>The <c>--lang</c> option, on every command.</summary>
    public static Option<string> LanguageOption()
    {
        var option = new Option<string>("--lang")
        {
            Description = "ภาษาของข้อความ: th, en หรือ both (ไทยแล้วอังกฤษ ค่าเริ่มต้น)\nlanguage of messages: th, en or both (Thai, English beneath; the default)",
            HelpName = "th|en|both",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("th", "en", "both");
        return option;
    }

    /// <summary>The version printed by <c>--version</c>.</summary>
    public static string Version =>
        typeof(CommandTree).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    /// <summary>Every parse error at once, Thai then English, with the nearest known name for a typo; then where to find help.</summary>
    public static void WriteErrors(ParseResult parse, Say say)
    {
        var command = parse.CommandResult.Command;
        var known = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(command.Subcommands.Select(c => c.Name))
            .Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options.Where(o => o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)))
            .ToList();
        var unknown = parse.UnmatchedTokens.Count > 0;
        foreach (var error in parse.Errors)
        {
            if (unknown && error.SymbolResult is CommandResult { Command: RootCommand } && parse.UnmatchedTokens.All(t => !error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                continue; // "required command was not provided" says nothing the unknown word does not
            }

            if (UnknownToken(parse, error) is { } token)
            {
                var guess = Spelling.Closest(token, known);
                say.Fail(
                    guess is null ? $"ไม่รู้จัก '{token}'" : $"ไม่รู้จัก '{token}' หมายถึง '{guess}' หรือไม่?",
                    guess is null ? $"unknown '{token}'" : $"unknown '{token}'; did you mean '{guess}'?");
            }
            else if (error.Message.Contains('\n', StringComparison.Ordinal))
            {
                var lines = error.Message.Split('\n', 2);
                say.Fail(lines[0], lines[1]); // ours: Thai, then English
            }
            else if (error.SymbolResult is ArgumentResult { Argument: { } argument } && error.Message.Contains("missing", StringComparison.Ordinal))
            {
                say.Fail($"ขาด <{argument.Name}> ของคำสั่ง {command.Name}", error.Message);
            }
            else
            {
                say.Fail("คำสั่งไม่ถูกต้อง", error.Message);
            }
        }

        var names = new List<string>();
        for (var result = parse.CommandResult; result.Command is not RootCommand && result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        var help = string.Join(' ', names.Prepend("oitcrawler").Append("--help"));
        say.Fail($"ดูวิธีใช้: {help}", $"see: {help}");
    }

    // "Unrecognized command or argument 'x'" (an unknown option or command), or an option-looking value taken as an argument.
    private static string? UnknownToken(ParseResult parse, ParseError error)
    {
        foreach (var token in parse.UnmatchedTokens)
        {
            if (error.Message.Contains($"'{token}'", StringComparison.Ordinal))
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>Runs the library's help into a buffer and prints it with Thai headings (English ones for <c>--lang en</c>).</summary>
    public static int WriteHelp(ParseResult parse, Say say)
    {
        using var text = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = text, Error = say.Error });
        // The usage lines name the program as it was started (dotnet's host in tests): say oitcrawler.
        var root = parse.RootCommandResult.Command.Name;
        var help = root == "oitcrawler" ? text.ToString() : text.ToString().Replace("  " + root, "  oitcrawler", StringComparison.Ordinal);
        if (say.Language != ConsoleLanguage.En)
        {
            help = help
                .Replace("Description:", "คำอธิบาย:", StringComparison.Ordinal)
                .Replace("Usage:", "วิธีใช้:", StringComparison.Ordinal)
                .Replace("Arguments:", "ค่าที่ต้องระบุ:", StringComparison.Ordinal)
                .Replace("Options:", "ตัวเลือก:", StringComparison.Ordinal)
                .Replace("Commands:", "คำสั่ง:", StringComparison.Ordinal)
                .Replace("[command]", "[คำสั่ง]", StringComparison.Ordinal)
                .Replace("[options]", "[ตัวเลือก]", StringComparison.Ordinal)
                .Replace("(REQUIRED)", "(ต้องระบุ)", StringComparison.Ordinal)
                .Replace("[default: ", "[ค่าเริ่มต้น: ", StringComparison.Ordinal);
        }

        say.Out.Write(help);
        if (parse.CommandResult.Command is RootCommand)
        {
            say.Line(
                "รหัสออก: 0 ไม่มีข้อต้องแก้ · 1 มีข้อต้องแก้ · 2 คำสั่ง การตั้งค่า หรือไฟล์ข้อมูลผิด · 3 เข้าเว็บไซต์ไม่ได้ · 4 มีการตรวจอื่นกำลังทำงาน · 130 ถูกขัดจังหวะ",
                "exit codes: 0 no gaps · 1 gaps found · 2 bad usage, configuration or data file · 3 site unreachable · 4 another audit is running · 130 interrupted");
        }

        return ExitCodes.Ok;
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Ok;
        }
    }
}
