using System.Security.Claims;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Http;
using NewsGraph.GraphQL.Security;

namespace NewsGraph.GraphQL.Execution;

/// <summary>Who executes a request and with which services and extra rules; independent of the transport.</summary>
public sealed class GraphQLRequestContext
{
    /// <summary>The scope the operation resolves services (loaders, DbContext factories) from.</summary>
    public required IServiceProvider RequestServices { get; init; }

    public ClaimsPrincipal? User { get; init; }

    /// <summary>Rules run in addition to <see cref="DocumentValidator.CoreRules"/> (e.g. "no mutations over GET").</summary>
    public IReadOnlyList<IValidationRule> AdditionalValidationRules { get; init; } = [];

    /// <summary>Identifies the request in logs (the <c>GraphQLRequestId</c> of the operation's logging scope); for HTTP the ASP.NET Core trace identifier.</summary>
    public string? RequestId { get; init; }

    /// <summary>Optional user context; the engine creates an empty one when null.</summary>
    public IDictionary<string, object?>? UserContext { get; init; }

    /// <summary>What the request asks to learn of its cost (the <c>GraphQL-Cost</c> header).</summary>
    public CostReportMode CostMode { get; init; }

    /// <summary>
    /// Compute the operation's cost (left in <see cref="UserContext"/> under <see cref="CostValidationRule.UserContextKey"/>)
    /// even when no cost limit is set: a batch spends it from its budget.
    /// </summary>
    public bool MeasureCost { get; init; }

    public static GraphQLRequestContext FromHttpContext(HttpContext httpContext, IReadOnlyList<IValidationRule>? additionalValidationRules = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return new GraphQLRequestContext
        {
            RequestServices = httpContext.RequestServices,
            User = httpContext.User,
            RequestId = httpContext.TraceIdentifier,
            AdditionalValidationRules = additionalValidationRules ?? [],
            CostMode = GraphQLCostHeader.Read(httpContext.Request),
        };
    }
}
