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

    public static AuditLock? TryAcquire(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            return new AuditLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
