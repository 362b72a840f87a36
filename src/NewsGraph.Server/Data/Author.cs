namespace NewsGraph.Server.Data;

public class Author
{
    public int Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Bio { get; set; }

    public string? AvatarUrl { get; set; }

    public ICollection<Article> Articles { get; } = new List<Article>();
}
