using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>
/// Makes the server's SQLite <c>casefold</c> function take <see cref="Delay"/> per row, so a case-insensitive filter
/// over the sample articles is a statement that runs for half a minute: the shape of a real scan over a large
/// catalogue (the cost is folding every body), on any machine. Other queries are as fast as ever.
/// </summary>
public sealed class SlowCaseFolding : DbConnectionInterceptor
{
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public static TimeSpan Delay { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Completes when a statement first calls the function.</summary>
    public Task Running => _running.Task;

    public int Calls => Volatile.Read(ref _calls);

    public void AddTo(IServiceCollection services) => services.AddSingleton<IInterceptor>(this);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Replace(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Replace(connection);
        return Task.CompletedTask;
    }

    // Registered after the server's own casefold, so this one wins on the connection.
    private void Replace(DbConnection connection)
        => ((SqliteConnection)connection).CreateFunction<string?, string?>(CaseFolding.SqliteFunctionName, Fold, isDeterministic: true);

    private string? Fold(string? value)
    {
        Interlocked.Increment(ref _calls);
        _running.TrySetResult();
        Thread.Sleep(Delay);
        return CaseFolding.Fold(value);
    }
}
