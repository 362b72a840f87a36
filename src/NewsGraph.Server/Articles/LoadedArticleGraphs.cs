using System.Runtime.CompilerServices;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Articles;

/// <summary>
/// Articles that were loaded together with their author, category and tags (the event feed does this once per
/// event for all of its subscribers). <see cref="ArticleType"/> resolves those from the article itself instead of
/// a loader; an empty tag list is then an answer, not "not loaded", which only this mark can tell apart.
/// </summary>
internal static class LoadedArticleGraphs
{
    // Weak keys: the mark lives exactly as long as the article object.
    private static readonly ConditionalWeakTable<Article, object> Marks = [];

    public static void MarkLoaded(Article article) => Marks.AddOrUpdate(article, Marks);

    public static bool IsLoaded(Article article) => Marks.TryGetValue(article, out _);
}
