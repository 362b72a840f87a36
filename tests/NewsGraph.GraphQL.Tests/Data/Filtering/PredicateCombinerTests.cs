using System.Linq.Expressions;
using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.GraphQL.Tests.Data.Filtering;

/// <summary>and/or lists become balanced trees: EF Core recurses once per level, so depth, not size, is what can overflow.</summary>
public sealed class PredicateCombinerTests
{
    private static readonly ParameterExpression Value = Expression.Parameter(typeof(int), "x");

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(5_000, 13)]
    public void Or_of_many_branches_is_a_balanced_tree_in_the_branches_order(int branches, int expectedDepth)
    {
        var parts = Enumerable.Range(0, branches).Select(i => (Expression?)Expression.Equal(Value, Expression.Constant(i))).ToList();

        var combined = PredicateCombiner.Any(parts)!;

        Assert.Equal(expectedDepth, Depth(combined));
        var matches = Expression.Lambda<Func<int, bool>>(combined, Value).Compile();
        Assert.True(matches(0));
        Assert.True(matches(branches - 1));
        Assert.False(matches(branches));
        Assert.Equal(Enumerable.Range(0, branches), Leaves(combined).Select(leaf => (int)((ConstantExpression)((BinaryExpression)leaf).Right).Value!));
    }

    [Fact]
    public void And_skips_empty_elements_and_or_with_an_empty_element_restricts_nothing()
    {
        Expression positive = Expression.GreaterThan(Value, Expression.Constant(0));
        Expression small = Expression.LessThan(Value, Expression.Constant(10));

        var all = PredicateCombiner.All([null, positive, null, small])!;
        Assert.Equal(ExpressionType.AndAlso, all.NodeType);
        Assert.Null(PredicateCombiner.All([null, null]));
        Assert.Null(PredicateCombiner.Any([positive, null]));
        Assert.Null(PredicateCombiner.Any([]));
    }

    private static int Depth(Expression expression) => expression is BinaryExpression { NodeType: ExpressionType.OrElse or ExpressionType.AndAlso } binary
        ? 1 + Math.Max(Depth(binary.Left), Depth(binary.Right))
        : 0;

    private static IEnumerable<Expression> Leaves(Expression expression) => expression is BinaryExpression { NodeType: ExpressionType.OrElse } binary
        ? Leaves(binary.Left).Concat(Leaves(binary.Right))
        : [expression];
}
