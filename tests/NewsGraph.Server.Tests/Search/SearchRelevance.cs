using System.Globalization;
using System.Text;
using NewsGraph.Server.Tests.TestHosting;

namespace NewsGraph.Server.Tests.Search;

/// <summary>Runs the <see cref="RelevanceSet"/> through HTTP as a reader and scores the answers.</summary>
internal static class SearchRelevance
{
    public sealed record Outcome(RelevanceSet.Judgement Judgement, IReadOnlyList<string> Top5)
    {
        /// <summary>1 / rank of the first relevant article in the top five; 0 when none is there.</summary>
        public double ReciprocalRank
        {
            get
            {
                var index = Top5.ToList().FindIndex(Judgement.Relevant.Contains);
                return index < 0 ? 0 : 1.0 / (index + 1);
            }
        }

        /// <summary>Relevant articles in the top five, out of as many as could be there (min(5, relevant)).</summary>
        public double PrecisionAt5 => (double)Top5.Count(Judgement.Relevant.Contains) / Math.Min(5, Judgement.Relevant.Count);

        public bool BestFirst => Top5.Count > 0 && Top5[0] == Judgement.Best;
    }

    public sealed record Report(IReadOnlyList<Outcome> Outcomes)
    {
        public double MeanReciprocalRank => Outcomes.Average(o => o.ReciprocalRank);

        public double MeanPrecisionAt5 => Outcomes.Average(o => o.PrecisionAt5);

        public string Describe()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Outcomes.Count} queries: MRR {MeanReciprocalRank:F3}, precision@5 {MeanPrecisionAt5:F3}, best answer first {Outcomes.Count(o => o.BestFirst)}/{Outcomes.Count}");
            foreach (var outcome in Outcomes.Where(o => !o.BestFirst || o.PrecisionAt5 < 1))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {outcome.Judgement.Query}: RR {outcome.ReciprocalRank:F2}, P@5 {outcome.PrecisionAt5:F2}, top 5 [{string.Join(", ", outcome.Top5)}], expected {outcome.Judgement.Best}");
            }

            return text.ToString();
        }
    }

    public static async Task<Report> RunAsync(NewsGraphServer server)
    {
        var outcomes = new List<Outcome>();
        foreach (var judgement in RelevanceSet.Judgements)
        {
            var response = await server.PostAsync(
                "query($q: String!) { searchArticles(query: $q, first: 5) { nodes { article { slug } } } }", new { q = judgement.Query });
            var top5 = response.SuccessfulData()["searchArticles"]!["nodes"]!.AsArray()
                .Select(node => (string)node!["article"]!["slug"]!)
                .ToList();
            outcomes.Add(new Outcome(judgement, top5));
        }

        return new Report(outcomes);
    }
}
