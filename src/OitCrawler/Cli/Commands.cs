using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OitCrawler.Audit;
using OitCrawler.Crawling;
using OitCrawler.Rules;
using OitCrawler.Text;
using Serilog;
using Serilog.Events;

namespace OitCrawler.Cli;

/// <summary>The entry point of every command: parse, run, and turn what went wrong into one clear message and an exit code.</summary>
internal static class Commands
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // Whatever a site put in a URL, a title or a reason, the terminal gets no escape sequence and no bidi control.
        stdout = ShownText.Writer(stdout);
        stderr = ShownText.Writer(stderr);
        var say = new Say(stdout, stderr);
        var cli = new CliContext(say, CommandTree.LanguageOption());
        var root = CommandTree.Build(cli);
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args); // no command: the overview
        say.Language = parse.GetValue(cli.Language) switch
        {
            "th" => ConsoleLanguage.Th,
            "en" => ConsoleLanguage.En,
            _ => ConsoleLanguage.Both,
        };
        if (parse.Errors.Count > 0)
        {
            CommandTree.WriteErrors(parse, say);
            return ExitCodes.BadInput;
        }

        if (parse.Action is HelpAction)
        {
            return CommandTree.WriteHelp(parse, say);
        }

        try
        {
            // Exceptions come back here (one message each, below), and Ctrl+C is Program's: a crawl needs
            // longer than System.CommandLine's termination timeout to store a partial run.
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (UsageException ex)
        {
            say.Fail(ex.Thai, ex.Message);
            return ExitCodes.BadInput;
        }
        catch (DataFileException ex)
        {
            say.Fail("ไฟล์ข้อมูลไม่ถูกต้อง:", "invalid data file:");
            foreach (var problem in ex.Problems)
            {
                stderr.WriteLine($"  {problem}");
            }

            return ExitCodes.BadInput;
        }
        catch (OptionsValidationException ex)
        {
            Configuration(say, ex.Failures);
            return ExitCodes.BadInput;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            // Start-up validation reports every bad section at once.
            Configuration(say, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (BindingFailure(ex) is { } binding)
        {
            // A value of the wrong type ("MaxPages": "abc"): the binder names the key.
            Configuration(say, [$"{binding.Message} ({binding.InnerException?.Message})"]);
            return ExitCodes.BadInput;
        }
        catch (InvalidDataException ex)
        {
            // Configuration providers and the history database both report unreadable data this way.
            var detail = ex.InnerException is { } inner ? inner.Message : ex.Message;
            say.Fail($"อ่านข้อมูลไม่ได้: {detail}", $"unreadable data: {detail}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // An output folder that cannot be written, a full disk, a locked database: one line, no trace.
            // The Thai line says what happened in Thai; the English line keeps .NET's message, the only place naming the path.
            say.Fail($"อ่านหรือเขียนไฟล์ไม่ได้: {ErrorText.Describe(ex).Th}", ex.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            say.Fail("ถูกขัดจังหวะ", "interrupted");
            return ExitCodes.Cancelled;
        }
    }

    // Microsoft.Extensions.Configuration.Binder's "Failed to convert configuration value at 'Crawl:MaxPages' to type
    // 'System.Int32'.", directly or inside start-up validation's AggregateException.
    private static InvalidOperationException? BindingFailure(Exception ex) => ex switch
    {
        InvalidOperationException { Message: var m } binding when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => binding,
        AggregateException aggregate => aggregate.InnerExceptions.Select(BindingFailure).FirstOrDefault(b => b is not null),
        _ => null,
    };

    private static void Configuration(Say say, IEnumerable<string> failures)
    {
        var text = string.Join("; ", failures);
        say.Fail($"การตั้งค่าไม่ถูกต้อง (appsettings.json หรือตัวเลือก): {text}", $"invalid configuration (appsettings.json or options): {text}");
    }

    /// <summary>The log file when appsettings.json names no Serilog sinks (one a day, 14 kept).</summary>
    public const string DefaultLogFile = "logs/oitcrawler-.log";

    /// <summary>
    /// False in the tests (set once, by the test assembly): a host then reads only the appsettings.json shipped beside
    /// the program and the settings it is given, never the machine's environment variables (<c>OITCRAWLER_*</c>),
    /// user secrets or a working folder's appsettings.json, so a developer's settings cannot change what a test asserts
    /// or send real mail.
    /// </summary>
    internal static bool ReadMachineConfiguration { get; set; } = true;

    /// <summary>Builds the host for a command: appsettings.json (working folder, else beside the program), environment, flags; options validated now.</summary>
    public static IHost BuildHost(IReadOnlyDictionary<string, string?> overrides, Action<HostApplicationBuilder>? configure = null)
    {
        var machine = ReadMachineConfiguration;
        var contentRoot = machine && File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, Args = [], DisableDefaults = !machine });
        if (machine)
        {
            builder.Configuration.AddEnvironmentVariables("OITCRAWLER_");
        }
        else
        {
            builder.Configuration.AddJsonFile(Path.Combine(contentRoot, "appsettings.json"), optional: true, reloadOnChange: false);
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        // Each host owns its logger, disposed (and flushed) with the host. Without preserveStaticLogger every host
        // would swap the process-wide Log.Logger, so two hosts side by side (serve's catch-up, tests) would write
        // into each other's files and the first to stop would close the other's log.
        builder.Services.AddSerilog(
            (_, logger) =>
            {
                // Library noise (Quartz's eleven start-up lines, hosting, HTTP) stays at Warning whether or not
                // appsettings.json has a Serilog section; a section's own levels and overrides still win.
                logger.MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                    .MinimumLevel.Override("System", LogEventLevel.Warning)
                    .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
                    .MinimumLevel.Override("Polly", LogEventLevel.Fatal)
                    .MinimumLevel.Override("OitCrawler.Crawling", LogEventLevel.Warning)
                    .MinimumLevel.Override("OitCrawler.Audit", LogEventLevel.Warning)
                    .ReadFrom.Configuration(builder.Configuration)
                    .Enrich.FromLogContext();
                if (!builder.Configuration.GetSection("Serilog:WriteTo").Exists())
                {
                    // No sinks configured: the console (stderr) and daily files, as the shipped appsettings.json has.
                    logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}")
                        .WriteTo.File(DefaultLogFile, formatProvider: CultureInfo.InvariantCulture, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14);
                }
            },
            preserveStaticLogger: true);
        builder.Services.AddCrawling(builder.Configuration);
        builder.Services.AddAudit(builder.Configuration);
        configure?.Invoke(builder);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    /// <summary>A file or folder that ships beside the program (samples/, measures/), or in the working folder when run from the repository.</summary>
    public static string FindShipped(params string[] parts)
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var path = Path.Combine([root, .. parts]);
            if (Directory.Exists(path) || File.Exists(path))
            {
                return path;
            }
        }

        var name = string.Join('/', parts);
        throw new UsageException($"ไม่พบ {name} ข้างโปรแกรมหรือในโฟลเดอร์ปัจจุบัน", $"{name} was not found beside the program or in the working folder");
    }
}
