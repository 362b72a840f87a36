using GraphQL;
using Microsoft.AspNetCore.Http;
using NewsGraph.GraphQL.Execution;
using NewsGraph.GraphQL.Streaming;

namespace NewsGraph.GraphQL.Sse;

/// <summary>
/// One stream of graphql-sse's single connection mode, from its reservation (<c>PUT</c>) until its event stream
/// ends: the operations started on its token and the queue of their events. Events of operations started before the
/// event stream opens wait in the queue. It lives in the memory of the instance that reserved it.
/// </summary>
internal sealed class SseEventStream
{
    private const int Reserved = 0;
    private const int Open = 1;
    private const int Closed = 2;

    private readonly SseEventStreams _streams;
    private readonly StreamingOperationSet _operations = new();
    private readonly object _gate = new();
    private readonly int _maxOperations;
    private int _state;
    private HttpContext? _connection;
    private IDisposable? _expiry;

    public SseEventStream(SseEventStreams streams, string token, string owner, GraphQLSseOptions options, IGraphQLTextSerializer serializer)
    {
        _streams = streams;
        Token = token;
        Owner = owner;
        Serializer = serializer;
        _maxOperations = Math.Max(1, options.MaxOperationsPerStream);
        // Room for the complete of every operation, and of one refused beyond the limit.
        Queue = new ResultStreamQueue(options.SendQueueCapacity, finalFrames: _maxOperations + 1, OnOverflow);
    }

    public string Token { get; }

    /// <summary>The principal that reserved the stream (<see cref="SseStreamOwner"/>).</summary>
    public string Owner { get; }

    public ResultStreamQueue Queue { get; }

    public IGraphQLTextSerializer Serializer { get; }

    public int MaxOperations => _maxOperations;

    public bool IsClosed => Volatile.Read(ref _state) == Closed;

    public bool IsOpen => Volatile.Read(ref _state) == Open;

    /// <summary>Drops the reservation after <paramref name="timeout"/> unless the event stream opened meanwhile.</summary>
    public void ExpireAfter(TimeSpan timeout, TimeProvider clock)
    {
        var timer = clock.CreateTimer(static state => ((SseEventStream)state!).Expire(), this, timeout, Timeout.InfiniteTimeSpan);
        lock (_gate)
        {
            if (_state == Reserved)
            {
                _expiry = timer;
                return;
            }
        }

        timer.Dispose();
    }

    /// <summary>The event stream opens on <paramref name="connection"/>: Open if it was reserved, else the state it is in.</summary>
    public SseStreamOpening TryOpen(HttpContext connection)
    {
        IDisposable? expiry;
        lock (_gate)
        {
            if (_state != Reserved)
            {
                return _state == Open ? SseStreamOpening.AlreadyOpen : SseStreamOpening.Closed;
            }

            _state = Open;
            _connection = connection;
            expiry = _expiry;
            _expiry = null;
        }

        expiry?.Dispose();
        _streams.ReservationEnded();
        return SseStreamOpening.Opened;
    }

    /// <summary>Registers an operation under its id, unless the id is in use, the stream runs all it may, or it has closed.</summary>
    public StreamingOperationAdmission TryAdd(StreamingOperation operation)
        => _operations.TryAdd(operation, _maxOperations, replaceActive: false, out _);

    /// <summary>The client stops an operation (<c>DELETE</c>): it ends without <c>complete</c>. False when no such operation runs.</summary>
    public bool Stop(string operationId) => _operations.Stop(operationId);

    /// <summary>A result of a still-active operation (ignored once it ended).</summary>
    public void SendResult(StreamingOperation operation, ExecutionResult result)
    {
        if (operation.HasEnded)
        {
            return;
        }

        // Serialized once per result: every stream sharing it only adds its own id around the same bytes.
        var prefix = operation.ResultPrefix ??= SseEventFormatter.OperationNextPrefix(operation.Id);
        Queue.TryEnqueue(SseEventFormatter.OperationNext(prefix, SerializedExecutionResults.GetUtf8(result, Serializer)));
    }

    /// <summary>The operation is done: <c>complete</c> for its id, then it is released.</summary>
    public void SendComplete(StreamingOperation operation)
    {
        if (Finish(operation))
        {
            Queue.TryEnqueueFinal(SseEventFormatter.OperationComplete(operation.Id));
        }
    }

    /// <summary>An operation refused before it started: its errors as a <c>next</c>, then <c>complete</c>; nothing registered.</summary>
    public void Refuse(string operationId, ExecutionResult result)
    {
        Queue.TryEnqueue(SseEventFormatter.OperationNext(SseEventFormatter.OperationNextPrefix(operationId), SerializedExecutionResults.GetUtf8(result, Serializer)));
        Queue.TryEnqueueFinal(SseEventFormatter.OperationComplete(operationId));
    }

    /// <summary>Removes the operation and releases it; false when it had already ended.</summary>
    public bool Finish(StreamingOperation operation) => _operations.Finish(operation);

    /// <summary>
    /// The stream is over (its event stream ended, it expired, it overflowed, the server stops): the token is
    /// forgotten, every operation ends (no <c>complete</c>: a client that still waits reconnects and starts them again)
    /// and the writer stops after what is queued. Idempotent.
    /// </summary>
    public void Close()
    {
        IDisposable? expiry;
        bool wasReserved;
        lock (_gate)
        {
            if (_state == Closed)
            {
                return;
            }

            wasReserved = _state == Reserved;
            _state = Closed;
            expiry = _expiry;
            _expiry = null;
            _connection = null;
        }

        expiry?.Dispose();
        _streams.Remove(this, wasReserved);
        Queue.Complete();
        _operations.EndAll(close: true);
    }

    private void Expire()
    {
        if (Volatile.Read(ref _state) == Reserved)
        {
            _streams.Expired();
            Close();
        }
    }

    /// <summary>The client reads too slowly (or never opened the stream while its operations produced): it is dropped.</summary>
    private void OnOverflow()
    {
        HttpContext? connection;
        lock (_gate)
        {
            connection = _connection;
        }

        _streams.Overflowed();
        // An open stream stops writing at once: its backlog is dropped with the connection.
        connection?.Abort();
        Close();
    }
}
