using System.Diagnostics;

namespace NewsGraph.GraphQL.Diagnostics;

/// <summary>The span of one data loader batch: <c>DataLoader {loader}</c>, with the loader's name and the number of keys.</summary>
internal static class DataLoaderBatchActivity
{
    /// <summary>Null when nobody listens, so the span's name is only built for a trace that records it.</summary>
    public static Activity? Start(Func<string> name, int keys)
    {
        var source = GraphQLDiagnostics.ActivitySource;
        if (!source.HasListeners())
        {
            return null;
        }

        var loaderName = name();
        var activity = source.StartActivity($"DataLoader {loaderName}", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(GraphQLTelemetryAttributes.DataLoaderName, loaderName);
            activity.SetTag(GraphQLTelemetryAttributes.DataLoaderBatchSize, keys);
        }

        return activity;
    }

    public static void Failed(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("error.type", exception.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error);
    }
}
