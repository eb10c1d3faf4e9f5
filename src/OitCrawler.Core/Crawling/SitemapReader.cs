using System.Xml;

namespace OitCrawler.Crawling;

/// <summary>Reads sitemap.xml and sitemap index files: page URLs and nested sitemap URLs.</summary>
internal static class SitemapReader
{
    public static (IReadOnlyList<string> Pages, IReadOnlyList<string> Sitemaps) Read(byte[] xml)
    {
        var pages = new List<string>();
        var nested = new List<string>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 50_000_000,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            var inSitemap = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sitemap")
                {
                    inSitemap = true;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sitemap")
                {
                    inSitemap = false;
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc")
                {
                    var loc = reader.ReadElementContentAsString().Trim();
                    (inSitemap ? nested : pages).Add(loc);
                }
            }
        }
        catch (XmlException)
        {
            // A broken sitemap yields what was read before the error.
        }

        return (pages, nested);
    }
}
