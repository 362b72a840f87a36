using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Webhooks;
using NewsGraph.Server.Tests.Auth;

namespace NewsGraph.Server.Tests.Webhooks;

/// <summary>Registering, listing and deleting webhooks: admins only, hostile URLs refused, the secret never read back.</summary>
public sealed partial class WebhookRegistrationTests
{
    private const string Create = "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }";

    [Theory]
    [InlineData(null, "AUTH_NOT_AUTHENTICATED")]
    [InlineData(TestCredentials.EditorKey, "AUTH_NOT_AUTHORIZED")]
    [InlineData(TestCredentials.NoRoleKey, "AUTH_NOT_AUTHORIZED")]
    public async Task Only_admins_may_register_list_or_delete_webhooks(string? apiKey, string code)
    {
        await using var server = await WebhookServer.StartAsync();
        var input = new { url = "https://203.0.113.10/hook", events = new[] { "ARTICLE_PUBLISHED" }, secret = WebhookServer.Secret };

        var create = await server.AsAsync(apiKey, Create, new { input });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(code, create.SingleErrorCode());
        Assert.Equal(0, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));

        var list = await server.AsAsync(apiKey, "{ webhooks { nodes { id url } } }");
        Assert.Equal(code, list.SingleErrorCode());
        Assert.Null(list.Data);

        var created = await server.CreateWebhookAsync(input.url, input.events);
        var delete = await server.AsAsync(apiKey, "mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { webhook { id } } }",
            new { input = new { id = (string)created["webhook"]!["id"]! } });
        Assert.Equal(code, delete.SingleErrorCode());
        Assert.Equal(1, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));
    }

    [Fact]
    public async Task An_admin_registers_lists_and_deletes_a_webhook_and_the_secret_is_never_readable()
    {
        await using var server = await WebhookServer.StartAsync();
        var created = await server.CreateWebhookAsync("https://203.0.113.10/hook", ["ARTICLE_PUBLISHED", "ARTICLE_DELETED"]);
        Assert.Null(created["errors"]);
        var id = (string)created["webhook"]!["id"]!;

        var listed = await server.AsAdminAsync("{ webhooks { totalCount nodes { id url events createdAt deliveries { nodes { id } } } } }");
        var webhook = listed.SuccessfulData()["webhooks"]!["nodes"]![0]!;
        Assert.Equal(id, (string?)webhook["id"]);
        Assert.Equal(["ARTICLE_PUBLISHED", "ARTICLE_DELETED"], webhook["events"]!.AsArray().Select(e => (string)e!));
        Assert.DoesNotContain(WebhookServer.Secret, listed.Text, StringComparison.Ordinal);

        // The schema has no field to read it by.
        var secret = await server.AsAdminAsync("{ webhooks { nodes { secret } } }");
        Assert.Equal(HttpStatusCode.BadRequest, secret.StatusCode);

        var deleted = await server.AsAdminAsync("mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { webhook { id } errors { __typename } } }", new { input = new { id } });
        Assert.Null(deleted.SuccessfulData()["deleteWebhook"]!["errors"]);
        var again = await server.AsAdminAsync("mutation($input: DeleteWebhookInput!) { deleteWebhook(input: $input) { webhook { id } errors { __typename } } }", new { input = new { id } });
        Assert.Equal("NotFoundError", (string?)again.SuccessfulData()["deleteWebhook"]!["errors"]![0]!["__typename"]);
        Assert.Equal(0, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));
    }

    [Theory]
    [InlineData("http://203.0.113.10/hook")] // http to a public host
    [InlineData("http://127.0.0.1:8080/hook")] // http to loopback: only with Webhooks:AllowHttpLoopback
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("https://127.1.2.3/hook")]
    [InlineData("https://localhost/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("https://172.16.1.1/hook")]
    [InlineData("https://192.168.1.20/hook")]
    [InlineData("https://169.254.169.254/latest/meta-data")] // cloud metadata, link-local
    [InlineData("https://100.64.0.1/hook")]
    [InlineData("https://0.0.0.0/hook")]
    [InlineData("https://224.0.0.1/hook")]
    [InlineData("https://[::1]/hook")]
    [InlineData("https://[::]/hook")]
    [InlineData("https://[::ffff:127.0.0.1]/hook")] // IPv4-mapped IPv6
    [InlineData("https://[::ffff:10.0.0.1]/hook")]
    [InlineData("https://[64:ff9b::a00:1]/hook")] // NAT64 of 10.0.0.1
    [InlineData("https://[fd12:3456::1]/hook")] // unique local
    [InlineData("https://[fe80::1]/hook")] // link-local
    [InlineData("https://[ff02::1]/hook")] // multicast
    [InlineData("/hooks/news")]
    [InlineData("hooks.example.com/news")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://203.0.113.10/hook")]
    [InlineData("https://user:password@203.0.113.10/hook")]
    public async Task Urls_that_are_not_https_to_a_public_address_are_validation_errors_and_nothing_is_stored(string url)
    {
        await using var server = await DefaultServer();
        var payload = await server.CreateWebhookAsync(url, ["ARTICLE_PUBLISHED"]);
        Assert.Null(payload["webhook"]);
        var error = payload["errors"]!.AsArray().Single()!;
        Assert.Equal("ValidationError", (string?)error["__typename"]);
        Assert.Equal("url", (string?)error["field"]);
        Assert.Equal(0, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));
    }

    [Fact]
    public async Task Loopback_is_refused_by_default_and_allowed_over_http_only_when_configured()
    {
        await using (var byDefault = await DefaultServer())
        {
            var refused = await byDefault.CreateWebhookAsync("http://127.0.0.1:9/hook", ["ARTICLE_PUBLISHED"]);
            Assert.Equal("must use https.", LastSentence(refused));
        }

        await using var development = await WebhookServer.StartAsync(allowHttpLoopback: true);
        Assert.Null((await development.CreateWebhookAsync("http://127.0.0.1:9/hook", ["ARTICLE_PUBLISHED"]))["errors"]);
        Assert.Null((await development.CreateWebhookAsync("http://localhost:9/hook", ["ARTICLE_PUBLISHED"]))["errors"]);
        // Still no private networks, and http only to loopback.
        Assert.Equal("url", (string?)(await development.CreateWebhookAsync("https://10.0.0.5/hook", ["ARTICLE_PUBLISHED"]))["errors"]![0]!["field"]);
        Assert.Equal("url", (string?)(await development.CreateWebhookAsync("http://203.0.113.10/hook", ["ARTICLE_PUBLISHED"]))["errors"]![0]!["field"]);
    }

    [Fact]
    public async Task Events_secret_and_the_number_of_webhooks_are_bounded()
    {
        await using var server = await WebhookServer.StartAsync(settings: [new("Webhooks:MaxWebhooks", "2")]);
        const string Url = "https://203.0.113.10/hook";

        Assert.Equal("events", Field(await server.CreateWebhookAsync(Url, [])));
        Assert.Equal("events", Field(await server.CreateWebhookAsync(Url, ["ARTICLE_PUBLISHED", "ARTICLE_PUBLISHED"])));
        Assert.Equal("secret", Field(await server.CreateWebhookAsync(Url, ["ARTICLE_PUBLISHED"], secret: "too-short")));
        Assert.Equal("secret", Field(await server.CreateWebhookAsync(Url, ["ARTICLE_PUBLISHED"], secret: new string('s', 257))));
        Assert.Equal("url", Field(await server.CreateWebhookAsync("https://203.0.113.10/" + new string('a', 2048), ["ARTICLE_PUBLISHED"])));
        Assert.Equal(0, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));

        Assert.Null((await server.CreateWebhookAsync(Url, ["ARTICLE_PUBLISHED"]))["errors"]);
        Assert.Null((await server.CreateWebhookAsync(Url, ["ARTICLE_UPDATED"]))["errors"]);
        var third = await server.CreateWebhookAsync(Url, ["ARTICLE_DELETED"]);
        Assert.Contains("At most 2 webhooks", (string?)third["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(2, await server.DatabaseAsync(db => db.Set<WebhookEndpoint>().CountAsync()));
    }

    [Fact]
    public async Task A_bad_webhooks_setting_stops_the_server_at_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => WebhookServer.StartAsync(settings: [new("Webhooks:AttemptTimeout", "00:01:00"), new("Webhooks:LeaseDuration", "00:01:00")]));
        Assert.Contains("Webhooks:LeaseDuration must be at least twice Webhooks:AttemptTimeout", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_shows_the_verification_code_the_tests_run()
    {
        var readme = await File.ReadAllTextAsync(RepositoryFiles.PathOf("README.md"));
        var javaScript = await File.ReadAllTextAsync(RepositoryFiles.PathOf("tests", "e2e", "webhook-signature.mjs"));
        Assert.Contains(Normalize(javaScript), Normalize(readme), StringComparison.Ordinal);

        var csharp = await File.ReadAllTextAsync(RepositoryFiles.PathOf("tests", "NewsGraph.Server.Tests", "Webhooks", "ReceiverSignature.cs"));
        var snippet = csharp[(csharp.IndexOf("// README:begin", StringComparison.Ordinal) + "// README:begin".Length)..csharp.IndexOf("// README:end", StringComparison.Ordinal)];
        Assert.Contains(Normalize(snippet), Normalize(readme), StringComparison.Ordinal);
    }

    private static Task<WebhookServer> DefaultServer() => WebhookServer.StartAsync(allowHttpLoopback: false);

    private static string? Field(System.Text.Json.Nodes.JsonObject payload) => (string?)payload["errors"]?[0]?["field"];

    private static string LastSentence(System.Text.Json.Nodes.JsonObject payload)
    {
        var message = (string)payload["errors"]![0]!["message"]!;
        return message[(message.IndexOf("` ", StringComparison.Ordinal) + 2)..];
    }

    // Indentation and blank lines aside: the README indents nothing, the source file does.
    private static string Normalize(string code) => string.Join('\n', code.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));
}
