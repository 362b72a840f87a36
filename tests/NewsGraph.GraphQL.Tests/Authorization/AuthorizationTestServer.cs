using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Authentication;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Http;

namespace NewsGraph.GraphQL.Tests.Authorization;

/// <summary>Kestrel on loopback with API-key and JWT authentication, the authorization rule and the test schema.</summary>
public sealed class AuthorizationTestServer : IAsyncLifetime
{
    public const string EditorKey = "editor-key";
    public const string AdminKey = "admin-key";
    public const string CmsKey = "cms-key-without-roles";
    public static readonly string SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    private LoopbackHost? _host;

    public HttpClient Http { get; private set; } = null!;

    public ResolverRuns Runs => _host!.Services.GetRequiredService<ResolverRuns>();

    public async Task InitializeAsync()
    {
        _host = await LoopbackHost.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<ResolverRuns>();
                builder.Services.AddGraphQL(b => b
                    .AddSelfActivatingSchema<AuthorizationTestSchema>()
                    .AddSystemTextJson()
                    .AddAuthorizationRule());
                builder.Services.AddGraphQLHttp();
                builder.Services.AddApiKeyOrBearerAuthentication(
                    [
                        new ApiKeyDefinition { Name = "alice", Hash = ApiKeyHasher.Hash(EditorKey), Roles = { "editor" } },
                        new ApiKeyDefinition { Name = "root", Hash = ApiKeyHasher.Hash(AdminKey), Roles = { "admin" } },
                        new ApiKeyDefinition { Name = "cms", Hash = ApiKeyHasher.Hash(CmsKey) },
                    ],
                    new JwtBearerSettings { Issuer = "tests", Audience = "tests", SigningKey = SigningKey });
                builder.Services.AddAuthorizationBuilder().AddPolicy("HasNameCms", p => p.RequireClaim("name", "cms"));
            },
            app =>
            {
                app.UseCredentialAuthentication();
                app.MapGraphQLHttp();
            });
        Http = _host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _host!.DisposeAsync();
    }
}
