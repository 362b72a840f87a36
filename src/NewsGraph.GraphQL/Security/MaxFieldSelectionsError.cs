using System.Globalization;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>The operation selects more fields than allowed once its fragments are spread in.</summary>
public sealed class MaxFieldSelectionsError : ValidationError
{
    public MaxFieldSelectionsError(ROM source, ASTNode node, double selections, int allowed)
        : base(source, null!, string.Create(CultureInfo.InvariantCulture,
            $"The GraphQL document selects {selections} fields once its fragments are spread, which exceeds the max allowed number of field selections of {allowed}."), node)
    {
        Code = SecurityErrorCodes.MaxFieldSelectionsExceeded;
    }
}
