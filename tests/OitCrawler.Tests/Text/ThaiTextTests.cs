using System.Text;
using System.Text.RegularExpressions;
using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public class ThaiTextTests
{
    [Theory]
    [InlineData("ปีงบประมาณ ๒๕๖๘", "ปีงบประมาณ 2568")]
    [InlineData("E–Service", "e-service")]
    [InlineData("E—SERVICE", "e-service")]
    [InlineData("แผน\u200Bดำเนินงาน", "แผนดำเนินงาน")]
    [InlineData("แผน\u00A0\u00A0ดำเนินงาน", "แผน ดำเนินงาน")]
    [InlineData("  ITA   2568\n", "ita 2568")]
    [InlineData("คํา", "คำ")]
    [InlineData("น้ํา", "น้ำ")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_Variants_FoldToOneForm(string? input, string expected) =>
        Assert.Equal(expected, ThaiText.Normalize(input));

    [Fact]
    public void ContainsLoose_IgnoresSpacesInsertedInThai() =>
        Assert.True(ThaiText.ContainsLoose("แผน ปฏิบัติการ ป้องกันการทุจริต ประจำปี", "แผนปฏิบัติการป้องกันการทุจริต"));

    [Fact]
    public void ContainsLoose_DifferentText_IsFalse() =>
        Assert.False(ThaiText.ContainsLoose("รายงานผลการดำเนินงาน", "แผนปฏิบัติการป้องกันการทุจริต"));

    [Fact]
    public void Similarity_SameTitle_IsOne_AndUnrelated_IsLow()
    {
        Assert.Equal(1.0, ThaiText.Similarity("ข้อมูลผู้บริหาร", "ข้อมูล ผู้บริหาร"));
        Assert.True(ThaiText.Similarity("ข้อมูลผู้บริหาร", "ข่าวประชาสัมพันธ์") < 0.2);
    }
    // Characters the hand-written passes treat specially (and their neighbours), mixed with Thai, Latin of both cases,
    // Thai digits, sara am parts and ordinary letters of other scripts that do have case (Ä, Σ, Ｆ).
    private static readonly char[] Alphabet =
    [
        'a', 'Z', 'Q', '0', ' ', ' ', '\t', '\n', '\r', '\u000B', '\u000C', '\u0000', '\u0008', '\u001F', '\u007F', '\u0085', '\u009F', '\u00A0',
        '\u00AD', '\u00C4', '\u03A3', '\u1680', '\u2000', '\u200A', '\u200B', '\u200C', '\u2013', '\u2028', '\u200E', '\u200F', '\u061C', '\u202A', '\u202E', '\u202F', '\u205F',
        '\u2066', '\u2069', '\u3000', '\uFEFF', '\uFF26', '\u0E01', '\u0E32', '\u0E33', '\u0E48', '\u0E4D', '\u0E50', '\u0E59', '\u0E5B', '\u0E7F',
    ];

    [Fact]
    public void Fold_RandomText_SameAsTheRegularExpressions()
    {
        var invisible = new Regex(@"[\u200B\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]");
        var spaces = new Regex(@"[\s\u00A0\u2000-\u200A\u202F\u205F\u3000\uFEFF]+");
        var random = new Random(2568);
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomText(random);
            Assert.Equal(spaces.Replace(invisible.Replace(text, string.Empty), " ").Trim(), ThaiText.Fold(text));
        }
    }

    [Fact]
    public void Normalize_RandomText_LowerCasesAsTheCultureDoes()
    {
        var random = new Random(2569);
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomText(random);
            var expected = ThaiText.Normalize(text.ToLowerInvariant()); // lower-casing first must change nothing more
            Assert.Equal(expected, ThaiText.Normalize(text));
            Assert.Equal(expected, ThaiText.Normalize(expected));
        }

        Assert.Equal("äσｆ", ThaiText.Normalize("ÄΣＦ"));
    }

    private static string RandomText(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(0, 12);
        for (var j = 0; j < length; j++)
        {
            sb.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }
}
