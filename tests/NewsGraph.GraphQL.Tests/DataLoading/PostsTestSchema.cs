using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NewsGraph.GraphQL.DataLoading;

namespace NewsGraph.GraphQL.Tests.DataLoading;

/// <summary>Posts with a writer (1:1) and labels (1:n), resolved through scoped loaders.</summary>
public sealed class PostsTestSchema : Schema
{
    public PostsTestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new PostsQueryType();
    }
}

internal sealed class PostsQueryType : ObjectGraphType
{
    public PostsQueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PostType>>>, IEnumerable<Post>>("posts")
            .Argument<IntGraphType>("first")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<PostsTestData>().Posts.Take(ctx.GetArgument("first", PostsTestData.PostCount)));

        // A nullable 1:1 field at the root, to share the writer cache with the nested level.
        Field<WriterType, Writer>("writer")
            .Argument<NonNullGraphType<IntGraphType>>("id")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<WriterByIdDataLoader>().LoadAsync(ctx.GetArgument<int>("id")));

        Field<NonNullGraphType<ListGraphType<WriterType>>, IReadOnlyList<Writer?>>("writers")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("ids")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<WriterByIdDataLoader>().LoadAsync(ctx.GetArgument<int[]>("ids")));
    }
}

internal sealed class PostType : ObjectGraphType<Post>
{
    public PostType()
    {
        Name = "Post";
        Field<NonNullGraphType<IntGraphType>, int>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("title").Resolve(ctx => ctx.Source.Title);

        Field<WriterType, Writer>("writer")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<WriterByIdDataLoader>().LoadAsync(ctx.Source.WriterId));

        Field<NonNullGraphType<WriterType>, Writer>("requiredWriter")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<WriterByIdDataLoader>().LoadAsync(ctx.Source.WriterId));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabelType>>>, IReadOnlyList<Label>>("labels")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<LabelsByPostIdDataLoader>().LoadAsync(ctx.Source.Id));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LabelType>>>, IEnumerable<Label>>("labelsAsEnumerable")
            .ResolveAsync(ctx => ctx.RequestServices!.GetRequiredService<LabelsByPostIdDataLoader>().LoadAsync(ctx.Source.Id));
    }
}

internal sealed class WriterType : ObjectGraphType<Writer>
{
    public WriterType()
    {
        Name = "Writer";
        Field<NonNullGraphType<IntGraphType>, int>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("name").Resolve(ctx => ctx.Source.Name);
    }
}

internal sealed class LabelType : ObjectGraphType<Label>
{
    public LabelType()
    {
        Name = "Label";
        Field<NonNullGraphType<StringGraphType>, string>("name").Resolve(ctx => ctx.Source.Name);
    }
}
