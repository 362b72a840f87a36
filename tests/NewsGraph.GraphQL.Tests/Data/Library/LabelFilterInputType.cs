using NewsGraph.GraphQL.Data.Filtering;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class LabelFilterInputType : FilterInputType<Label>
{
    public LabelFilterInputType()
        : base("LabelFilterInput")
    {
        Field("name", l => l.Name);
    }
}
