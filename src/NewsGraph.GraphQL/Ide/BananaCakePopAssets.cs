using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace NewsGraph.GraphQL.Ide;

/// <summary>
/// The IDE's static files, embedded at build time from the npm package
/// <c>@chillicream/bananacakepop-graphql-ide</c> (see the project file). Empty when the build had no npm:
/// then <see cref="IsAvailable"/> is false and the middleware explains how to get the IDE.
/// </summary>
public sealed class BananaCakePopAssets
{
    /// <summary>Prefix of the resources' logical names; the rest is the file's path in the npm package.</summary>
    public const string ResourcePrefix = "NewsGraph.GraphQL.Ide.BananaCakePop/";

    public const string IndexFile = "index.html";

    private readonly Assembly _assembly;
    private readonly Dictionary<string, BananaCakePopAsset> _files;

    public BananaCakePopAssets()
        : this(typeof(BananaCakePopAssets).Assembly)
    {
    }

    public BananaCakePopAssets(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _assembly = assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        _files = new Dictionary<string, BananaCakePopAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // MSBuild's RecursiveDir uses the build machine's separator.
            var path = resource[ResourcePrefix.Length..].Replace('\\', '/');
            var contentType = contentTypes.TryGetContentType(path, out var known) ? known : "application/octet-stream";
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/javascript" or "text/javascript" or "application/json" or "application/manifest+json")
            {
                contentType += "; charset=utf-8";
            }

            _files[path] = new BananaCakePopAsset(resource, contentType, path.StartsWith("static/", StringComparison.Ordinal));
        }
    }

    /// <summary>True when the build embedded the IDE (its <c>index.html</c> is here).</summary>
    public bool IsAvailable => _files.ContainsKey(IndexFile);

    /// <summary>Looks a file up by its path relative to the IDE's root, e.g. <c>static/js/main.js</c>.</summary>
    public bool TryGet(string path, out BananaCakePopAsset asset)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _files.TryGetValue(path, out asset!);
    }

    public Stream Open(BananaCakePopAsset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return _assembly.GetManifestResourceStream(asset.ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{asset.ResourceName}' is missing.");
    }
}
