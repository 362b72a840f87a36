using System.Linq.Expressions;

namespace NewsGraph.GraphQL.Data;

/// <summary>Inlines a lambda's body with its parameter replaced, to compose member paths (e.g. <c>x.Writer</c> + <c>w.Name</c>).</summary>
internal sealed class ParameterReplacer : ExpressionVisitor
{
    private readonly ParameterExpression _parameter;
    private readonly Expression _replacement;

    private ParameterReplacer(ParameterExpression parameter, Expression replacement)
    {
        _parameter = parameter;
        _replacement = replacement;
    }

    public static Expression Inline(LambdaExpression lambda, Expression argument) =>
        new ParameterReplacer(lambda.Parameters[0], argument).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) =>
        node == _parameter ? _replacement : base.VisitParameter(node);
}
