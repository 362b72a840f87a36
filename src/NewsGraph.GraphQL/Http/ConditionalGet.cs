using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Http;

/// <summary>
/// Conditional GET and HEAD (RFC 9110 §13) for representations the server computes: <c>If-None-Match</c> is compared
/// weakly with the current entity tag (<c>*</c> matches any); only without it is <c>If-Modified-Since</c> looked at
/// (§13.2.2), and an unparseable date is ignored. A match is answered <c>304 Not Modified</c> with the same validators
/// and caching headers a <c>200</c> would carry.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Whether the client's copy is current, so a 304 answers the request.</summary>
    public static bool IsNotModified(HttpRequest request, HttpValidators validators)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validators);
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        if (request.Headers.ContainsKey(HeaderNames.IfNoneMatch))
        {
            // A header that does not parse matches nothing: the full response is always a safe answer.
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(validators.EntityTag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since
            && validators.LastModified is { } lastModified
            && lastModified <= since;
    }

    /// <summary>Sets <c>ETag</c>, <c>Last-Modified</c> (when known) and <c>Cache-Control: public, max-age</c>.</summary>
    public static void SetValidators(HttpResponse response, HttpValidators validators, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(validators);
        var headers = response.GetTypedHeaders();
        headers.ETag = validators.EntityTag;
        headers.LastModified = validators.LastModified;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = maxAge };
    }

    /// <summary>
    /// Sets the validators and, when the client's copy is current, answers 304 without a body: returns true, and the
    /// caller is done. Otherwise the caller writes the representation.
    /// </summary>
    public static bool TryAnswerNotModified(HttpContext context, HttpValidators validators, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        SetValidators(context.Response, validators, maxAge);
        if (!IsNotModified(context.Request, validators))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }
}
