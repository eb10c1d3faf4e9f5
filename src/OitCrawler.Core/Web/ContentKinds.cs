namespace OitCrawler.Web;

/// <summary>What kind of resource a media type or file name is.</summary>
internal static class ContentKinds
{
    private static readonly HashSet<string> DocumentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf", ".csv",
    };

    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".svg", ".ico", ".mp3", ".mp4", ".avi", ".mov", ".wmv",
        ".zip", ".rar", ".7z", ".gz", ".tar", ".exe", ".msi", ".iso", ".css", ".js", ".woff", ".woff2", ".ttf",
    };

    public static bool IsHtmlLike(string? mediaType) =>
        mediaType is null or "text/html" or "application/xhtml+xml" or "text/xml" or "application/xml" or "text/plain";

    /// <summary>Script or JSON data, which only a page being rendered asks for.</summary>
    public static bool IsScriptLike(string? mediaType) =>
        mediaType is "application/javascript" or "text/javascript" or "application/x-javascript" or "application/ecmascript"
            or "text/ecmascript" or "application/json"
        || (mediaType?.EndsWith("+json", StringComparison.Ordinal) ?? false);

    public static bool IsPdf(string? mediaType, Uri url) =>
        mediaType == "application/pdf" || (mediaType is null or "application/octet-stream" && Extension(url) == ".pdf");

    public static bool IsDocumentUrl(Uri url) => DocumentExtensions.Contains(Extension(url));

    public static bool IsMediaUrl(Uri url) => MediaExtensions.Contains(Extension(url));

    public static bool IsDocumentType(string? mediaType) =>
        mediaType is not null && (mediaType == "application/pdf" || mediaType.StartsWith("application/vnd.", StringComparison.Ordinal)
            || mediaType is "application/msword" or "application/rtf" or "text/csv" or "application/octet-stream");

    private static string Extension(Uri url) => Path.GetExtension(url.AbsolutePath);
}
