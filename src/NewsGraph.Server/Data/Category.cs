namespace NewsGraph.Server.Data;

public class Category
{
    public int Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>Order among siblings in the site navigation.</summary>
    public int Position { get; set; }

    public int? ParentId { get; set; }

    public Category? Parent { get; set; }

    public ICollection<Category> Children { get; } = new List<Category>();

    public ICollection<Article> Articles { get; } = new List<Article>();
}
