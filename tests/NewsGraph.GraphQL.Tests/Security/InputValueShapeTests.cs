using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Tests.Security;

/// <summary>How where/order values are measured for the input limits and the cost (parsed values, as GraphQL.NET hands them over).</summary>
public sealed class InputValueShapeTests
{
    [Fact]
    public void A_filter_counts_fields_and_elements_at_every_level_its_depth_and_its_longest_list()
    {
        // { or: [ { slug: { in: [a, b, c] } }, { title: { contains: "x" }, author: { name: { eq: "y" } } } ] }
        var filter = Object(("or", new object?[]
        {
            Object(("slug", Object(("in", new object?[] { "a", "b", "c" })))),
            Object(("title", Object(("contains", "x"))), ("author", Object(("name", Object(("eq", "y")))))),
        }));

        var shape = InputValueShape.OfFilter(filter);

        Assert.Equal(4, shape.Depth);                // where > or element > author > name
        Assert.Equal(10, shape.Fields);              // or, its 2 elements, slug and in, title and contains, author, name and eq
        Assert.Equal(3, shape.LongestList);
        Assert.Equal(3, shape.ListValues);
        Assert.Equal(3, shape.Operations);           // in, contains, eq
        Assert.Equal(1, shape.MatchOperations);      // contains
    }

    [Fact]
    public void A_huge_filter_is_measured_without_recursion()
    {
        object? filter = Object(("slug", Object(("eq", "x"))));
        for (var i = 0; i < 100_000; i++)
        {
            filter = Object(("and", new[] { filter }));
        }

        var shape = InputValueShape.OfFilter(filter);

        Assert.Equal(100_002, shape.Depth);
        Assert.Equal(200_002, shape.Fields);
    }

    [Fact]
    public void Sort_fields_count_nested_fields_and_every_element_at_least_once()
    {
        Assert.Equal(0, InputValueShape.SortFieldCount(null));
        Assert.Equal(1, InputValueShape.SortFieldCount(Object(("title", "ASC"))));
        Assert.Equal(3, InputValueShape.SortFieldCount(new object?[] { Object(("author", Object(("name", "ASC"), ("slug", "DESC")))), Object() }));
        Assert.Equal(30_000, InputValueShape.SortFieldCount(Enumerable.Repeat<object?>(Object(("id", "ASC")), 30_000).ToList()));
    }

    private static Dictionary<string, object?> Object(params (string Name, object? Value)[] fields)
        => fields.ToDictionary(field => field.Name, field => field.Value);
}
