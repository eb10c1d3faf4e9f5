using System.Runtime.CompilerServices;
using OitCrawler.Cli;

namespace OitCrawler.Tests.Support;

internal static class MachineIsolation
{
    /// <summary>
    /// Every host a test builds (through <see cref="Commands.BuildHost"/>, the CLI path included) takes the shipped
    /// appsettings.json and the test's own settings only: no OITCRAWLER_* variables or user secrets of this machine.
    /// Child processes the tests start get their settings explicitly.
    /// </summary>
    [ModuleInitializer]
    internal static void IgnoreMachineConfiguration() => Commands.ReadMachineConfiguration = false;
}
