using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Serves documents from <see cref="ValidatedDocumentCache"/>: on a hit the cached AST is executed with
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> only (the request's limits, transport rules and
/// authorization: whatever depends on the user or the variables), and variables are still coerced by the engine.
/// On a miss the document is parsed here, validated with the full rule set, and stored once it executed.
/// </summary>
public sealed class ValidatedDocumentCacheExecution : IConfigureExecution
{
    private readonly ValidatedDocumentCache _cache;
    private readonly IDocumentBuilder _documentBuilder;

    public ValidatedDocumentCacheExecution(ValidatedDocumentCache cache, IDocumentBuilder documentBuilder)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _documentBuilder = documentBuilder ?? throw new ArgumentNullException(nameof(documentBuilder));
    }

    /// <summary>
    /// Innermost of the configurations: GraphQL.NET runs them by ascending sort order, outermost first, and
    /// <c>AddValidationRule</c> appends its rules at 100, other <c>Use*</c>/<c>ConfigureExecution</c> steps at 200. By now the
    /// rule lists are complete, the schema is set and a persisted document is text.
    /// </summary>
    public float SortOrder => 1_000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(next);
        if (options.Document is not null || options.Query is not { } query || options.Schema is not { } schema || !_cache.Accepts(query))
        {
            return await next(options).ConfigureAwait(false);
        }

        if (_cache.TryGet(schema, query, out var cached))
        {
            options.Query = cached.Text;
            options.Document = cached.Document;
            options.ValidationRules = RulesForCachedDocument(options);
            return await next(options).ConfigureAwait(false);
        }

        var document = TryParse(query);
        if (document is null)
        {
            // The engine parses it again and reports the syntax error as usual.
            return await next(options).ConfigureAwait(false);
        }

        options.Document = document;
        var result = await next(options).ConfigureAwait(false);
        // Executed: parsed, valid (all rules, the user's and the variables' included) and run. A document refused for
        // this request only (limits, authorization, variables) is simply validated again next time.
        if (result.Executed && RanCoreRules(options.ValidationRules))
        {
            _cache.Add(schema, query, document);
        }

        return result;
    }

    private GraphQLDocument? TryParse(string query)
    {
        try
        {
            return _documentBuilder.Build(query);
        }
#pragma warning disable CA1031 // Any parse failure is reported by the executer, which parses again.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static IEnumerable<IValidationRule> RulesForCachedDocument(ExecutionOptions options)
    {
        // Null would mean the core rules; an empty list still coerces the variables.
        var rules = options.CachedDocumentValidationRules ?? [];
        // The one core rule that reads argument values (so the variables): kept where the schema has argument validators.
        if (options.Schema!.GetMetadata<bool>(FieldArgumentsAreValidRule.HAS_FIELD_ARGUMENT_VALIDATION_KEY) && !rules.Contains(FieldArgumentsAreValidRule.Instance))
        {
            rules = rules.Append(FieldArgumentsAreValidRule.Instance);
        }

        return rules;
    }

    /// <summary>Only a document every core rule accepted is stored (not one a caller validated with a reduced list).</summary>
    private static bool RanCoreRules(IEnumerable<IValidationRule>? rules)
    {
        if (rules is null)
        {
            return true;
        }

        var ran = rules as ICollection<IValidationRule> ?? [.. rules];
        return DocumentValidator.CoreRules.All(ran.Contains);
    }
}
