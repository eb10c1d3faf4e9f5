using OitCrawler.Gaps;

namespace OitCrawler.Tests.Gaps;

[Trait("speed", "fast")]
public class AgencyNamesTests
{
    [Theory]
    [InlineData("หน้าแรก | เทศบาลตำบลท่าแพ", "เทศบาลตำบลท่าแพ")]
    [InlineData("เทศบาลตำบลนาดีใหม่ - หน้าแรก", "เทศบาลตำบลนาดีใหม่")]
    [InlineData("หน้าหลัก – องค์การบริหารส่วนตำบลห้วยทรายงาม", "องค์การบริหารส่วนตำบลห้วยทรายงาม")]
    [InlineData("Welcome", "Welcome")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void FromTitle_PicksTheSegmentNamingTheAgency(string? title, string? expected) =>
        Assert.Equal(expected, AgencyNames.FromTitle(title));

    [Theory]
    [InlineData("เทศบาลตำบลท่าแพ", "เทศบาล")]
    [InlineData("องค์การบริหารส่วนตำบลโคกสะอาด", "อบต")]
    [InlineData("กรมบัญชีกลาง", "ส่วนราชการ")]
    [InlineData("บริษัทตัวอย่าง", null)]
    public void KindOf_ReadsTheKindFromTheName(string name, string? expected) =>
        Assert.Equal(expected, AgencyNames.KindOf(name));
}
