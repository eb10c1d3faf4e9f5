namespace OitCrawler.Reporting;

/// <summary>
/// Writes files beside their names and moves them into place: a reader never sees half a file, a set of files
/// (one run's reports) is replaced together or not at all, and a failed write leaves no temp file.
/// </summary>
public static class AtomicFile
{
    public static Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken) =>
        WriteSetAsync([(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask())], cancellationToken);

    /// <summary>
    /// Writes every file of the set first, then moves them all into place. A write that fails (a full disk) leaves
    /// the previous set as it was: the moves are renames in one folder, which need no space.
    /// </summary>
    public static async Task WriteSetAsync(IReadOnlyList<(string Path, Func<Stream, CancellationToken, Task> Write)> files, CancellationToken cancellationToken)
    {
        var temps = new List<string>(files.Count);
        try
        {
            foreach (var (path, write) in files)
            {
                var temp = path + ".tmp";
                temps.Add(temp);
                await using var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }
        }
        catch
        {
            foreach (var temp in temps)
            {
                File.Delete(temp);
            }

            throw;
        }

        foreach (var (path, _) in files)
        {
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}
