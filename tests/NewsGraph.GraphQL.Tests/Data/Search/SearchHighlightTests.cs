using NewsGraph.GraphQL.Data.Search;

namespace NewsGraph.GraphQL.Tests.Data.Search;

public sealed class SearchHighlightTests
{
    private const string Open = SearchHighlight.Open;
    private const string Close = SearchHighlight.Close;

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData($"a {Open}match{Close} b", "a <mark>match</mark> b")]
    [InlineData($"<script>{Open}x{Close}</script>", "&lt;script&gt;<mark>x</mark>&lt;/script&gt;")]
    [InlineData($"\"q\" & 'a' {Open}<b>{Close}", "&quot;q&quot; &amp; &#x27;a&#x27; <mark>&lt;b&gt;</mark>")]
    [InlineData($"Zürich {Open}São{Close} Paulo", "Zürich <mark>São</mark> Paulo")]
    [InlineData($"{Open}open only", "<mark>open only</mark>")]
    [InlineData($"close{Close} only", "close only")]
    [InlineData($"{Open}{Open}twice{Close}{Close}", "<mark>twice</mark>")]
    [InlineData("line\nbreak\r\n\tand  spaces", "line break and spaces")]
    public void Marked_text_becomes_safe_html(string marked, string html) =>
        Assert.Equal(html, SearchHighlight.ToHtml(marked));

    [Fact]
    public void Indexed_text_cannot_hold_the_markers()
    {
        Assert.Equal("fake match", SearchHighlight.RemoveMarkers($"fake {Open}match{Close}"));
        Assert.Equal("untouched", SearchHighlight.RemoveMarkers("untouched"));
    }
}
