namespace NewsGraph.Server.RelatedArticles;

/// <summary>The best <see cref="First"/> articles related to <see cref="ArticleId"/>.</summary>
public readonly record struct RelatedArticlesKey(int ArticleId, int First);
