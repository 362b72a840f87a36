using GraphQL.Validation;

namespace NewsGraph.GraphQL.Authorization;

/// <summary>
/// Enforces GraphQL.NET's authorization metadata (<c>Authorize()</c>, <c>AuthorizeWithRoles</c>,
/// <c>AuthorizeWithPolicy</c>, <c>AllowAnonymous</c>) — which the engine only records — against
/// <see cref="global::GraphQL.ExecutionOptions.User"/>. As a validation rule it refuses the whole operation before anything
/// executes: a mutation without credentials writes nothing, and no partial data of a protected field leaks.
/// </summary>
/// <remarks>
/// For every field selected by the executed operation (directly or through its fragments):
/// the field's own metadata must be satisfied, and so must the metadata of the type that declares it (the
/// <c>Mutation</c> root, an object type) unless the field is marked <c>AllowAnonymous</c>. Register it for cached
/// documents too: the document is the same for every user, the user is not.
/// </remarks>
public sealed class AuthorizationValidationRule : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(new AuthorizationVisitor(context));
    }
}
