using System.Text.Json;

namespace NewsGraph.Server.Feeds;

/// <summary>
/// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). No JSON Feed writer is among the packages the project may
/// use, and the format is a handful of properties, so it is written here with System.Text.Json's Utf8JsonWriter
/// (which escapes every string; HTML-sensitive characters too, so the document is safe to inline).
/// </summary>
internal sealed class JsonFeedWriter : IFeedWriter
{
    public const string Version = "https://jsonfeed.org/version/1.1";

    public string FileName => "feed.json";

    public string ContentType => "application/feed+json; charset=utf-8";

    public void Write(Stream output, Feed feed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(feed);
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("version", Version);
        json.WriteString("title", feed.Title);
        json.WriteString("home_page_url", feed.Link.AbsoluteUri);
        json.WriteString("feed_url", feed.SelfLink.AbsoluteUri);
        json.WriteString("description", feed.Description);
        json.WriteString("language", feed.Language);
        json.WriteStartArray("items");
        foreach (var entry in feed.Entries)
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Link.AbsoluteUri);
            json.WriteString("url", entry.Link.AbsoluteUri);
            json.WriteString("title", entry.Title);
            if (entry.ContentHtml is not null)
            {
                json.WriteString("content_html", entry.ContentHtml);
            }
            else
            {
                // An item needs content_html or content_text.
                json.WriteString("content_text", entry.Summary ?? entry.Title);
            }

            if (entry.Summary is not null)
            {
                json.WriteString("summary", entry.Summary);
            }

            if (entry.ImageUrl is not null)
            {
                json.WriteString("image", entry.ImageUrl.AbsoluteUri);
            }

            json.WriteString("date_published", entry.Published);
            json.WriteString("date_modified", entry.Updated);
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", entry.AuthorName);
            json.WriteString("url", entry.AuthorLink.AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("tags");
            json.WriteStringValue(entry.CategoryName);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
