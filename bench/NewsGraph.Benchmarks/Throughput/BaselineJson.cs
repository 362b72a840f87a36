using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Benchmarks.Throughput;

/// <summary>
/// Writes the baseline's answers as the very <c>{"data":{...}}</c> documents NewsGraph sends for the same queries:
/// same field order, Relay IDs (<c>base64("Article:id")</c>), dates as <c>2023-03-21T05:02:21.739Z</c>.
/// </summary>
internal static class BaselineJson
{
    // NewsGraph escapes only what JSON requires (a quote is \", not \u0022).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"data":{"<paramref name="field"/>":{"nodes":[teasers]}}}</c>.</summary>
    public static async Task WriteTeasersAsync(HttpResponse response, string field, IReadOnlyList<TeaserRow> teasers, CancellationToken ct)
    {
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteStartObject(field);
        writer.WriteStartArray("nodes");
        foreach (var teaser in teasers)
        {
            writer.WriteStartObject();
            writer.WriteString("id", NodeId.Encode("Article", teaser.Id));
            writer.WriteString("slug", teaser.Slug);
            writer.WriteString("title", teaser.Title);
            writer.WriteString("summary", teaser.Summary);
            WriteDate(writer, "publishedAt", teaser.PublishedAt);
            writer.WriteNumber("readingTimeMinutes", teaser.ReadingTimeMinutes);
            writer.WriteBoolean("isBreaking", teaser.IsBreaking);
            WriteNameAndSlug(writer, "author", teaser.Author);
            WriteNameAndSlug(writer, "category", teaser.Category);
            writer.WriteStartArray("tags");
            foreach (var tag in teaser.Tags)
            {
                WriteNameAndSlug(writer, null, tag);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    /// <summary><c>{"data":{"articleBySlug":{...}}}</c>, or <c>null</c> for no published article with that slug.</summary>
    public static async Task WriteArticlePageAsync(HttpResponse response, ArticlePageRow? article, CancellationToken ct)
    {
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        if (article is null)
        {
            writer.WriteNull("articleBySlug");
        }
        else
        {
            writer.WriteStartObject("articleBySlug");
            writer.WriteString("id", NodeId.Encode("Article", article.Id));
            writer.WriteString("title", article.Title);
            writer.WriteString("summary", article.Summary);
            writer.WriteString("body", article.Body);
            WriteDate(writer, "publishedAt", article.PublishedAt);
            writer.WriteString("canonicalUrl", article.CanonicalUrl);
            writer.WriteNumber("wordCount", article.WordCount);
            writer.WriteNumber("readingTimeMinutes", article.ReadingTimeMinutes);
            writer.WriteStartObject("author");
            writer.WriteString("name", article.AuthorName);
            writer.WriteString("bio", article.AuthorBio);
            writer.WriteEndObject();
            writer.WriteStartObject("category");
            writer.WriteString("name", article.CategoryName);
            if (article.CategoryParentName is null)
            {
                writer.WriteNull("parent");
            }
            else
            {
                writer.WriteStartObject("parent");
                writer.WriteString("name", article.CategoryParentName);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartArray("tags");
            foreach (var tag in article.Tags)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tag.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    private static void WriteNameAndSlug(Utf8JsonWriter writer, string? property, NameAndSlug value)
    {
        if (property is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(property);
        }

        writer.WriteString("name", value.Name);
        writer.WriteString("slug", value.Slug);
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string property, DateTime? value)
    {
        if (value is { } date)
        {
            writer.WriteString(property, date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(property);
        }
    }
}
