using GraphQL.Types;
using NewsGraph.Server.Articles;

namespace NewsGraph.Server.Schema;

/// <summary>
/// The subscription root. Like <see cref="Query"/>, each feature folder contributes its own fields; this type
/// only puts them together.
/// </summary>
public sealed class Subscription : ObjectGraphType
{
    public Subscription()
    {
        Name = "Subscription";
        ArticleSubscriptions.AddTo(this);
    }
}
