using System.CommandLine;
using GraphQL;
using GraphQL.Types;

namespace NewsGraph.Server.Cli;

/// <summary><c>schema export [--output path]</c>: prints the SDL of the schema the server would serve.</summary>
internal static class SchemaExportCommand
{
    public static Command Create(Func<WebApplication> buildApp)
    {
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the SDL to this file instead of standard output.",
            HelpName = "path",
        };

        var export = new Command("export", "Print the GraphQL schema (SDL).") { output };
        export.SetAction(async (parse, ct) =>
        {
            WebApplication app = buildApp();
            var schema = app.Services.GetRequiredService<ISchema>();
            string sdl = schema.Print();
            if (!sdl.EndsWith('\n'))
            {
                sdl += "\n";
            }

            FileInfo? file = parse.GetValue(output);
            if (file is null)
            {
                await Console.Out.WriteAsync(sdl.AsMemory(), ct);
                await Console.Out.FlushAsync(ct);
            }
            else
            {
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, sdl, ct);
                await Console.Error.WriteLineAsync($"Schema written to {file.FullName}");
            }

            return 0;
        });

        return new Command("schema", "Schema tools.") { export };
    }
}
