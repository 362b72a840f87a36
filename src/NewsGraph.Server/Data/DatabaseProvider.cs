namespace NewsGraph.Server.Data;

/// <summary>The database engine NewsGraph keeps its content in (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: the default, for one machine (instances on one machine may share the file).</summary>
    Sqlite,

    /// <summary>A database server that any number of stateless instances on any number of machines share.</summary>
    PostgreSQL,
}
