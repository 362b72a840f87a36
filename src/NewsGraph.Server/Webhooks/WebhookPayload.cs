using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsGraph.Server.Webhooks;

/// <summary>
/// The JSON body POSTed to a webhook: <c>{ id, type, occurredAt, data: { article } }</c>. A public contract (the README
/// shows it), so names and fields change only with the README. The article is as it was when the event happened: a
/// receiver that needs more asks the API, and a deleted article can no longer be asked for.
/// </summary>
public sealed record WebhookPayload(string Id, string Type, DateTime OccurredAt, WebhookPayloadData Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record WebhookPayloadData(WebhookArticle Article);

/// <summary>The article of an article event; <c>url</c> is its public page (SiteLinks), <c>status</c> as in the API.</summary>
public sealed record WebhookArticle(
    string Id,
    string Slug,
    string Title,
    string? Summary,
    string Url,
    string Status,
    bool IsBreaking,
    DateTime? PublishedAt,
    DateTime UpdatedAt);
