namespace NewsGraph.TestSupport;

/// <summary>Files of the repository the tests check against (the schema snapshot, the example operations).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests run inside the repository, below NewsGraph.sln.");
    }
}
