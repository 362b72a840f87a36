using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace NewsGraph.GraphQL.Tests.DataLoading;

/// <summary>Loaders under real GraphQL.NET execution with the parallel strategy.</summary>
public sealed class DataLoaderExecutionTests : IDisposable
{
    private readonly PostsTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Fifty_posts_need_one_writer_fetch_and_one_labels_fetch()
    {
        var result = await _host.ExecuteAsync("{ posts { id writer { id name } labels { name } } }");

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var posts = result.GetProperty("data").GetProperty("posts");
        Assert.Equal(PostsTestData.PostCount, posts.GetArrayLength());

        var writerFetch = Assert.Single(_host.Data.WriterFetches);
        Assert.Equal(Enumerable.Range(1, PostsTestData.WriterCount), writerFetch.Order());
        var labelFetch = Assert.Single(_host.Data.LabelFetches);
        Assert.Equal(Enumerable.Range(1, PostsTestData.PostCount), labelFetch.Order());

        foreach (var post in posts.EnumerateArray())
        {
            var id = post.GetProperty("id").GetInt32();
            var writerId = ((id - 1) % PostsTestData.WriterCount) + 1;
            Assert.Equal($"Writer {writerId}", post.GetProperty("writer").GetProperty("name").GetString());
            Assert.Equal(
                Enumerable.Range(1, id % 3).Select(n => $"label-{id}-{n}"),
                post.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        }
    }

    [Fact]
    public async Task Fields_sharing_keys_in_one_request_share_the_cache()
    {
        var result = await _host.ExecuteAsync("""
            {
              writer(id: 3) { name }
              writers(ids: [1, 2, 2, 0]) { id }
              posts(first: 20) {
                writer { name }
                requiredWriter { id }
                again: writer { id }
                labels { name }
                labelsAsEnumerable { name }
              }
            }
            """);

        Assert.False(result.TryGetProperty("errors", out _), result.ToString());
        var data = result.GetProperty("data");

        // The engine defers every loader result until no plain field is left, so the root fields and the
        // nested post writers share one batch; each distinct key appears once (0 is missing: null).
        var fetch = Assert.Single(_host.Data.WriterFetches);
        Assert.Equal(Enumerable.Range(0, PostsTestData.WriterCount + 1), fetch.Order());
        Assert.Single(_host.Data.LabelFetches);

        var writers = data.GetProperty("writers").EnumerateArray().ToArray();
        Assert.Equal([1, 2, 2], writers.Take(3).Select(w => w.GetProperty("id").GetInt32()));
        Assert.Equal(JsonValueKind.Null, writers[3].ValueKind);
        Assert.Equal("Writer 3", data.GetProperty("writer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Later_executions_in_the_same_scope_are_served_from_the_cache()
    {
        await using var scope = _host.Services.CreateAsyncScope();

        await _host.ExecuteInScopeAsync(scope.ServiceProvider, "{ posts(first: 2) { writer { id } labels { name } } }");
        var second = await _host.ExecuteInScopeAsync(scope.ServiceProvider, "{ writer(id: 1) { name } posts(first: 3) { writer { id } labels { name } } }");

        Assert.False(second.TryGetProperty("errors", out _), second.ToString());
        Assert.Equal([[1, 2], [3]], _host.Data.WriterFetches.Select(f => f.Order().ToArray()));
        Assert.Equal([[1, 2], [3]], _host.Data.LabelFetches.Select(f => f.Order().ToArray()));
    }

    [Fact]
    public async Task Requests_in_different_scopes_do_not_share_the_cache()
    {
        await _host.ExecuteAsync("{ posts(first: 2) { writer { id } } }");
        await _host.ExecuteAsync("{ posts(first: 2) { writer { id } } }");

        Assert.Equal(2, _host.Data.WriterFetches.Count);
        Assert.All(_host.Data.WriterFetches, f => Assert.Equal([1, 2], f.Order()));
    }

    [Fact]
    public async Task Loaders_are_scoped_services()
    {
        await using var first = _host.Services.CreateAsyncScope();
        await using var second = _host.Services.CreateAsyncScope();

        var a = first.ServiceProvider.GetRequiredService<WriterByIdDataLoader>();
        Assert.Same(a, first.ServiceProvider.GetRequiredService<WriterByIdDataLoader>());
        Assert.NotSame(a, second.ServiceProvider.GetRequiredService<WriterByIdDataLoader>());
    }

    [Fact]
    public async Task A_failing_fetch_is_a_field_error_and_is_not_cached()
    {
        _host.Data.WriterFailure = "database unavailable";
        await using var scope = _host.Services.CreateAsyncScope();

        var failed = await _host.ExecuteInScopeAsync(scope.ServiceProvider, "{ posts(first: 3) { id writer { name } labels { name } } }");

        var errors = failed.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(3, errors.Length);
        Assert.All(errors, e => Assert.Equal("writer", e.GetProperty("path")[2].GetString()));
        var posts = failed.GetProperty("data").GetProperty("posts").EnumerateArray().ToArray();
        Assert.Equal(3, posts.Length);
        Assert.All(posts, p => Assert.Equal(JsonValueKind.Null, p.GetProperty("writer").ValueKind));
        Assert.All(posts, p => Assert.Equal(JsonValueKind.Array, p.GetProperty("labels").ValueKind));

        // Same scope, fetch healthy again: the failure was not cached, the keys are fetched again.
        _host.Data.WriterFailure = null;
        var retried = await _host.ExecuteInScopeAsync(scope.ServiceProvider, "{ posts(first: 3) { writer { name } } }");

        Assert.False(retried.TryGetProperty("errors", out _), retried.ToString());
        Assert.Equal(2, _host.Data.WriterFetches.Count);
        Assert.Equal("Writer 1", retried.GetProperty("data").GetProperty("posts")[0].GetProperty("writer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Failure_of_a_non_null_field_nulls_the_parent_but_not_the_request()
    {
        _host.Data.WriterFailure = "database unavailable";

        var result = await _host.ExecuteAsync("{ writer(id: 1) { name } posts(first: 1) { title requiredWriter { name } } }");

        Assert.True(result.TryGetProperty("errors", out _));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Many_parallel_requests_each_batch_their_own_keys()
    {
        const int Requests = 64;

        var results = await Task.WhenAll(Enumerable.Range(1, Requests).Select(i =>
            Task.Run(() => _host.ExecuteAsync($"{{ posts(first: {(i % PostsTestData.PostCount) + 1}) {{ id writer {{ id }} labels {{ name }} }} }}"))));

        for (var i = 0; i < Requests; i++)
        {
            var result = results[i];
            Assert.False(result.TryGetProperty("errors", out _), result.ToString());
            var posts = result.GetProperty("data").GetProperty("posts").EnumerateArray().ToArray();
            Assert.Equal(((i + 1) % PostsTestData.PostCount) + 1, posts.Length);
            Assert.All(posts, p => Assert.Equal(
                ((p.GetProperty("id").GetInt32() - 1) % PostsTestData.WriterCount) + 1,
                p.GetProperty("writer").GetProperty("id").GetInt32()));
        }

        Assert.Equal(Requests, _host.Data.WriterFetches.Count);
        Assert.Equal(Requests, _host.Data.LabelFetches.Count);
    }
}
