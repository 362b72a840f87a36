using GraphQL;
using GraphQL.Execution;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Tests.Errors;

public sealed class ClientErrorInfoProviderTests
{
    private readonly ClientErrorInfoProvider _provider = new(new ErrorInfoProviderOptions { ExposeExceptionDetails = true });

    [Fact]
    public void Deliberate_errors_carry_their_code_but_no_stack_trace()
    {
        var error = ThrownError(new ExecutionError("The cursor `abc` is not valid.") { Code = "HC0078" });

        var info = _provider.GetInfo(error);

        Assert.Equal("HC0078", info.Extensions!["code"]);
        Assert.False(info.Extensions.ContainsKey("details"));
    }

    [Fact]
    public void Unexpected_exceptions_keep_their_details_when_details_are_exposed()
    {
        var error = new UnhandledError("Error trying to resolve field 'x'.", ThrownError(new InvalidOperationException("boom")));

        var info = _provider.GetInfo(error);

        Assert.Contains("boom", Assert.IsType<string>(info.Extensions!["details"]), StringComparison.Ordinal);
    }

    private static T ThrownError<T>(T exception)
        where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T thrown)
        {
            return thrown;
        }
    }
}
