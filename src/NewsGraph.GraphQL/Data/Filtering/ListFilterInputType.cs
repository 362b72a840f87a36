using GraphQL.Types;

namespace NewsGraph.GraphQL.Data.Filtering;

/// <summary>HC's <c>ListFilterInputTypeOf{X}FilterInput</c> for collection navigations.</summary>
public sealed class ListFilterInputType<TFilterType> : InputObjectGraphType<object>
    where TFilterType : IInputObjectGraphType
{
    public ListFilterInputType()
    {
        // A throwaway instance only to learn the element filter's name (filter types have parameterless constructors).
        Name = "ListFilterInputTypeOf" + Activator.CreateInstance<TFilterType>().Name;
        Field<TFilterType>("all");
        Field<TFilterType>("none");
        Field<TFilterType>("some");
        Field<BooleanGraphType>("any");
    }
}
