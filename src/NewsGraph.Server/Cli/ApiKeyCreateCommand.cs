using System.CommandLine;
using System.Text.Json;
using NewsGraph.GraphQL.Authentication;

namespace NewsGraph.Server.Cli;

/// <summary>
/// <c>apikey create --name cms --role editor</c>: prints a new random key once, and the configuration entry that
/// holds only its SHA-256 hash. The server never stores or prints the key itself, so it cannot be shown again.
/// </summary>
internal static class ApiKeyCreateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who the key is for (e.g. cms).", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role of the key (editor or admin); repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var create = new Command("create", "Create an API key: prints the key once and the configuration entry with its hash.") { name, roles };
        create.SetAction(async (parse, ct) =>
        {
            var key = ApiKeyHasher.CreateKey();
            var entry = new { Name = parse.GetValue(name), Hash = ApiKeyHasher.Hash(key), Roles = parse.GetValue(roles) ?? [] };
            await Console.Out.WriteLineAsync($"API key (shown only now; give it to the client, send it as `X-Api-Key: <key>`):{Environment.NewLine}{key}{Environment.NewLine}");
            await Console.Out.WriteLineAsync("Add this entry to Authentication:ApiKeys in appsettings.json (or an environment-specific file):");
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(entry, Indented).AsMemory(), ct);
            return 0;
        });
        return new Command("apikey", "Manage API keys.") { create };
    }
}
