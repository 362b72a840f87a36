using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// Base of the object types of mutation errors: implements <c>Error</c> and resolves <c>message</c>. Derived types
/// add their own fields (which field was invalid, the current version, ...).
/// </summary>
public abstract class ErrorGraphType<TError> : ObjectGraphType<TError>
    where TError : IMutationError
{
    protected ErrorGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Interface<ErrorInterfaceGraphType>();
        // Union members must say which CLR values they stand for; the union resolves through this.
        IsTypeOf = value => value is TError;
        Field<NonNullGraphType<StringGraphType>, string>("message").Resolve(ctx => ctx.Source.Message);
    }
}
