using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>
/// Parsed documents that passed full validation, by schema instance and exact text, so a repeated document is neither
/// parsed nor validated by the core rules again (<see cref="ValidatedDocumentCacheExecution"/>). Identical texts also
/// share one string and one AST, which matters for subscriptions: each keeps its document for its lifetime.
/// Reads are lock-free; adds (misses only, after a full validation) take a lock so the bounds hold exactly.
/// When full, an add evicts every entry not used since the previous eviction (a cheap approximation of LRU: documents
/// in use survive a flood of one-off ones); if all were used, the new document is not stored this time.
/// </summary>
public sealed class ValidatedDocumentCache
{
    private readonly ConcurrentDictionary<Key, CachedDocument> _entries = new();
    private readonly Lock _writeLock = new();
    private int _count;

    public ValidatedDocumentCache(ValidatedDocumentCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxEntries);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDocumentLength);
        Options = options;
    }

    public ValidatedDocumentCacheOptions Options { get; }

    /// <summary>Documents stored now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Whether a document of this text could be stored at all (cache enabled, not too long).</summary>
    public bool Accepts(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Options.MaxEntries > 0 && text.Length <= Options.MaxDocumentLength;
    }

    public bool TryGet(ISchema schema, string text, [NotNullWhen(true)] out CachedDocument? document)
    {
        if (!_entries.TryGetValue(new Key(schema, text), out document))
        {
            return false;
        }

        // Written only when it changes: a store on every hit would bounce the cache line between cores.
        if (!document.Used)
        {
            document.Used = true;
        }

        return true;
    }

    /// <summary>Stores a document that passed full validation; returns the entry now stored for its text, or null when not stored.</summary>
    public CachedDocument? Add(ISchema schema, string text, GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        if (!Accepts(text))
        {
            return null;
        }

        var key = new Key(schema, text);
        lock (_writeLock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                return existing;
            }

            if (_count >= Options.MaxEntries && !EvictUnused())
            {
                return null;
            }

            var entry = new CachedDocument(text, document);
            _entries[key] = entry;
            _count++;
            return entry;
        }
    }

    /// <summary>Removes the entries not used since the last sweep and marks the rest unused; true when any was removed.</summary>
    private bool EvictUnused()
    {
        var removed = false;
        foreach (var (key, entry) in _entries)
        {
            if (entry.Used)
            {
                entry.Used = false;
            }
            else if (_entries.TryRemove(key, out _))
            {
                _count--;
                removed = true;
            }
        }

        return removed;
    }

    /// <summary>The schema by reference (a document valid for one schema may not be for another) and the text by ordinal comparison.</summary>
    private readonly struct Key(ISchema schema, string text) : IEquatable<Key>
    {
        private readonly ISchema _schema = schema;
        private readonly string _text = text;

        public bool Equals(Key other) => ReferenceEquals(_schema, other._schema) && string.Equals(_text, other._text, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_schema), string.GetHashCode(_text, StringComparison.Ordinal));
    }
}
