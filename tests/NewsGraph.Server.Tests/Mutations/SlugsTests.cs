using NewsGraph.Server.Schema;

namespace NewsGraph.Server.Tests.Mutations;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Zürich Café", "zurich-cafe")]
    [InlineData("Straße in München", "strasse-in-munchen")]
    [InlineData("São Paulo: Ação!", "sao-paulo-acao")]
    [InlineData("Łódź and Øresund", "lodz-and-oresund")]
    [InlineData("Xi Jinping's visit", "xi-jinpings-visit")]
    [InlineData("  --Hello,   World--  ", "hello-world")]
    [InlineData("Ærø & Þórshöfn", "aero-and-thorshofn")]
    [InlineData("ﬁnance ＡＢＣ", "finance-abc")]
    [InlineData("Ελλάδα", "")]
    public void Titles_become_ascii_slugs(string title, string slug) => Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void Slugs_are_capped_without_a_trailing_hyphen()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("abcdefghi", 40)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(slug.EndsWith('-'));
    }
}
