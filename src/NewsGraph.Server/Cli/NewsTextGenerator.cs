using System.Globalization;
using System.Text;
using Bogus;

namespace NewsGraph.Server.Cli;

/// <summary>
/// Produces news-like English (headlines, standfirsts, Markdown bodies) from Bogus data sets and
/// a handful of wire-copy sentence templates. Everything comes from the given <see cref="Faker"/>,
/// so output is fully determined by its seed.
/// </summary>
internal sealed class NewsTextGenerator
{
    // Bogus expands its format templates on every call, which dominates at 100k long bodies;
    // drawing from pools filled once keeps the variety and is an order of magnitude faster.
    private const int PoolSize = 400;

    private static readonly string[] Subjects =
    [
        "housing", "energy prices", "public transport", "interest rates", "the budget", "water supplies",
        "hospital waiting lists", "school funding", "farm subsidies", "the port expansion", "data privacy",
        "wages", "the airport runway", "broadband", "offshore wind", "rent controls", "pensions", "tourism",
    ];

    private static readonly string[] HeadlineVerbs =
    [
        "Unveils Plan For", "Warns Over", "Faces Backlash Over", "Agrees Deal On", "Delays Decision On",
        "Launches Review Of", "Pledges Billions For", "Rejects Criticism Of", "Doubles Down On",
    ];

    private static readonly string[] SectionHeadings =
    [
        "What Happens Next", "The Background", "By The Numbers", "What Critics Say", "A Long Road",
        "Reaction", "Why It Matters", "The Wider Picture", "Questions Remain", "Looking Ahead",
    ];

    private readonly Faker _faker;
    private readonly string[] _companies;
    private readonly string[] _cities;
    private readonly string[] _countries;
    private readonly string[] _people;
    private readonly string[] _jobs;
    private readonly string[] _slogans;

    public NewsTextGenerator(Faker faker)
    {
        _faker = faker;
        _companies = Pool(() => faker.Company.CompanyName());
        _cities = Pool(() => faker.Address.City());
        _countries = Pool(() => faker.Address.Country());
        _people = Pool(() => faker.Name.FullName());
        _jobs = Pool(() => faker.Name.JobTitle().ToLowerInvariant());
        _slogans = Pool(() => faker.Company.Bs());
    }

    public string Headline() => _faker.Random.Int(0, 3) switch
    {
        0 => $"{Company} {_faker.PickRandom(HeadlineVerbs)} {TitleCase(_faker.PickRandom(Subjects))}",
        1 => $"{City} {_faker.PickRandom(HeadlineVerbs)} {TitleCase(_faker.PickRandom(Subjects))}",
        2 => $"{Country} Ministers {_faker.PickRandom(HeadlineVerbs)} {TitleCase(_faker.PickRandom(Subjects))}",
        _ => $"{Person}: \"We Will {TitleCase(Slogan)}\"",
    };

    public string Standfirst() => $"{Sentence()} {Sentence()}";

    /// <summary>A Markdown body of roughly <paramref name="targetWords"/> words: paragraphs under ## headings.</summary>
    public string Body(int targetWords)
    {
        var body = new StringBuilder(targetWords * 7);
        int words = 0;
        int paragraphsInSection = 0;
        while (words < targetWords)
        {
            if (paragraphsInSection >= 3 && _faker.Random.Bool(0.45f))
            {
                body.Append("## ").Append(_faker.PickRandom(SectionHeadings)).Append("\n\n");
                paragraphsInSection = 0;
            }

            int sentences = _faker.Random.Int(2, 5);
            for (int i = 0; i < sentences; i++)
            {
                string sentence = Sentence();
                words += CountSpaces(sentence) + 1;
                body.Append(sentence).Append(i + 1 < sentences ? ' ' : '\n');
            }

            body.Append('\n');
            paragraphsInSection++;
        }

        return body.ToString();
    }

    private string Sentence() => _faker.Random.Int(0, 11) switch
    {
        0 => $"{Person}, {Article(Job)} at {Company}, said the decision would {Slogan}.",
        1 => $"Officials in {City} confirmed on {_faker.Date.Weekday()} that {_faker.Random.Int(12, 4000).ToString(CultureInfo.InvariantCulture)} people had been affected.",
        2 => $"Analysts expect {_faker.PickRandom(Subjects)} to dominate the agenda when ministers from {Country} meet next month.",
        3 => $"The move follows months of negotiations between {Company} and regulators in {Country}.",
        4 => $"Critics argue that the plan does little to {Slogan}.",
        5 => $"\"We are determined to {Slogan},\" {Person} told reporters in {City}.",
        6 => $"Spending on {_faker.PickRandom(Subjects)} rose by {_faker.Random.Int(2, 19).ToString(CultureInfo.InvariantCulture)} percent last year, according to figures published on {_faker.Date.Weekday()}.",
        7 => $"Residents said they had waited years for action on {_faker.PickRandom(Subjects)}.",
        8 => $"A spokesperson for {Company} declined to comment on the reports.",
        9 => $"The proposal will be debated in {City} before a final vote in {_faker.Date.Month()}.",
        10 => $"Opposition politicians called the announcement \"too little, too late\" and demanded an inquiry into {_faker.PickRandom(Subjects)}.",
        _ => $"Shares in {Company} {(_faker.Random.Bool() ? "rose" : "fell")} {_faker.Random.Int(1, 14).ToString(CultureInfo.InvariantCulture)} percent in early trading.",
    };

    private string Company => _faker.Random.ArrayElement(_companies);

    private string City => _faker.Random.ArrayElement(_cities);

    private string Country => _faker.Random.ArrayElement(_countries);

    private string Person => _faker.Random.ArrayElement(_people);

    private string Job => _faker.Random.ArrayElement(_jobs);

    private string Slogan => _faker.Random.ArrayElement(_slogans);

    private static string[] Pool(Func<string> next)
    {
        var pool = new string[PoolSize];
        for (int i = 0; i < pool.Length; i++)
        {
            pool[i] = next();
        }

        return pool;
    }

    private static int CountSpaces(string text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c == ' ')
            {
                count++;
            }
        }

        return count;
    }

    private static string Article(string noun) =>
        noun.Length > 0 && "aeiou".Contains(noun[0], StringComparison.Ordinal) ? $"an {noun}" : $"a {noun}";

    private static string TitleCase(string text) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text);
}
