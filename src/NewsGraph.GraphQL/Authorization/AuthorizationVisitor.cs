using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Authorization;

/// <summary>Walks one document for <see cref="AuthorizationValidationRule"/>; one instance per validation.</summary>
internal sealed class AuthorizationVisitor : INodeVisitor
{
    private readonly AuthorizationRequirementEvaluator _evaluator;
    private readonly HashSet<GraphQLFragmentDefinition> _usedFragments;
    // One error per schema element is enough to say what is missing; a document selecting it 40 times gets one.
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private bool _inExecutedDefinition;

    public AuthorizationVisitor(ValidationContext context)
    {
        _evaluator = new AuthorizationRequirementEvaluator(context.User, context.RequestServices);
        // Only what the chosen operation can reach is checked: a document may carry other operations (chosen by
        // operationName) that this request does not run. Every use of a fragment is conservatively checked, even
        // under @skip/@include: refusing a field that would have been skipped is safe, running one is not.
        _usedFragments = context.Operation is { } operation
            ? [.. context.GetRecursivelyReferencedFragments(operation) ?? []]
            : [];
    }

    public async ValueTask EnterAsync(ASTNode node, ValidationContext context)
    {
        switch (node)
        {
            case GraphQLOperationDefinition operation:
                _inExecutedDefinition = ReferenceEquals(operation, context.Operation);
                break;
            case GraphQLFragmentDefinition fragment:
                _inExecutedDefinition = _usedFragments.Contains(fragment);
                break;
            case GraphQLField field when _inExecutedDefinition:
                await CheckFieldAsync(field, context).ConfigureAwait(false);
                break;
        }
    }

    public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;

    private async ValueTask CheckFieldAsync(GraphQLField field, ValidationContext context)
    {
        var definition = context.TypeInfo.GetFieldDef();
        var parent = context.TypeInfo.GetParentType()?.GetNamedType();
        if (definition is null || parent is null || definition.Name.StartsWith("__", StringComparison.Ordinal))
        {
            // Unknown fields are another rule's error; introspection meta-fields carry no metadata.
            return;
        }

        var coordinate = $"{parent.Name}.{definition.Name}";
        // A selection refused by its type is not reported again for the field: one error says what is missing.
        if (definition.IsAnonymousAllowed()
            || await CheckAsync(parent, $"the type '{parent.Name}'", parent.Name, field, context).ConfigureAwait(false))
        {
            await CheckAsync(definition, $"the field '{coordinate}'", coordinate, field, context).ConfigureAwait(false);
        }
    }

    /// <returns>False when the element refused the user (now or earlier in the document).</returns>
    private async ValueTask<bool> CheckAsync(IMetadataReader element, string target, string key, GraphQLField field, ValidationContext context)
    {
        if (_reported.Contains(key))
        {
            return false;
        }

        var result = await _evaluator.EvaluateAsync(element).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case AuthorizationOutcome.NotAuthenticated:
                _reported.Add(key);
                context.ReportError(AuthorizationError.NotAuthenticated(context.Document.Source, field, target));
                break;
            case AuthorizationOutcome.NotAuthorized:
                _reported.Add(key);
                context.ReportError(AuthorizationError.NotAuthorized(context.Document.Source, field, target, result.Requirement!));
                break;
            default:
                return true;
        }

        return false;
    }
}
