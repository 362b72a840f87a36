using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Security;

/// <summary>The document nests fields deeper than allowed; Hot Chocolate's message.</summary>
public sealed class MaxExecutionDepthError : ValidationError
{
    public MaxExecutionDepthError(ROM source, ASTNode node, int detectedDepth, int allowedDepth)
        : base(source, null!, $"The GraphQL document has an execution depth of {detectedDepth} which exceeds the max allowed execution depth of {allowedDepth}.", node)
    {
        Code = SecurityErrorCodes.MaxExecutionDepthExceeded;
    }
}
