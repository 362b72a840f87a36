using GraphQL.Types;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.Tests.Execution;

/// <summary>The bounds and eviction of <see cref="ValidatedDocumentCache"/>.</summary>
public sealed class ValidatedDocumentCacheTests
{
    private static readonly ISchema Schema = new Schema();

    private static GraphQLDocument Parse(string text) => GraphQLParser.Parser.Parse(text);

    private static ValidatedDocumentCache Create(int maxEntries, int maxDocumentLength = 10_000)
        => new(new ValidatedDocumentCacheOptions { MaxEntries = maxEntries, MaxDocumentLength = maxDocumentLength });

    private static CachedDocument? Add(ValidatedDocumentCache cache, string text) => cache.Add(Schema, text, Parse(text));

    [Fact]
    public void A_flood_of_distinct_documents_never_exceeds_the_bound()
    {
        var cache = Create(maxEntries: 5);
        for (var i = 0; i < 200; i++)
        {
            Add(cache, $"{{ f{i} }}");
            Assert.InRange(cache.Count, 1, 5);
        }
    }

    [Fact]
    public void Documents_in_use_survive_a_flood_of_one_off_documents()
    {
        var cache = Create(maxEntries: 4);
        const string FrontPage = "{ frontPage }";
        Assert.NotNull(Add(cache, FrontPage));
        for (var i = 0; i < 100; i++)
        {
            Assert.True(cache.TryGet(Schema, FrontPage, out _));
            Add(cache, $"{{ oneOff{i} }}");
            Assert.InRange(cache.Count, 1, 4);
        }

        Assert.True(cache.TryGet(Schema, FrontPage, out _));
    }

    [Fact]
    public void When_every_entry_is_in_use_a_new_document_waits_for_the_next_sweep()
    {
        var cache = Create(maxEntries: 2);
        Add(cache, "{ a }");
        Add(cache, "{ b }");
        Assert.True(cache.TryGet(Schema, "{ a }", out _));
        Assert.True(cache.TryGet(Schema, "{ b }", out _));

        Assert.Null(Add(cache, "{ c }"));
        Assert.Equal(2, cache.Count);

        // Neither was used since that sweep: both go, the new one is stored.
        Assert.NotNull(Add(cache, "{ c }"));
        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet(Schema, "{ a }", out _));
    }

    [Fact]
    public void Documents_longer_than_the_limit_are_not_stored()
    {
        var cache = Create(maxEntries: 10, maxDocumentLength: 10);
        const string Long = "{ elevenCh }";
        Assert.Equal(12, Long.Length);

        Assert.False(cache.Accepts(Long));
        Assert.Null(Add(cache, Long));
        Assert.False(cache.TryGet(Schema, Long, out _));
        Assert.Equal(0, cache.Count);

        Assert.NotNull(Add(cache, "{ ten_ch }"));
    }

    [Fact]
    public void No_entries_disables_the_cache()
    {
        var cache = Create(maxEntries: 0);
        Assert.False(cache.Accepts("{ a }"));
        Assert.Null(Add(cache, "{ a }"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Equal_texts_share_the_first_string_and_document_and_schemas_do_not_share()
    {
        var cache = Create(maxEntries: 10);
        var first = "{ shared }";
        var entry = Add(cache, first)!;
        var again = Add(cache, new string(first.AsSpan()));

        Assert.Same(entry, again);
        Assert.True(cache.TryGet(Schema, new string(first.AsSpan()), out var hit));
        Assert.Same(first, hit.Text);
        Assert.Same(entry.Document, hit.Document);

        Assert.False(cache.TryGet(new Schema(), first, out _));
    }

    [Fact]
    public void Bounds_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(maxEntries: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(maxEntries: 1, maxDocumentLength: -1));
    }
}
