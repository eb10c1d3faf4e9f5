namespace OitCrawler.Rules;

/// <summary>
/// Marks a rules property that is written for people (where a list comes from, how sure it is, crosswalks):
/// loaded and validated, never read by the pipeline. Every other rules property must be read outside the
/// Rules folder; a convention test holds both halves.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InformationalAttribute : Attribute;
