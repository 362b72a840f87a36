using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>Hot Chocolate's <c>interface Error { message: String! }</c>, implemented by every mutation error type.</summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType<IMutationError>
{
    public const string TypeName = "Error";

    public ErrorInterfaceGraphType()
    {
        Name = TypeName;
        Description = "A domain error of a mutation: returned in the payload's `errors`, beside `data`.";
        Field<NonNullGraphType<StringGraphType>>("message");
    }
}
