using System.Runtime.CompilerServices;

namespace OitCrawler.Tests.Support;

internal static class ThreadPoolSetup
{
    /// <summary>
    /// The fixture servers, the crawler and the test host share one thread pool, which on a 2-core
    /// machine starts with 2 threads. When those are busy the pool adds threads slowly (about one
    /// per second), and that shows up as a 1 s stall in the request timestamps a test measures:
    /// the server records a request late and the next one on time. In the app the server is another
    /// machine; here a larger floor keeps the measurement about the crawler.
    /// </summary>
    [ModuleInitializer]
    internal static void RaiseMinimumThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
