namespace NewsGraph.Server.Cli;

/// <param name="Articles">How many articles to add.</param>
/// <param name="Seed">Random seed: the same seed gives the same catalogue.</param>
/// <param name="BatchSize">Articles per transaction.</param>
internal sealed record SeedOptions(int Articles, int Seed, int BatchSize);
