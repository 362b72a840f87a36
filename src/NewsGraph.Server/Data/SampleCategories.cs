namespace NewsGraph.Server.Data;

/// <summary>The site navigation from the sample article page, used by sample data and the seeder.</summary>
public static class SampleCategories
{
    public const string NewsSlug = "news";
    public const string ArchiveSlug = "archive";

    /// <summary>Builds fresh (untracked) category entities, Archive nested under News.</summary>
    public static IReadOnlyList<Category> Create()
    {
        var news = new Category { Slug = NewsSlug, Name = "News", Position = 1, Description = "Breaking and developing stories from around the world." };
        var archive = new Category { Slug = ArchiveSlug, Name = "Archive", Position = 1, Description = "Stories from past years, kept for the record.", Parent = news };
        return
        [
            news,
            archive,
            new Category { Slug = "celebrities", Name = "Celebrities", Position = 2, Description = "The people everyone is talking about." },
            new Category { Slug = "finance", Name = "Finance", Position = 3, Description = "Markets, banks, economies and the money in your pocket." },
            new Category { Slug = "crypto", Name = "Crypto", Position = 4, Description = "Bitcoin, blockchains, exchanges and the rules that govern them." },
            new Category { Slug = "entertainment", Name = "Entertainment", Position = 5, Description = "Film, television, music and the business behind them." },
            new Category { Slug = "travel", Name = "Travel", Position = 6, Description = "Destinations, transport and advice for the road." },
            new Category { Slug = "health", Name = "Health", Position = 7, Description = "Medicine, public health and living well." },
            new Category { Slug = "others", Name = "Others", Position = 8, Description = "Culture, science, sport and everything else." },
        ];
    }
}
