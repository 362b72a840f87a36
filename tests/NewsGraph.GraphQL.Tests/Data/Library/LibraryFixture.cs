using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.GraphQL.Data.Paging;
using NewsGraph.GraphQL.Relay;
using NewsGraph.GraphQL.Types;

namespace NewsGraph.GraphQL.Tests.Data.Library;

/// <summary>
/// A real SQLite file database with the library seeded, and the GraphQL.NET schema registered the way the
/// server must register it (self-activating schema, HC DateTime override, connection registry, node resolvers).
/// </summary>
public sealed class LibraryFixture : IAsyncLifetime
{
    private readonly string _path = SqliteFiles.NewPath("library");

    public LibraryFixture()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Recorder);
        services.AddSingleton(ClientEvaluationWarnings);
        services.AddDbContextFactory<LibraryDbContext>(options => options
            .UseSqlite($"Data Source={_path};Pooling=False")
            .UseSqliteCaseFolding()
            .AddInterceptors(Recorder)
            .ConfigureWarnings(warnings => warnings.Throw(RelationalEventId.MultipleCollectionIncludeWarning))
            .LogTo(message => ClientEvaluationWarnings.Add(message), [CoreEventId.RowLimitingOperationWithoutOrderByWarning, CoreEventId.FirstWithoutOrderByAndFilterWarning]));
        services.AddSingleton<ConnectionTypeRegistry>();
        services.AddSingleton(BookNodes);
        services.AddSingleton<INodeResolver>(BookNodes);
        services.AddSingleton<INodeResolver, WriterNodeResolver>();
        services.AddScoped<DbContextTracker>();
        services.AddSingleton(new PagingOptions { DefaultPageSize = 10, MaxPageSize = 50 });

        // Replaces the built-in DateTime scalar everywhere, including DateTimeGraphType references and CLR DateTime inference.
        services.AddSingleton<DateTimeGraphType, HotChocolateDateTimeGraphType>();

        services.AddGraphQL(builder => builder
            .AddSelfActivatingSchema<LibrarySchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(options => options.ExposeCodes = false));
        Services = services.BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    public SqlRecorder Recorder { get; } = new();

    public List<string> ClientEvaluationWarnings { get; } = [];

    public BookNodeResolver BookNodes { get; } = new();

    public List<Book> Books { get; private set; } = [];

    public ISchema Schema => Services.GetRequiredService<LibrarySchema>();

    public LibraryDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<LibraryDbContext>>().CreateDbContext();

    public async Task InitializeAsync()
    {
        var (_, _, books) = LibrarySeed.Create();
        await using var db = CreateDbContext();
        await db.Database.EnsureCreatedAsync();
        db.Books.AddRange(books);
        await db.SaveChangesAsync();
        Books = books;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteFiles.Delete(_path);
    }

    public async Task<(ExecutionResult Result, string Json)> ExecuteAsync(string query, Inputs? variables = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await Services.GetRequiredService<IDocumentExecuter<LibrarySchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Variables = variables,
            RequestServices = scope.ServiceProvider,
        });
        var json = Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
        return (result, json);
    }
}
