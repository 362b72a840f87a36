using GraphQL.Types;

namespace NewsGraph.Server.Webhooks;

/// <summary>What a webhook can be told about. Its GraphQL name (e.g. <c>ARTICLE_PUBLISHED</c>) is also the payload's <c>type</c>.</summary>
public enum WebhookEventType
{
    /// <summary>An article became visible to readers (also a scheduled publication).</summary>
    ArticlePublished,

    /// <summary>A published article changed and stays published.</summary>
    ArticleUpdated,

    /// <summary>A published article was taken back from readers (to a draft).</summary>
    ArticleUnpublished,

    /// <summary>An article was archived.</summary>
    ArticleArchived,

    /// <summary>An article was deleted.</summary>
    ArticleDeleted,
}

/// <summary>The wire names of <see cref="WebhookEventType"/>: stored, sent in the payload and headers, listed by GraphQL.</summary>
public static class WebhookEventNames
{
    private static readonly Dictionary<WebhookEventType, string> Names = Enum.GetValues<WebhookEventType>()
        .ToDictionary(type => type, type => string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant());

    private static readonly Dictionary<string, WebhookEventType> Types = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Of(WebhookEventType type) => Names[type];

    /// <summary>The stored names that this version knows (a name written by a later version is skipped).</summary>
    public static IEnumerable<WebhookEventType> Parse(IEnumerable<string> names) =>
        names.Where(Types.ContainsKey).Select(name => Types[name]);
}

public sealed class WebhookEventGraphType : EnumerationGraphType<WebhookEventType>
{
    public WebhookEventGraphType()
    {
        Name = "WebhookEvent";
        Description = "An event a webhook can receive; also the payload's `type` and the `X-NewsGraph-Event` header.";
    }
}
