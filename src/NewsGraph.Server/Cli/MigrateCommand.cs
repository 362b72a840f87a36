using System.CommandLine;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

/// <summary><c>migrate [--connection ...] [--provider Sqlite|PostgreSQL]</c>: applies pending EF Core migrations and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create(Func<string[], WebApplication> buildApp)
    {
        Option<string?> connection = CommonOptions.Connection();
        Option<DatabaseProvider?> provider = CommonOptions.Provider();
        var command = new Command("migrate", "Apply pending database migrations and exit.") { connection, provider };
        command.SetAction(async (parse, ct) =>
        {
            await using NewsDbContext db = await CliDatabase.OpenAsync(parse.GetValue(connection), parse.GetValue(provider), buildApp, ct);
            await DatabaseInitializer.MigrateAsync(db, ct);
            await Console.Out.WriteLineAsync("Database is up to date.");
            return 0;
        });
        return command;
    }
}
