using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

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
}
