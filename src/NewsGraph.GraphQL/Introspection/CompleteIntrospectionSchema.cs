using GraphQL.Types;

namespace NewsGraph.GraphQL.Introspection;

/// <summary>
/// A schema whose introspection answers everything schema tools ask for, as Hot Chocolate 15 does: graphql-js's
/// <c>getIntrospectionQuery</c> with every option (<c>specifiedByUrl</c>, <c>directiveIsRepeatable</c>,
/// <c>schemaDescription</c>, <c>inputValueDeprecation</c>, <c>oneOf</c>) and Banana Cake Pop's query.
/// <list type="bullet">
/// <item><c>__Directive.isRepeatable</c> and input value deprecation (<c>includeDeprecated</c> on args and input
/// fields, <c>__InputValue.isDeprecated</c>/<c>deprecationReason</c>, <c>@deprecated</c> on arguments and input
/// fields): GraphQL.NET's switches, completed by <see cref="IntrospectionTypeCompletion"/>.</item>
/// <item><c>__Type.specifiedByURL</c> and <c>@specifiedBy</c>, <c>@oneOf</c>: defined only when a type uses them, as
/// Hot Chocolate 15 drops unused type system directives (so the SDL and <c>__schema.directives</c> match its).</item>
/// </list>
/// </summary>
public abstract class CompleteIntrospectionSchema : Schema
{
    protected CompleteIntrospectionSchema(IServiceProvider services)
        : base(services)
    {
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
    }

    /// <summary>GraphQL.NET's hook before each type (its introspection types too) is initialized.</summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        base.OnBeforeInitializeType(graphType);
        IntrospectionTypeCompletion.Complete(graphType);
        switch (graphType)
        {
            case ScalarGraphType scalar when scalar.GetSpecifiedByUrl() is not null:
                RegisterOnce<SpecifiedByDirective>(SpecifiedByDirective.DirectiveName);
                break;
            case IInputObjectGraphType { IsOneOf: true }:
                RegisterOnce<OneOfDirective>(OneOfDirective.DirectiveName);
                break;
        }
    }

    private void RegisterOnce<TDirective>(string name)
        where TDirective : Directive, new()
    {
        if (Directives.Find(name) is null)
        {
            Directives.Register(new TDirective());
        }
    }
}
