using NewsGraph.GraphQL.Data.Sorting;

namespace NewsGraph.GraphQL.Tests.Data.Library;

public sealed class WriterSortInputType : SortInputType<Writer>
{
    public WriterSortInputType()
        : base("WriterSortInput")
    {
        Field("name", w => w.Name);
        Field("bornOn", w => w.BornOn);
    }
}
