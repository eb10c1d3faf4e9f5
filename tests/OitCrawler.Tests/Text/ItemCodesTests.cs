using OitCrawler.Text;

namespace OitCrawler.Tests.Text;

[Trait("speed", "fast")]
public class ItemCodesTests
{
    [Theory]
    [InlineData("o1", 1)]
    [InlineData("O1 โครงสร้าง", 1)]
    [InlineData("O 16 ประมวลจริยธรรม", 16)]
    [InlineData("O01", 1)]
    [InlineData("OIT 1", 1)]
    [InlineData("MOIT 12", 12)]
    [InlineData("029 แผนปฏิบัติการ", 29)]
    [InlineData("o๑๒", 12)]
    [InlineData("ข้อ O5", 5)]
    [InlineData("o12-รายการการจัดซื้อจัดจ้าง", 12)]
    [InlineData("O-7", 7)]
    [InlineData("02", 2)]
    public void Leading_RealLabelForms_ReadTheNumber(string label, int expected) =>
        Assert.Equal(expected, ItemCodes.Leading(label));

    [Theory]
    [InlineData("075-765267")]
    [InlineData("ITA 2568")]
    [InlineData("โครงสร้าง")]
    [InlineData("0123")]
    [InlineData("")]
    public void Leading_NotACode_IsNull(string label) => Assert.Null(ItemCodes.Leading(label));

    [Fact]
    public void All_FindsLetterCodesInsideText_NotPhoneNumbers()
    {
        var found = ItemCodes.All("ดูข้อ O12 และ o13 โทร 075-765267 radio1");
        Assert.Equal([12, 13], found);
    }
}
