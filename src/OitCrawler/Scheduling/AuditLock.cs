namespace OitCrawler.Scheduling;

/// <summary>
/// One audit at a time across processes (the service and <c>run-now</c>): an exclusive lock on a file
/// beside the database. The operating system releases it when the process dies, so a killed run never
/// leaves a stale lock, and whoever holds it knows that any run still marked running was abandoned.
/// </summary>
internal sealed class AuditLock : IDisposable
{
    private readonly FileStream _file;

    private AuditLock(FileStream file) => _file = file;

    /// <summary>The lock, or null when another process holds it.</summary>
    /// <exception cref="IOException">The lock file cannot be created or opened (a read-only or full folder): named, never taken for a held lock.</exception>
    public static AuditLock? TryAcquire(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return new AuditLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (IsHeldByAnother(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"cannot create the audit lock {path} beside the history database: {ex.Message}; its folder must be writable (History:DatabasePath)", ex);
        }
    }

    // A lock held elsewhere: EWOULDBLOCK from flock on Unix (.NET reports the errno as HResult), a sharing or lock
    // violation on Windows. Anything else (read-only, no space, no permission) is a real problem to report.
    private static bool IsHeldByAnother(IOException ex) =>
        ex.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    public void Dispose() => _file.Dispose();
}
