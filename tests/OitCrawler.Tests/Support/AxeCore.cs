using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace OitCrawler.Tests.Support;

/// <summary>
/// axe-core from the npm registry (<c>npm pack</c>, the package's own axe.min.js), cached under
/// artifacts/npm/, injected into a page over DevTools to list its serious and critical accessibility violations.
/// </summary>
internal static class AxeCore
{
    public const string Version = "4.14.1";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The serious and critical violations on the page, one line each (rule, help, first nodes); empty when clean.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(Chromium browser, string page, CancellationToken ct)
    {
        await browser.EvaluateAsync(page, await ScriptAsync(ct) + "\n;true", ct);
        var found = await browser.EvaluateAsync(
            page,
            """
            axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | ')))
            """,
            ct);
        return found!.AsArray().Select(n => n!.GetValue<string>()).ToList();
    }

    private static async Task<string> ScriptAsync(CancellationToken ct)
    {
        var cached = Repo.Path("artifacts", "npm", $"axe-core-{Version}", "axe.min.js");
        await Gate.WaitAsync(ct);
        try
        {
            if (!File.Exists(cached))
            {
                await FetchAsync(cached, ct);
            }
        }
        finally
        {
            Gate.Release();
        }

        return await File.ReadAllTextAsync(cached, ct);
    }

    private static async Task FetchAsync(string target, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("oit-npm-").FullName;
        try
        {
            var start = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
            foreach (var arg in new[] { "pack", $"axe-core@{Version}", "--pack-destination", folder, "--silent" })
            {
                start.ArgumentList.Add(arg);
            }

            Process? npm;
            try
            {
                npm = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException($"npm is not installed ({ex.Message}): the dashboard is checked with axe-core from the npm registry. Run `.ci/install-deps npm` (as root) or `.ci/run`.", ex);
            }

            using (npm)
            {
                var stderr = npm!.StandardError.ReadToEndAsync(ct);
                await npm.StandardOutput.ReadToEndAsync(ct);
                await npm.WaitForExitAsync(ct);
                Assert.True(npm.ExitCode == 0, $"npm pack axe-core@{Version} failed ({npm.ExitCode}): {await stderr}");
            }

            var tarball = Path.Combine(folder, $"axe-core-{Version}.tgz");
            await using var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(cancellationToken: ct) is { } entry)
            {
                if (entry.Name == "package/axe.min.js" && entry.DataStream is { } data)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var partial = target + ".part";
                    await using (var file = File.Create(partial))
                    {
                        await data.CopyToAsync(file, ct);
                    }

                    File.Move(partial, target, overwrite: true);
                    return;
                }
            }

            throw new InvalidDataException($"axe-core-{Version}.tgz has no package/axe.min.js");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
