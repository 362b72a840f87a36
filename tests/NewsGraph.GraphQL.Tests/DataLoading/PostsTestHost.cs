using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.GraphQL.Tests.DataLoading;

/// <summary>Real GraphQL.NET execution (DocumentExecuter + ParallelExecutionStrategy) of <see cref="PostsTestSchema"/>, one DI scope per request.</summary>
public sealed class PostsTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public PostsTestHost()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Data);
        services.AddDataLoader<WriterByIdDataLoader>();
        services.AddDataLoader<LabelsByPostIdDataLoader>();
        services.AddGraphQL(b => b
            .AddSelfActivatingSchema<PostsTestSchema>()
            .AddSystemTextJson()
            .AddExecutionStrategy(ParallelExecutionStrategy.Instance, OperationType.Query));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public PostsTestData Data { get; } = new();

    public IServiceProvider Services => _services;

    /// <summary>Executes in a new scope, as one HTTP request would.</summary>
    public async Task<JsonElement> ExecuteAsync(string query, CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        return await ExecuteInScopeAsync(scope.ServiceProvider, query, cancellationToken);
    }

    public async Task<JsonElement> ExecuteInScopeAsync(IServiceProvider scope, string query, CancellationToken cancellationToken = default)
    {
        var result = await _services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = _services.GetRequiredService<ISchema>(),
            Query = query,
            RequestServices = scope,
            CancellationToken = cancellationToken,
        });
        var json = _services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public void Dispose() => _services.Dispose();
}
