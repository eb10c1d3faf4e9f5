using OitCrawler.Cli;
using Serilog;

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
    Console.OutputEncoding = System.Text.Encoding.UTF8;
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
