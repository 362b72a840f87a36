using System.Data.Common;
using Microsoft.Data.Sqlite;
using NewsGraph.Benchmarks.Infrastructure;
using NewsGraph.Server.Data;
using Npgsql;

namespace NewsGraph.Benchmarks.Search;

/// <summary>How often a word occurs across articles: what decides how much ranking has to score.</summary>
internal enum Frequency
{
    Rare,
    Medium,
    Common,
}

/// <summary>A frequency class's words and phrases, chosen from the seeded text by the share of articles that hold them.</summary>
internal sealed record VocabularyClass(Frequency Frequency, IReadOnlyList<string> Words, IReadOnlyList<string> Phrases);

/// <summary>
/// Chooses the benchmark's words from the catalogue itself, so they follow whatever the seeder writes: the bodies of a
/// fixed sample of about 2,000 published articles (every n-th id) are split into words and adjacent word
/// pairs, and each class takes the terms whose share of the sample falls in its band. Read with plain ADO.NET before
/// the server starts, so nothing of the server is warmed by the choice.
/// </summary>
internal static class SearchVocabulary
{
    private const int SampleTarget = 2_000;
    private const int MinWordLength = 4;

    /// <summary>Share-of-articles bands: rare ≤ 0.3%, medium 3–10%, very common ≥ 60%.</summary>
    private static readonly (Frequency Frequency, double Low, double High, double Target)[] Bands =
    [
        (Frequency.Rare, 0.0005, 0.003, 0.0015),
        (Frequency.Medium, 0.03, 0.10, 0.05),
        (Frequency.Common, 0.60, 1.0, 0.95),
    ];

    public static async Task<IReadOnlyList<VocabularyClass>> ChooseAsync(BenchDatabase database, int articles, int perClass, CancellationToken ct)
    {
        List<string> bodies = await SampleBodiesAsync(database, Math.Max(1, articles / SampleTarget), ct);
        var wordDocuments = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairDocuments = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string body in bodies)
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            foreach (IReadOnlyList<string> run in WordRuns(body))
            {
                for (int i = 0; i < run.Count; i++)
                {
                    if (run[i].Length >= MinWordLength)
                    {
                        words.Add(run[i]);
                    }

                    if (i > 0 && run[i - 1].Length >= MinWordLength - 1 && run[i].Length >= MinWordLength - 1 && !(IsNumber(run[i - 1]) && IsNumber(run[i])))
                    {
                        pairs.Add(run[i - 1] + " " + run[i]);
                    }
                }
            }

            foreach (string word in words)
            {
                wordDocuments[word] = wordDocuments.GetValueOrDefault(word) + 1;
            }

            foreach (string pair in pairs)
            {
                pairDocuments[pair] = pairDocuments.GetValueOrDefault(pair) + 1;
            }
        }

        double sample = bodies.Count;
        return [.. Bands.Select(band => new VocabularyClass(
            band.Frequency,
            Pick(wordDocuments, band, sample, perClass, exclude: null),
            Pick(pairDocuments, band, sample, perClass, exclude: null)))];
    }

    // The terms nearest the band's target share, spread over distinct first letters so that the rotation is not one
    // word and its inflections.
    private static List<string> Pick(
        Dictionary<string, int> documents, (Frequency Frequency, double Low, double High, double Target) band, double sample, int count, ISet<string>? exclude)
    {
        var chosen = new List<string>(count);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, int> term in documents
            .Where(t => t.Value / sample >= band.Low && t.Value / sample <= band.High && exclude?.Contains(t.Key) != true)
            .OrderBy(t => Math.Abs(Math.Log(t.Value / sample / band.Target)))
            .ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            string stem = term.Key[..Math.Min(5, term.Key.Length)];
            if (stems.Add(stem))
            {
                chosen.Add(term.Key);
                if (chosen.Count == count)
                {
                    break;
                }
            }
        }

        return chosen.Count == count
            ? chosen
            : throw new InvalidOperationException($"Only {chosen.Count} {band.Frequency} terms in the sample (wanted {count}): is the catalogue seeded?");
    }

    private static bool IsNumber(string token) => char.IsAsciiDigit(token[0]);

    /// <summary>
    /// Runs of lower-case ASCII words separated by single spaces only: adjacent in the text, so a pair is a phrase. A
    /// word is letters or digits, not both: the seeder's prose draws from pools, so every word of it is in at least
    /// about 1% of articles; the rare terms are its figures ("4,000 people" is not one, "2817 people" is).
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> WordRuns(string text)
    {
        var run = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            if (char.IsAsciiLetterOrDigit(c) && (start < 0 || char.IsAsciiDigit(c) == char.IsAsciiDigit(text[start])))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                run.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                // Letters against digits ("3rd"): not a word of ours; the run ends and the token starts again.
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }

                start = i;
                continue;
            }

            if (c != ' ' || (i + 1 < text.Length && !char.IsAsciiLetterOrDigit(text[i + 1])))
            {
                // Anything but a single space between two words (digits, punctuation, a line break) ends a phrase.
                if (run.Count > 0)
                {
                    yield return run;
                    run = [];
                }
            }
        }
    }

    private static async Task<List<string>> SampleBodiesAsync(BenchDatabase database, int stride, CancellationToken ct)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using DbCommand command = connection.CreateCommand();
        // Published articles only: what the anonymous reader the benchmark is can find. No input: two integers of ours.
#pragma warning disable CA2100
        command.CommandText = $"""
            SELECT d."Body" FROM "ArticleSearchDocuments" AS d JOIN "Articles" AS a ON a."Id" = d."ArticleId"
            WHERE a."Status" = {(int)ArticleStatus.Published} AND d."ArticleId" % {stride} = 0
            ORDER BY d."ArticleId"
            """;
#pragma warning restore CA2100
        var bodies = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            bodies.Add(reader.GetString(0));
        }

        return bodies.Count > 0 ? bodies : throw new InvalidOperationException("No search documents: the catalogue has no search index.");
    }
}
