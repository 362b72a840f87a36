using NewsGraph.GraphQL.Data.Filtering;
using NewsGraph.Server.Data;

namespace NewsGraph.Server.Authors;

public sealed class AuthorFilterInputType : FilterInputType<Author>
{
    public AuthorFilterInputType()
        : base("AuthorFilterInput")
    {
        IdField("id", a => a.Id, AuthorType.TypeName);
        Field("slug", a => a.Slug);
        Field("name", a => a.Name);
        Field("bio", a => a.Bio);
    }
}
