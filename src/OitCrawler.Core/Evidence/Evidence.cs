namespace OitCrawler.Evidence;

/// <summary>How a link was written in the page.</summary>
public enum LinkKind
{
    Anchor,
    Area,
    Frame,
    MetaRefresh,
    Embed,

    /// <summary>A URL written in an inline script or JSON data (a menu a script builds).</summary>
    Script,

    /// <summary>A URL written as plain text (an ITAS-style table whose URL column is not linked).</summary>
    Text,
}

/// <summary>
/// A link as found: the resolved canonical URL (null for mailto:, tel:, line: and other non-HTTP
/// links, kept as <see cref="Href"/>), its visible text, and where on the page it stood: the nearest
/// heading above it (<see cref="Section"/>) and the text of its table row or list item (<see cref="Row"/>).
/// </summary>
/// <remarks>
/// <see cref="Row"/> also carries the item heading that owns the link: "O4 ข่าวประชาสัมพันธ์" written as a paragraph,
/// heading or list item above a list of document links owns each of them until the next such heading.
/// </remarks>
public sealed record LinkEvidence(string Href, Uri? Url, string Text, LinkKind Kind, string? Section, string? Row)
{
    /// <summary>The nearest year heading around the link (an accordion summary "ITA ปี 2569", a tab label), when one stated a year.</summary>
    public string? YearHeading { get; init; }
}

/// <summary>One table row: its cell texts and the links in it.</summary>
public sealed record TableRowEvidence(IReadOnlyList<string> Cells, IReadOnlyList<LinkEvidence> Links);

public sealed record TableEvidence(string? Caption, string? Section, IReadOnlyList<TableRowEvidence> Rows);

/// <summary>A form: where it posts and what it asks for.</summary>
public sealed record FormEvidence(string? Action, string Method, IReadOnlyList<string> Fields, bool HasTextArea);

public sealed record ImageEvidence(string Src, string? Alt);

/// <summary>An HTML page reduced to what assessment needs; the DOM is not kept.</summary>
public sealed record PageEvidence
{
    public required Uri Url { get; init; }

    /// <summary>The URL that was linked, when a redirect led to <see cref="Url"/>.</summary>
    public Uri? RequestedUrl { get; init; }

    public int Status { get; init; } = 200;

    public string? Title { get; init; }

    public IReadOnlyList<string> Headings { get; init; } = [];

    /// <summary>Visible text, whitespace folded, capped in length.</summary>
    public string Text { get; init; } = string.Empty;

    public IReadOnlyList<LinkEvidence> Links { get; init; } = [];

    public IReadOnlyList<TableEvidence> Tables { get; init; } = [];

    public IReadOnlyList<FormEvidence> Forms { get; init; } = [];

    public IReadOnlyList<ImageEvidence> Images { get; init; } = [];

    public DateTimeOffset? LastModified { get; init; }

    public string? ETag { get; init; }

    public string? Charset { get; init; }

    public int Depth { get; init; }

    /// <summary>The page whose link led here, and that link's text: the click path.</summary>
    public Uri? FoundOn { get; init; }

    public string? FoundVia { get; init; }

    public bool Truncated { get; init; }
}

/// <summary>A document (PDF, Word, Excel…) recorded from its headers and, for PDFs, its text layer.</summary>
public sealed record DocumentEvidence
{
    public required Uri Url { get; init; }

    public Uri? RequestedUrl { get; init; }

    public int Status { get; init; } = 200;

    public string? MediaType { get; init; }

    public long? Size { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The entity tag the server sent, for a conditional request on the next crawl (documents change rarely; most are revalidated).</summary>
    public string? ETag { get; init; }

    /// <summary>Extracted text (PDF only), capped; null when not read.</summary>
    public string? Text { get; init; }

    /// <summary>True when the PDF was read and had no text layer (a scan).</summary>
    public bool Scanned { get; init; }

    /// <summary>Why a PDF was not read (Thai): damaged, or refused as hostile (too deep, too large inflated, too slow); null when read or not a PDF.</summary>
    public string? NotRead { get; init; }

    public int Depth { get; init; }

    public Uri? FoundOn { get; init; }

    public string? FoundVia { get; init; }
}

/// <summary>Why a URL was not fetched, or why fetching it failed.</summary>
public enum SkipReason
{
    Robots,
    MaxDepth,
    QueryVariants,
    RepeatingSegments,
    UrlTooLong,
    RedirectLoop,
    TooManyRedirects,
    PrivateAddress,
    Budget,
    HostFailing,
}

/// <summary>A decision not to fetch, with its reason (kept so a user can see why a page is absent).</summary>
public sealed record SkipRecord(Uri Url, SkipReason Reason, string Detail, Uri? FoundOn)
{
    /// <summary><see cref="Detail"/> in Thai; null from code that gives only English.</summary>
    public string? DetailTh { get; init; }
}

/// <summary>Every URL requested and how it ended; <see cref="Status"/> 0 means no HTTP answer, and <see cref="Error"/> says why in English (our sentence, never .NET's message).</summary>
public sealed record FetchRecord(Uri Url, int Status, string? Error, Uri? FinalUrl)
{
    /// <summary><see cref="Error"/> in Thai.</summary>
    public string? ErrorTh { get; init; }
}
