using System.Globalization;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>The operation's estimated cost is above the limit; Hot Chocolate's messages and code (HC0047).</summary>
public sealed class CostExceededError : ValidationError
{
    private CostExceededError(ROM source, ASTNode node, string message)
        : base(source, null!, message, node)
    {
        Code = SecurityErrorCodes.CostExceeded;
    }

    public static CostExceededError FieldCost(ROM source, ASTNode node, double cost, double max)
        => new(source, node, string.Create(CultureInfo.InvariantCulture,
            $"The maximum allowed field cost was exceeded. The operation has a field cost of {cost} and the maximum allowed field cost is {max}."));

    public static CostExceededError TypeCost(ROM source, ASTNode node, double cost, double max)
        => new(source, node, string.Create(CultureInfo.InvariantCulture,
            $"The maximum allowed type cost was exceeded. The operation has a type cost of {cost} and the maximum allowed type cost is {max}."));
}
