namespace OitCrawler.Crawling.Rendering;

/// <summary>When the crawler opens a page in a headless browser (<c>Crawl:Render</c>).</summary>
public enum RenderMode
{
    /// <summary>Only pages whose HTML suggests a browser would show many more links (see <see cref="RenderSignal"/>).</summary>
    Auto,

    /// <summary>Never: links come from the HTML (and the URLs written in its scripts) only.</summary>
    Never,

    /// <summary>Every HTML page, up to the per-crawl limits.</summary>
    Always,
}
