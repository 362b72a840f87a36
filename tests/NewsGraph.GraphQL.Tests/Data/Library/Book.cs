namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class Book
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string? Subtitle { get; set; }

    public DateTime? PublishedOn { get; set; }

    public int Pages { get; set; }

    public int? Rating { get; set; }

    public bool IsAvailable { get; set; }

    public BookStatus Status { get; set; }

    public int? WriterId { get; set; }

    public Writer? Writer { get; set; }

    public List<Label> Labels { get; set; } = [];
}
