using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OitCrawler.Text;

/// <summary>
/// The one HTML-encoding policy of every HTML we write (report.html, the e-mail's HTML part): every
/// string that came from a crawled site, a data file or configuration goes through <see cref="Encode"/>;
/// only http(s) URLs become links (<see cref="Link"/>), anything else (javascript:, data:, file:) stays text.
/// Thai stays readable in the source; &lt; &gt; &amp; " ' and invalid text are encoded.
/// </summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The text, safe inside an element or a quoted attribute.</summary>
    /// <remarks>Hidden characters (<see cref="ShownText"/>) are dropped first: a browser obeys an encoded bidi override as well as a raw one.</remarks>
    public static string Encode(string? text) => Encoder.Encode(ShownText.Clean(text));

    /// <summary>Whether the URL may become a link: absolute http or https.</summary>
    public static bool IsWebLink(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// An anchor to <paramref name="url"/> showing <paramref name="text"/>, or the text in a span with
    /// <paramref name="nolinkClass"/> when the URL is not http(s). <paramref name="cssClass"/> marks the anchor (e.g. <c>url</c>, the only text
    /// allowed to break anywhere).
    /// </summary>
    public static StringBuilder AppendLink(StringBuilder html, Uri? url, string text, string? cssClass = null, string nolinkClass = "nolink")
    {
        ArgumentNullException.ThrowIfNull(html);
        if (IsWebLink(url))
        {
            html.Append("<a href=\"").Append(Encode(url!.AbsoluteUri)).Append('"');
            if (cssClass is not null)
            {
                html.Append(" class=\"").Append(cssClass).Append('"');
            }

            return html.Append(" rel=\"noopener noreferrer\">").Append(Encode(text)).Append("</a>");
        }

        return html.Append("<span class=\"").Append(nolinkClass).Append("\">").Append(Encode(text)).Append("</span>");
    }

    /// <summary><see cref="AppendLink"/> as a string.</summary>
    public static string Link(Uri? url, string text, string? cssClass = null) => AppendLink(new StringBuilder(), url, text, cssClass).ToString();
}
