using GraphQL;
using NewsGraph.GraphQL.Data.Search;

namespace NewsGraph.GraphQL.Tests.Data.Search;

public sealed class SearchQueryParserTests
{
    [Theory]
    [InlineData("xi putin kremlin", "xi putin kremlin")]
    [InlineData("  xi   putin\tkremlin ", "xi putin kremlin")]
    [InlineData("\"proof  of stake\" merge", "\"proof of stake\" merge")]
    [InlineData("putin xi OR modi", "putin xi OR modi")]
    [InlineData("a OR b OR c d", "a OR b OR c d")]
    [InlineData("crypto -bankruptcy -\"proof of stake\"", "crypto -bankruptcy -\"proof of stake\"")]
    [InlineData("OR bank OR", "bank")]
    [InlineData("bank OR OR rates", "bank OR rates")]
    [InlineData("bank OR -rates", "bank -rates")]
    [InlineData("\"unbalanced quote", "\"unbalanced quote\"")]
    [InlineData("bank - + … rates", "bank rates")]
    [InlineData("bank bank", "bank")]
    [InlineData("or and not", "or and not")] // lower-case or is a word, as on web search engines
    public void Reads_what_readers_type(string text, string expected) =>
        Assert.Equal(expected, SearchQueryParser.Parse(text).ToString());

    [Fact]
    public void Or_binds_tighter_than_and()
    {
        var query = SearchQueryParser.Parse("putin xi OR modi");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal([new SearchTerm("putin", false)], query.Clauses[0].Alternatives);
        Assert.Equal([new SearchTerm("xi", false), new SearchTerm("modi", false)], query.Clauses[1].Alternatives);
    }

    [Fact]
    public void Equal_searches_are_equal_values()
    {
        Assert.Equal(SearchQueryParser.Parse("a  b -c"), SearchQueryParser.Parse("a b -c"));
        Assert.Equal(SearchQueryParser.Parse("a  b -c").GetHashCode(), SearchQueryParser.Parse("a b -c").GetHashCode());
        Assert.NotEqual(SearchQueryParser.Parse("a b"), SearchQueryParser.Parse("a OR b"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t")]
    [InlineData("\"\"")]
    [InlineData("- -- ---")]
    [InlineData("OR OR")]
    [InlineData("-bank")]
    public void Nothing_to_search_for_is_a_clear_error(string? text)
    {
        var error = Assert.Throws<ExecutionError>(() => SearchQueryParser.Parse(text));

        Assert.Equal(SearchErrorCodes.EmptySearch, error.Code);
    }

    [Fact]
    public void Too_long_or_too_many_terms_is_a_clear_error()
    {
        var tooLong = Assert.Throws<ExecutionError>(() => SearchQueryParser.Parse(new string('a', SearchQueryParser.MaxLength + 1)));
        var tooMany = Assert.Throws<ExecutionError>(() => SearchQueryParser.Parse(string.Join(' ', Enumerable.Range(0, SearchQueryParser.MaxTerms + 1).Select(i => $"w{i}"))));

        Assert.Equal(SearchErrorCodes.SearchTooLong, tooLong.Code);
        Assert.Equal(SearchErrorCodes.SearchTooLong, tooMany.Code);
        Assert.Equal(SearchQueryParser.MaxTerms, SearchQueryParser.Parse(string.Join(' ', Enumerable.Range(0, SearchQueryParser.MaxTerms).Select(i => $"w{i}"))).Clauses.Count);
    }
}
