using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace NewsGraph.Server.Tests.Limits;

/// <summary>One hostile request: its body, and the status and error code the server must answer it with.</summary>
public sealed record HostileInput(string Name, Func<byte[]> Body, HttpStatusCode Status, string? Code);

/// <summary>
/// Hostile requests as data: every input an attack on the server tried, and the classes the README promises to
/// refuse. The regression suite (<c>HostileInputTests</c>) sends each to a real server; the benchmark
/// (bench/, <c>hostile</c>) times how long the server takes to refuse each one. Each body is built on demand.
/// </summary>
public static class HostileInputs
{
    public static IReadOnlyList<HostileInput> All { get; } =
    [
        // Inputs that took the process down (stack overflow in EF Core's SQL generator) or cost seconds.
        new("order: 1,700 x { id: ASC } (variable)", () => Variables("query ($o: [ArticleSortInput!]) { articles(order: $o) { nodes { id } } }", "o", Repeat(1_700, () => new JsonObject { ["id"] = "ASC" })), HttpStatusCode.BadRequest, "MAX_SORT_FIELDS_EXCEEDED"),
        new("order: 1,700 x { id: ASC } (literal)", () => Query("{ articles(order: [" + string.Join(", ", Enumerable.Repeat("{ id: ASC }", 1_700)) + "]) { nodes { id } } }"), HttpStatusCode.BadRequest, "MAX_SORT_FIELDS_EXCEEDED"),
        new("authors order: 30,000 x { name: ASC }", () => Variables("query ($o: [AuthorSortInput!]) { authors(order: $o) { nodes { id } } }", "o", Repeat(30_000, () => new JsonObject { ["name"] = "ASC" })), HttpStatusCode.BadRequest, "MAX_SORT_FIELDS_EXCEEDED"),
        new("or: 5,000 branches", () => Variables(ArticlesWhere, "w", new JsonObject { ["or"] = Repeat(5_000, i => new JsonObject { ["slug"] = new JsonObject { ["eq"] = $"s{i}" } }) }), HttpStatusCode.BadRequest, "MAX_FILTER_FIELDS_EXCEEDED"),
        new("and: nested 25 levels", () => Variables(ArticlesWhere, "w", NestedAnd(25)), HttpStatusCode.BadRequest, "MAX_FILTER_DEPTH_EXCEEDED"),
        new("slug in: 100,000 strings", () => Variables(ArticlesWhere, "w", In("slug", Repeat(100_000, i => JsonValue.Create($"s{i}")))), HttpStatusCode.BadRequest, "MAX_FILTER_LIST_LENGTH_EXCEEDED"),
        new("slug in: 30,000 strings", () => Variables(ArticlesWhere, "w", In("slug", Repeat(30_000, i => JsonValue.Create($"s{i}")))), HttpStatusCode.BadRequest, "MAX_FILTER_LIST_LENGTH_EXCEEDED"),
        new("id in: 50,000 IDs", () => Variables(ArticlesWhere, "w", In("id", Repeat(50_000, i => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes($"Article:{i}")))))), HttpStatusCode.BadRequest, "MAX_FILTER_LIST_LENGTH_EXCEEDED"),
        new("billion laughs: 24 fragment levels over objects", () => Query(Laughs("id author { name }")), HttpStatusCode.BadRequest, "MAX_FIELD_SELECTIONS_EXCEEDED"),
        new("billion laughs: 24 fragment levels over scalars", () => Query(Laughs("id title")), HttpStatusCode.BadRequest, "MAX_FIELD_SELECTIONS_EXCEEDED"),
        // Executed, so 200 under application/graphql-response+json: the paging error, not the cost error, as documented.
        new("first: 2147483647", () => Query("{ articles(first: 2147483647) { nodes { id } } }"), HttpStatusCode.OK, "HC0051"),

        // The classes the README promised before.
        new("100-level nesting", () => Query(Nest(100)), HttpStatusCode.BadRequest, null),
        new("10,000 aliases", () => Query("{ " + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"a{i}: __typename ")) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        new("1,000 aliases within the document length", () => Query("{ " + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"a{i}: __typename ")) + "}"), HttpStatusCode.BadRequest, "MAX_ALIASES_EXCEEDED"),
        new("fragment cycle", () => Query("query { articles { nodes { ...A } } } fragment A on Article { author { articles { nodes { ...B } } } } fragment B on Article { ...A }"), HttpStatusCode.BadRequest, null),
        new("long fragment chain", () => Query("{ ...F0 } " + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F2000 on Query { __typename }"), HttpStatusCode.BadRequest, null),
        new("5 MB document", () => Query("{ __typename " + new string(' ', 5 * 1024 * 1024) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        new("directive flood", () => Query("{ __typename " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 10_000)) + "}"), HttpStatusCode.BadRequest, "MAX_DOCUMENT_LENGTH_EXCEEDED"),
        new("10,000-level nested variables", () => Encoding.UTF8.GetBytes("""{"query":"query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }","variables":{"w":""" + new string('[', 10_000) + new string(']', 10_000) + "}}"), HttpStatusCode.BadRequest, "JSON_INVALID"),
        new("invalid UTF-8", () => [.. Encoding.UTF8.GetBytes("{\"query\":\"{ __typename \""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("}\"}")], HttpStatusCode.BadRequest, "JSON_INVALID"),
    ];

    private const string ArticlesWhere = "query ($w: ArticleFilterInput) { articles(where: $w) { nodes { id } } }";

    public static HostileInput Named(string name) => All.Single(input => input.Name == name);

    public static byte[] Query(string query) => Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query }.ToJsonString());

    public static byte[] Variables(string query, string name, JsonNode value)
        => Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query, ["variables"] = new JsonObject { [name] = value } }.ToJsonString());

    public static JsonArray Repeat(int count, Func<int, JsonNode?> item) => [.. Enumerable.Range(0, count).Select(item)];

    private static JsonArray Repeat(int count, Func<JsonNode> item) => Repeat(count, _ => item());

    public static JsonObject In(string field, JsonArray values) => new() { [field] = new JsonObject { ["in"] = values } };

    private static JsonObject NestedAnd(int levels)
    {
        JsonObject filter = new() { ["slug"] = new JsonObject { ["eq"] = "x" } };
        for (var i = 0; i < levels; i++)
        {
            filter = new JsonObject { ["and"] = new JsonArray(filter) };
        }

        return filter;
    }

    /// <summary>24 fragments, each spreading the previous one twice: 1.6 KB that expands to 2^24 copies of <paramref name="leaf"/>.</summary>
    private static string Laughs(string leaf)
    {
        var document = new StringBuilder("{ articles { nodes { ...F24 } } } fragment F0 on Article { ").Append(leaf).Append(" }");
        for (var i = 1; i <= 24; i++)
        {
            document.Append(CultureInfo.InvariantCulture, $" fragment F{i} on Article {{ ...F{i - 1} ...F{i - 1} }}");
        }

        return document.ToString();
    }

    private static string Nest(int levels)
    {
        var builder = new StringBuilder("{ articles { nodes { ");
        for (var i = 0; i < levels; i++)
        {
            builder.Append("author { articles { nodes { ");
        }

        builder.Append("id");
        builder.Append(new string('}', (levels * 3) + 3));
        return builder.ToString();
    }
}
