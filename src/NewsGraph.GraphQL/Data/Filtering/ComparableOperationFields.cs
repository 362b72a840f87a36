using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>The operation fields of HC's comparable filter inputs, in HC's order (no <c>and</c>/<c>or</c>).</summary>
internal static class ComparableOperationFields
{
    public static void Add<TScalar>(InputObjectGraphType<object> type)
        where TScalar : ScalarGraphType
    {
        type.Field<TScalar>("eq");
        type.Field<TScalar>("neq");
        type.Field<ListGraphType<TScalar>>("in");
        type.Field<ListGraphType<TScalar>>("nin");
        foreach (var name in (string[])["gt", "ngt", "gte", "ngte", "lt", "nlt", "lte", "nlte"])
        {
            type.Field<TScalar>(name);
        }
    }
}
