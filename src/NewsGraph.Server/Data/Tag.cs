namespace NewsGraph.Server.Data;

public class Tag
{
    public int Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public ICollection<Article> Articles { get; } = new List<Article>();
}
