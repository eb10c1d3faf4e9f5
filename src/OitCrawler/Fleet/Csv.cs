using System.Text;
using OitCrawler.Rules;

namespace OitCrawler.Fleet;

/// <summary>
/// RFC 4180 CSV as spreadsheets write it: comma-separated, "quoted" fields with "" for a quote and
/// line breaks allowed inside quotes, CRLF or LF. Each record keeps the line it starts on and each
/// field its column, so a problem in the agencies file can be pointed at.
/// </summary>
internal static class Csv
{
    public sealed record Field(string Text, int Column);

    public sealed record Record(int Line, IReadOnlyList<Field> Fields);

    public static IReadOnlyList<Record> Parse(string text, string file)
    {
        var records = new List<Record>();
        var fields = new List<Field>();
        var value = new StringBuilder();
        int line = 1, column = 1, recordLine = 1, fieldColumn = 1, quoteLine = 0;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i += 2;
                    column += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    value.Append(c);
                    if (c == '\n')
                    {
                        line++;
                        column = 0;
                    }
                }
            }
            else if (c == '"' && value.ToString().Trim().Length == 0)
            {
                quoted = true;
                quoteLine = line;
                value.Clear();
            }
            else if (c == ',')
            {
                fields.Add(new Field(value.ToString(), fieldColumn));
                value.Clear();
                fieldColumn = column + 1;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(new Field(value.ToString(), fieldColumn));
                records.Add(new Record(recordLine, fields));
                fields = [];
                value.Clear();
                line++;
                column = 0;
                recordLine = line;
                fieldColumn = 1;
            }
            else
            {
                value.Append(c);
            }

            i++;
            column++;
        }

        if (quoted)
        {
            throw new DataFileException([new FileProblem(file, quoteLine, 1, "เครื่องหมายคำพูด \" ไม่ได้ปิด / a quoted value is never closed")]);
        }

        if (value.Length > 0 || fields.Count > 0)
        {
            fields.Add(new Field(value.ToString(), fieldColumn));
            records.Add(new Record(recordLine, fields));
        }

        return records;
    }
}
