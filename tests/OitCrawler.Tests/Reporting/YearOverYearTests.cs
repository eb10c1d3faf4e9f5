using OitCrawler.Reporting;

namespace OitCrawler.Tests.Reporting;

[Trait("speed", "fast")]
public sealed class YearOverYearTests
{
    [Fact]
    public void Build_SeedPastScores_ColumnsArePastYearsThenThisYear()
    {
        var result = SampleAudit.Build();

        var table = YearOverYear.Build(result, []);

        Assert.Equal([2566, 2567, 2568], table.Years);
        Assert.Equal(2567, table.LastYear);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "oit", "total"], table.Rows.Select(r => r.Key));
        var first = table.Rows[0];
        Assert.Equal("IIT", first.Tool);
        Assert.Equal("การปฏิบัติหน้าที่", first.Name);
        Assert.Equal(87.29, first.Values[0]!.Value);
        Assert.Equal(82.5, first.LastYear!.Value);
        Assert.False(first.LastYear.Estimated);
    }

    [Fact]
    public void Build_Indicators1To8_AreNotMeasuredThisYear()
    {
        var table = YearOverYear.Build(SampleAudit.Build(), []);

        Assert.All(table.Rows.Take(8), row =>
        {
            Assert.Null(row.ThisYear);
            Assert.Null(row.Change);
            Assert.Equal("—", row.Trend);
        });
    }

    [Fact]
    public void Build_Indicators9And10_ComparedWithLastYear()
    {
        var result = SampleAudit.Build();

        var table = YearOverYear.Build(result, []);

        var nine = table.Rows.Single(r => r.Key == "9");
        Assert.Equal(63.57, nine.LastYear!.Value);
        Assert.Equal(result.Score.Indicator9, nine.ThisYear!.Value);
        Assert.True(nine.ThisYear.Estimated);
        Assert.Equal(Math.Round(result.Score.Indicator9 - 63.57, 2), nine.Change);
        Assert.Equal(nine.Change > 0 ? "เพิ่มขึ้น" : nine.Change < 0 ? "ลดลง" : "เท่าเดิม", nine.Trend);
        var total = table.Rows.Single(r => r.Key == "total");
        Assert.Equal([74.74, 68.51, result.Score.Projection!.Total], total.Values.Select(v => v!.Value));
        Assert.Equal(["ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน", result.Score.Projection.Band], total.Bands);
    }

    [Theory]
    [InlineData(50.0, 43.34, "เพิ่มขึ้น", "+6.66")]
    [InlineData(40.0, 43.34, "ลดลง", "-3.34")]
    [InlineData(43.34, 43.34, "เท่าเดิม", "0.00")]
    public void Trend_Change_NamedLikeTheSeed(double now, double before, string trend, string change)
    {
        var row = new YearOverYearRow("10", "OIT", "การป้องกันการทุจริต", [new YearValue(before, false), new YearValue(now, true)], []);

        Assert.Equal(trend, row.Trend);
        Assert.Equal(change, YearOverYear.FormatChange(row.Change!.Value));
    }

    [Fact]
    public void Build_TrendPoints_PublishedWinsAndRunsAreEstimates()
    {
        var result = SampleAudit.Build();
        TrendPoint[] trend =
        [
            new(2567, new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), 70, 71, 72, FromPastScores: false),
            new(2565, new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero), 55, 54, 56, FromPastScores: false),
            new(2565, new DateTimeOffset(2022, 8, 1, 0, 0, 0, TimeSpan.Zero), 60, 61, 59, FromPastScores: false),
            new(2568, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), 10, 10, 10, FromPastScores: false), // this year: the current run counts
        ];

        var table = YearOverYear.Build(result, trend);

        Assert.Equal([2565, 2566, 2567, 2568], table.Years);
        var nine = table.Rows.Single(r => r.Key == "9");
        Assert.Equal(new YearValue(61, true), nine.Values[0]); // the latest run of 2565
        Assert.Equal(new YearValue(63.57, false), nine.Values[2]); // published beats the 2567 run's 71
        Assert.Equal(result.Score.Indicator9, nine.ThisYear!.Value);
        var oit = table.Rows.Single(r => r.Key == "oit");
        Assert.Equal(new YearValue(70, true), oit.LastYear);
        Assert.Null(oit.Values[1]); // 2566 published no OIT score of its own
    }

    [Fact]
    public void Build_NoMeasuresNoTrend_OnlyThisYear()
    {
        var result = SampleAudit.Build(withMeasures: false);

        var table = YearOverYear.Build(result, []);

        Assert.Equal([2568], table.Years);
        Assert.Null(table.LastYear);
        Assert.Equal(["9", "10", "oit", "total"], table.Rows.Select(r => r.Key));
        Assert.All(table.Rows, r => Assert.Equal("—", r.Trend));
    }

    [Fact]
    public void Build_TooManyPastYears_KeepsTheMostRecent()
    {
        var result = SampleAudit.Build(withMeasures: false);
        var trend = Enumerable.Range(2560, 8).Select(y => new TrendPoint(y, null, 50, 50, 50, FromPastScores: true)).ToList();

        var table = YearOverYear.Build(result, trend);

        Assert.Equal([2565, 2566, 2567, 2568], table.Years);
        Assert.False(table.Rows.Single(r => r.Key == "9").LastYear!.Estimated);
    }
}
