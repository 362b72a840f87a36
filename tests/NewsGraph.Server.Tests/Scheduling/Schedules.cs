using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsGraph.Server.Tests.Mutations;

namespace NewsGraph.Server.Tests.Scheduling;

/// <summary>What the scheduling tests share: a controllable clock for the server, and the editor's schedule requests.</summary>
public static class Schedules
{
    public const string ArticleFields = "id slug version status scheduledFor publishedAt isBreaking";

    public const string ErrorFields = "errors { __typename ... on Error { message } ... on ConcurrencyConflictError { currentVersion } ... on InvalidStatusError { status } }";

    /// <summary>scheduleArticle's errors also hold ValidationError (unscheduleArticle's cannot).</summary>
    public const string ScheduleErrorFields = "errors { __typename ... on Error { message } ... on ValidationError { field } ... on ConcurrencyConflictError { currentVersion } ... on InvalidStatusError { status } }";

    /// <summary>A fake clock at the real time, in whole milliseconds (as the server stores and shows times).</summary>
    public static FakeTimeProvider Clock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero));
    }

    /// <summary>Makes <paramref name="clock"/> the server's clock: every time the server reads, the scheduler's timers included.</summary>
    public static Action<IServiceCollection> Use(TimeProvider clock) => services => services.AddSingleton(clock);

    /// <summary>The DateTime scalar's form of an instant.</summary>
    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The database id inside an article's global ID (base64 of <c>Article:id</c>).</summary>
    public static int DatabaseId(string globalId) =>
        int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':')[1], CultureInfo.InvariantCulture);

    /// <summary>Creates a draft by the first author in the first category; its id and version.</summary>
    public static async Task<(string Id, int Version, string Slug)> CreateDraftAsync(EditorServer editor, string title, string body = "Filed the night before.")
    {
        ArgumentNullException.ThrowIfNull(editor);
        var created = await editor.MutateAsync("createArticle", "CreateArticleInput",
            new { title, body, authorId = await editor.FirstIdAsync("authors"), categoryId = await editor.FirstIdAsync("categories") },
            "article { id version slug } errors { __typename }");
        Assert.True(created["errors"] is null, created.ToJsonString());
        return ((string)created["article"]!["id"]!, (int)created["article"]!["version"]!, (string)created["article"]!["slug"]!);
    }

    /// <summary>Runs <c>scheduleArticle</c>; its payload (article and errors).</summary>
    public static Task<JsonObject> ScheduleAsync(EditorServer editor, string id, int version, string publishAt, bool isBreaking = false)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return editor.MutateAsync("scheduleArticle", "ScheduleArticleInput", new { id, version, publishAt, isBreaking }, $"article {{ {ArticleFields} }} {ScheduleErrorFields}");
    }

    /// <summary>Runs <c>unscheduleArticle</c>; its payload.</summary>
    public static Task<JsonObject> UnscheduleAsync(EditorServer editor, string id, int version)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return editor.MutateAsync("unscheduleArticle", "UnscheduleArticleInput", new { id, version }, $"article {{ {ArticleFields} }} {ErrorFields}");
    }

    /// <summary>The article as an editor reads it (any status).</summary>
    public static async Task<JsonNode> EditorViewAsync(EditorServer editor, string id)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var response = await editor.EditAsync($"query($id: ID!) {{ article(id: $id) {{ {ArticleFields} }} }}", new { id });
        return response.SuccessfulData()["article"]!;
    }

    public static void AssertSucceeded(JsonObject payload) => Assert.True(payload["errors"] is null, payload.ToJsonString());

    public static string ErrorType(JsonObject payload) => (string)Assert.Single(payload["errors"]!.AsArray())!["__typename"]!;
}
