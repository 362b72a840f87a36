using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// Serves Banana Cake Pop at a GraphQL endpoint's path, as Hot Chocolate does: a browser's <c>GET /graphql</c>
/// is sent to <c>/graphql/</c> (the IDE's files are referenced relative to the page, so the page must be a
/// "directory"), which serves the IDE, its files below it and the <c>bcp-config.json</c> it asks for.
/// Everything else (API requests, <c>?sdl</c>, non-browser clients) passes through to the endpoint.
/// </summary>
public sealed class BananaCakePopMiddleware
{
    public const string ConfigurationFile = "bcp-config.json";

    private readonly RequestDelegate _next;
    private readonly PathString _path;
    private readonly IOptionsMonitor<BananaCakePopOptions> _options;
    private readonly BananaCakePopAssets _assets;

    public BananaCakePopMiddleware(RequestDelegate next, PathString path, IOptionsMonitor<BananaCakePopOptions> options, BananaCakePopAssets assets)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _path = path.Value?.TrimEnd('/') is { Length: > 0 } trimmed ? new PathString(trimmed) : throw new ArgumentException("The IDE needs a path such as /graphql.", nameof(path));
        _options = options;
        _assets = assets;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var options = _options.CurrentValue;
        if (!options.Enabled || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(_path, StringComparison.OrdinalIgnoreCase, out var remaining))
        {
            return _next(context);
        }

        if (!remaining.HasValue)
        {
            return IsBrowserNavigation(request) ? RedirectToDirectoryAsync(context) : _next(context);
        }

        if (remaining == "/")
        {
            return IsBrowserNavigation(request) ? WriteIndexAsync(context) : _next(context);
        }

        var file = remaining.Value![1..];
        if (string.Equals(file, ConfigurationFile, StringComparison.Ordinal))
        {
            return WriteConfigurationAsync(context, options);
        }

        return _assets.TryGet(file, out var asset) ? WriteAssetAsync(context, asset) : _next(context);
    }

    /// <summary>
    /// A browser opening the page: it accepts HTML and asks for no GraphQL operation or schema.
    /// <c>GET /graphql?query=...</c> from a browser still runs the query.
    /// </summary>
    private static bool IsBrowserNavigation(HttpRequest request)
    {
        var query = request.Query;
        if (query.ContainsKey("query") || query.ContainsKey("sdl") || query.ContainsKey("documentId"))
        {
            return false;
        }

        var accept = request.Headers.Accept;
        return !StringValues.IsNullOrEmpty(accept)
            && MediaTypeHeaderValue.TryParseList(accept, out var entries)
            && entries.Any(e => e.Quality is not 0 && e.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private static Task RedirectToDirectoryAsync(HttpContext context)
    {
        var request = context.Request;
        // 302 rather than HC's 301: a permanent redirect is cached by the browser and would outlive
        // switching the IDE off or moving it.
        context.Response.Redirect(UriHelper.BuildRelative(request.PathBase, request.Path + "/", request.QueryString));
        return Task.CompletedTask;
    }

    private Task WriteIndexAsync(HttpContext context)
    {
        if (_assets.TryGet(BananaCakePopAssets.IndexFile, out var index))
        {
            return WriteAssetAsync(context, index);
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.WriteAsync(BananaCakePopMissingPage.Html, Encoding.UTF8, context.RequestAborted);
    }

    private Task WriteConfigurationAsync(HttpContext context, BananaCakePopOptions options)
    {
        var request = context.Request;
        // An absolute path (with PathBase, for apps behind a proxy prefix) that the IDE resolves against the page URL,
        // so scheme, host and port are always the ones the browser used.
        var configuration = new BananaCakePopConfiguration
        {
            UseBrowserUrlAsEndpoint = true,
            Endpoint = (request.PathBase + (options.GraphQLEndpoint ?? _path)).Value!,
            DisableTelemetry = options.DisableTelemetry,
            GaTrackingId = string.IsNullOrEmpty(options.GaTrackingId) ? null : options.GaTrackingId,
        };

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        return HttpMethods.IsHead(request.Method)
            ? Task.CompletedTask
            : JsonSerializer.SerializeAsync(response.Body, configuration, BananaCakePopJsonContext.Default.BananaCakePopConfiguration, context.RequestAborted);
    }

    private async Task WriteAssetAsync(HttpContext context, BananaCakePopAsset asset)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        await using var stream = _assets.Open(asset);
        response.ContentLength = stream.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await stream.CopyToAsync(response.Body, context.RequestAborted);
        }
    }
}
