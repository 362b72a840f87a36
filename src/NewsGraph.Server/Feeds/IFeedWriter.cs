namespace NewsGraph.Server.Feeds;

/// <summary>One feed format: its file name under a scope's path, its media type and how a feed is written in it.</summary>
internal interface IFeedWriter
{
    /// <summary>The last path segment, e.g. <c>rss.xml</c>; also names the format in the entity tag.</summary>
    string FileName { get; }

    string ContentType { get; }

    /// <summary>Writes the whole document (UTF-8) to <paramref name="output"/>.</summary>
    void Write(Stream output, Feed feed);
}
