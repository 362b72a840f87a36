using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NewsGraph.Server.Data;
using Spectre.Console;

namespace NewsGraph.Server.Cli;

/// <summary><c>seed --articles N [--seed 42] [--batch-size 5000] [--connection ...] [--provider ...]</c>: appends a generated catalogue.</summary>
internal static class SeedCommand
{
    public static Command Create(Func<string[], WebApplication> buildApp)
    {
        var articles = new Option<int>("--articles")
        {
            Description = "Number of articles to add (at least 1).",
            Required = true,
        };
        articles.Validators.Add(result => RequirePositive(result, "--articles"));

        var seed = new Option<int>("--seed")
        {
            Description = "Random seed; the same seed produces the same catalogue.",
            DefaultValueFactory = _ => 42,
        };

        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Articles written per transaction.",
            DefaultValueFactory = _ => 5000,
        };
        batchSize.Validators.Add(result => RequirePositive(result, "--batch-size"));

        Option<string?> connection = CommonOptions.Connection();
        Option<DatabaseProvider?> provider = CommonOptions.Provider();

        var command = new Command("seed", "Append a large generated catalogue of authors, tags and articles.")
        {
            articles, seed, batchSize, connection, provider,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new SeedOptions(parse.GetValue(articles), parse.GetValue(seed), parse.GetValue(batchSize));
            await using NewsDbContext db = await CliDatabase.OpenAsync(parse.GetValue(connection), parse.GetValue(provider), buildApp, ct);
            await DatabaseInitializer.MigrateAsync(db, ct);

            var stopwatch = Stopwatch.StartNew();
            var seeder = new CatalogueSeeder(db, options);
            await AnsiConsole.Progress()
                .AutoClear(false)
                .StartAsync(async progress =>
                {
                    ProgressTask task = progress.AddTask("Seeding articles", maxValue: options.Articles);
                    await seeder.SeedAsync(written => task.Increment(written), ct);
                });

            AnsiConsole.MarkupLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Added [green]{options.Articles}[/] articles in {stopwatch.Elapsed.TotalSeconds:F1}s (seed {options.Seed})."));
            return 0;
        });
        return command;
    }

    private static void RequirePositive(System.CommandLine.Parsing.OptionResult result, string name)
    {
        if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value < 1)
        {
            result.AddError($"{name} must be a positive number, but was {value}.");
        }
    }
}
