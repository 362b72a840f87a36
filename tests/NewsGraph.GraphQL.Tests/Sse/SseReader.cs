using System.Text;

namespace NewsGraph.GraphQL.Tests.Sse;

/// <summary>Reads server-sent events line by line from a response stream, with bounded waits.</summary>
public sealed class SseReader : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly StreamReader _reader;

    public SseReader(Stream stream) => _reader = new StreamReader(stream, Encoding.UTF8);

    /// <summary>The next event (comments skipped).</summary>
    public async Task<(string Event, string Data)> ReadEventAsync()
    {
        for (var i = 0; i < 1000; i++)
        {
            var block = await ReadBlockAsync();
            if (!block.StartsWith(':'))
            {
                return Parse(block);
            }
        }

        throw new InvalidOperationException("No event after 1,000 comments.");
    }

    /// <summary>The next block: ":" for a keep-alive comment, otherwise the event name.</summary>
    public async Task<string> ReadCommentOrEventAsync()
    {
        var block = await ReadBlockAsync();
        return block.StartsWith(':') ? ":" : Parse(block).Event;
    }

    public void Dispose() => _reader.Dispose();

    private static (string Event, string Data) Parse(string block)
    {
        string? name = null;
        var data = new StringBuilder();
        foreach (var line in block.Split('\n'))
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line["data:".Length..].TrimStart());
            }
        }

        return (name ?? "message", data.ToString());
    }

    private async Task<string> ReadBlockAsync()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellation.Token) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (lines.Count > 0)
                {
                    return string.Join('\n', lines);
                }

                continue;
            }

            lines.Add(line);
        }
    }
}
