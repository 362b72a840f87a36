namespace NewsGraph.GraphQL.Tests.Data.Library;

/// <summary>A small library with ties, NULLs, Unicode and LIKE wildcard characters in its data.</summary>
public static class LibrarySeed
{
    public static (List<Writer> Writers, List<Label> Labels, List<Book> Books) Create()
    {
        var writers = new List<Writer>
        {
            new() { Id = 1, Name = "Émile Zola", BornOn = new DateTime(1840, 4, 2, 0, 0, 0, DateTimeKind.Utc) },
            new() { Id = 2, Name = "Ada Lovelace", BornOn = new DateTime(1815, 12, 10, 0, 0, 0, DateTimeKind.Utc) },
            new() { Id = 3, Name = "Mary Shelley", BornOn = new DateTime(1797, 8, 30, 0, 0, 0, DateTimeKind.Utc) },
        };
        var labels = new List<Label>
        {
            new() { Id = 1, Name = "classic" },
            new() { Id = 2, Name = "science" },
            new() { Id = 3, Name = "horror" },
        };

        string[] titles =
        [
            "École des femmes", "ÉCOLE NORMALE", "100% Pure", "100 Pure", "snake_case", "snakeXcase", "Germinal",
            "Frankenstein", "The Last Man", "Notes on the Analytical Engine", "Nana", "L'Assommoir", "La Bête humaine",
            "Thérèse Raquin", "Au Bonheur des Dames", "Mathilda", "Valperga", "Lodore", "Falkner", "Perkin Warbeck",
            "Sketches", "Letters", "Travels", "Journal", "Poems",
        ];
        var books = new List<Book>();
        for (var i = 0; i < titles.Length; i++)
        {
            var id = i + 1;
            var book = new Book
            {
                Id = id,
                Title = titles[i],
                Subtitle = id % 4 == 0 ? null : $"Part {id % 3}",
                PublishedOn = id % 5 == 0 ? null : new DateTime(1850 + (id % 7), 1 + (id % 12), 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(id * 1234567),
                Pages = 100 * (1 + (id % 4)),
                Rating = id % 3 == 0 ? null : id % 6,
                IsAvailable = id % 2 == 0,
                Status = (BookStatus)(id % 3),
                Writer = id == 25 ? null : writers[id % 3],
            };
            book.Labels.AddRange(labels.Where(l => (id + l.Id) % 3 == 0 || (l.Id == 3 && id % 5 == 0)));
            books.Add(book);
        }

        return (writers, labels, books);
    }
}
