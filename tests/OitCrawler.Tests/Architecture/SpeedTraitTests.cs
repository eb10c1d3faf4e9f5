using System.Reflection;

namespace OitCrawler.Tests.Architecture;

/// <summary>Every test class says whether it is fast or slow, so <c>--filter speed=fast</c> leaves nothing out by accident.</summary>
[Trait("speed", "fast")]
public class SpeedTraitTests
{
    [Fact]
    public void EveryTestClass_HasASpeedTrait()
    {
        var untagged = typeof(SpeedTraitTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
            .Where(t => !t.GetCustomAttributes<TraitAttribute>().Any())
            .Select(t => t.FullName);

        Assert.Empty(untagged);
    }
}
