using System.CommandLine;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Cli;

/// <summary><c>migrate [--connection]</c>: applies pending EF Core migrations and exits.</summary>
internal static class MigrateCommand
{
    public static Command Create(Func<WebApplication> buildApp)
    {
        Option<string?> connection = CommonOptions.Connection();
        var command = new Command("migrate", "Apply pending database migrations and exit.") { connection };
        command.SetAction(async (parse, ct) =>
        {
            await using NewsDbContext db = await CliDatabase.OpenAsync(parse.GetValue(connection), buildApp, ct);
            await DatabaseInitializer.MigrateAsync(db, ct);
            await Console.Out.WriteLineAsync("Database is up to date.");
            return 0;
        });
        return command;
    }
}
