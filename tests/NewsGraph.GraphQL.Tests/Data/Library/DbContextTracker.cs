namespace NewsGraph.GraphQL.Tests.Data.Library;

/// <summary>Scoped owner of the contexts resolvers create, disposed with the request scope.</summary>
public sealed class DbContextTracker : IAsyncDisposable
{
    private readonly List<LibraryDbContext> _contexts = [];

    public void Track(LibraryDbContext context)
    {
        lock (_contexts)
        {
            _contexts.Add(context);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }
}
