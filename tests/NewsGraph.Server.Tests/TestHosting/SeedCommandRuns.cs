namespace NewsGraph.Server.Tests.TestHosting;

/// <summary>
/// Tests that run the <c>seed</c> command in this process. It draws a Spectre.Console progress display, and Spectre
/// allows one live display per process at a time (a second one throws, and the command exits with 1): such tests run
/// one after another in this collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeedCommandRuns
{
    public const string Name = "Runs of the seed command";
}
