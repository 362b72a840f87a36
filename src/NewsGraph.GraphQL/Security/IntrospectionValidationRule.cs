using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> with Hot Chocolate's error (HC0046) when introspection is switched off;
/// <c>__typename</c> stays allowed because clients (Apollo, Relay) add it to every selection.
/// </summary>
public sealed class IntrospectionValidationRule : ValidationRuleBase
{
    public static IntrospectionValidationRule Instance { get; } = new();

    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLField>((field, context) =>
    {
        var name = field.Name.Value.Span;
        if (name.SequenceEqual("__schema") || name.SequenceEqual("__type"))
        {
            context.ReportError(new IntrospectionNotAllowedError(context.Document.Source, field));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
