namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class Label
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Book> Books { get; set; } = [];
}
