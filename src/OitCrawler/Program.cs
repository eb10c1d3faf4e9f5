using OitCrawler.Cli;
using OitCrawler.Text;
using Serilog;

Console.OutputEncoding = System.Text.Encoding.UTF8; // before the writers below: setting it replaces the console's own writers

// Log lines on the console carry URLs and texts from sites: no escape sequence or bidi control gets through.
Console.SetOut(TextWriter.Synchronized(ShownText.Writer(Console.Out)));
Console.SetError(TextWriter.Synchronized(ShownText.Writer(Console.Error)));

Log.Logger = new LoggerConfiguration()
    .MinimumLevel.Warning()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
    .CreateBootstrapLogger();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish with a partial report instead of dying mid-write
    cancel.Cancel();
};

try
{
    return await Commands.RunAsync(args, Console.Out, Console.Error, cancel.Token);
}
catch (Exception ex)
{
    Log.Fatal(ex, "oitcrawler stopped unexpectedly");
    return 70;
}
finally
{
    await Log.CloseAndFlushAsync();
}
