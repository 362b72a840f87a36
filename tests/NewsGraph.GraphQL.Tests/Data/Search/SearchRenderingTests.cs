using NewsGraph.GraphQL.Data.Search;

namespace NewsGraph.GraphQL.Tests.Data.Search;

public sealed class SearchRenderingTests
{
    [Theory]
    [InlineData("xi putin", "(\"xi\") AND (\"putin\")")]
    [InlineData("putin xi OR modi", "(\"putin\") AND (\"xi\" OR \"modi\")")]
    [InlineData("crypto -bankruptcy -\"proof of stake\"", "((\"crypto\")) NOT (\"bankruptcy\" OR \"proof of stake\")")]
    [InlineData("NEAR(a) title:x b* ^c", "(\"NEAR(a)\") AND (\"title:x\") AND (\"b*\") AND (\"^c\")")]
    [InlineData("say \"he said \"\"hi\"", "(\"say\") AND (\"he said\") AND (\"hi\")")]
    [InlineData("o\"neil", "(\"o\") AND (\"neil\")")]
    public void Fts5_gets_every_term_as_a_quoted_string(string text, string expected) =>
        Assert.Equal(expected, Fts5MatchExpression.Render(SearchQueryParser.Parse(text)));

    [Fact]
    public void Fts5_doubles_quotes_inside_a_term()
    {
        var query = new SearchQuery([new SearchClause([new SearchTerm("a\"b", IsPhrase: false)])], []);

        Assert.Equal("(\"a\"\"b\")", Fts5MatchExpression.Render(query));
    }

    [Fact]
    public void PostgreSql_gets_every_term_as_a_bound_parameter()
    {
        var values = new List<string>();
        var sql = PostgreSqlTsQuery.Render(SearchQueryParser.Parse("putin xi OR modi -\"it's\""), "cfg", value =>
        {
            values.Add(value);
            return $"@p{values.Count - 1}";
        });

        Assert.Equal(
            "((phraseto_tsquery('cfg', @p0)) && (phraseto_tsquery('cfg', @p1) || phraseto_tsquery('cfg', @p2))) && !!(phraseto_tsquery('cfg', @p3))",
            sql);
        Assert.Equal(["putin", "xi", "modi", "it's"], values);
    }
}
