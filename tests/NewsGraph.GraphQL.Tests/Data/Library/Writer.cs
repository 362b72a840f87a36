namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class Writer
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public DateTime BornOn { get; set; }

    public List<Book> Books { get; set; } = [];
}
