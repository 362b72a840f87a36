using GraphQL.Types;
using NewsGraph.Server.Articles;
using NewsGraph.Server.Authors;
using NewsGraph.Server.Categories;
using NewsGraph.Server.Tags;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The mutation root. Like <see cref="Query"/>, each feature folder contributes its own fields (Hot Chocolate's
/// <c>[MutationType]</c> classes); this type only puts them together.
/// </summary>
public sealed class Mutation : ObjectGraphType
{
    public Mutation()
    {
        Name = "Mutation";
        ArticleMutations.AddTo(this);
        AuthorMutations.AddTo(this);
        CategoryMutations.AddTo(this);
        TagMutations.AddTo(this);
    }
}
