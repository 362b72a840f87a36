using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsGraph.GraphQL.Diagnostics;
using NewsGraph.GraphQL.Execution;

namespace NewsGraph.GraphQL.WebSockets;

/// <summary>
/// What both sub-protocols share: the receive loop, the bounded send queue, the initialization handshake and its
/// timeout, keep-alive, and the operations of the connection (each executed in its own DI scope through
/// <see cref="IGraphQLRequestExecutor"/>, so limits and persisted operations apply as over HTTP; at most
/// <see cref="GraphQLWebSocketOptions.MaxOperationsPerConnection"/> at once, and the send queue grows with them).
/// Subclasses map message types to these steps.
/// </summary>
internal abstract class WebSocketSession : IDisposable
{
    private const int WaitingForInit = 0;
    private const int Initializing = 1;
    private const int Acknowledged = 2;

    private readonly HttpContext _httpContext;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IGraphQLRequestExecutor _executor;
    private readonly IWebSocketConnectionInitializer _initializer;
    private readonly IServiceScopeFactory _scopes;
    private readonly GraphQLMetrics? _metrics;
    private readonly WebSocketMessageReader _reader;
    private readonly StreamingOperationSet _operations = new();
    private readonly int _maxOperations;
    private readonly CancellationTokenSource _lifetime = new();
    private int _state;
    private ClaimsPrincipal _user;
    // Read-only once set: every operation executes with its own copy. Shared and empty until an init payload or the
    // initializer puts something in it, so most connections keep no dictionary of their own.
    private static readonly Dictionary<string, object?> NoUserContext = new(StringComparer.Ordinal);
    private Dictionary<string, object?> _userContext = NoUserContext;
    private Timer? _initializationTimer;
    // Set while registered with the shared keep-alive timer; both under _keepAliveGate.
    private readonly object _keepAliveGate = new();
    private TimeSpan? _keepAliveInterval;
    private bool _keepAliveEnded;

    protected WebSocketSession(HttpContext httpContext, WebSocket socket, string subProtocol, GraphQLWebSocketOptions options, ILogger logger)
    {
        _httpContext = httpContext;
        _options = options;
        Logger = logger;
        SubProtocol = subProtocol;
        var services = httpContext.RequestServices;
        _executor = services.GetRequiredService<IGraphQLRequestExecutor>();
        _initializer = services.GetService<IWebSocketConnectionInitializer>() ?? new AcceptingWebSocketConnectionInitializer();
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _metrics = services.GetService<GraphQLMetrics>();
        Serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        Queue = new WebSocketSendQueue(socket, options.SendQueueCapacity, options.CloseTimeout);
        _maxOperations = Math.Max(1, options.MaxOperationsPerConnection);
        _reader = new WebSocketMessageReader(socket, options.MaxMessageSize);
        _user = httpContext.User;
    }

    public string SubProtocol { get; }

    internal WebSocketSendQueue Queue { get; }

    protected IGraphQLTextSerializer Serializer { get; }

    protected ILogger Logger { get; }

    protected bool IsAcknowledged => Volatile.Read(ref _state) == Acknowledged;

    /// <summary>The message type of a result: <c>next</c> or the legacy <c>data</c>.</summary>
    protected abstract string ResultMessageType { get; }

    /// <summary>The keep-alive message: <c>ping</c> or the legacy <c>ka</c>.</summary>
    protected abstract ReadOnlyMemory<byte> KeepAliveMessage { get; }

    /// <summary>The legacy protocol's clients expect a <c>ka</c> right after the ack, not one interval later.</summary>
    protected virtual bool KeepAliveRightAfterAck => false;

    /// <summary>Runs the connection until either side closes it or it breaks.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var writer = Queue.RunAsync();
        using var stoppingRegistration = stopping.Register(static state => ((WebSocketSession)state!).GoAway(), this);
        StartInitializationTimeout();
        try
        {
            // The wait for the next message is the socket's own task awaited right here, not inside a receive-loop
            // or reader method: an idle connection keeps no suspended frame besides this one.
            while (true)
            {
                var peek = await _reader.WaitForMessageAsync(Queue.AbortToken).ConfigureAwait(false);
                var read = await _reader.ReadAsync(peek, Queue.AbortToken).ConfigureAwait(false);
                if (!await HandleAsync(read).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Aborted by the client or by us (close handshake not answered in time): nothing to tell anyone.
            WebSocketLog.ConnectionLost(Logger, ex);
        }
        finally
        {
            StopInitializationTimeout();
            _lifetime.Cancel();
            StopKeepAlive();
            EndAllOperations();
            Close(WebSocketCloseCodes.NormalClosure, string.Empty);
            await writer.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _lifetime.Dispose();
        Queue.Dispose();
    }

    /// <summary>
    /// The server is shutting down: the close frame 1001 follows what is already queued, nothing is queued after it,
    /// and the operations end now instead of when the client answers the close. No <c>complete</c> is sent: to the
    /// client a completed subscription is over, while one cut by 1001 is subscribed again when it reconnects (to
    /// another instance).
    /// </summary>
    private void GoAway()
    {
        Close(WebSocketCloseCodes.GoingAway, "Server shutting down");
        EndAllOperations();
    }

    /// <summary>Handles one parsed message; protocol violations throw <see cref="WebSocketProtocolException"/>.</summary>
    protected abstract Task HandleMessageAsync(WebSocketClientMessage message);

    /// <summary>Sends the protocol's error message for an operation that failed before or during execution, and ends it.</summary>
    protected abstract void SendOperationError(StreamingOperation operation, ExecutionResult result);

    /// <summary>Tells the client its <c>connection_init</c> was refused, before the 4403 close (legacy only).</summary>
    protected virtual void OnConnectionRejected(string reason)
    {
    }

    protected void Send(ReadOnlyMemory<byte> message)
    {
        if (!Queue.TrySend(message) && Queue.Overflowed)
        {
            WebSocketLog.SendQueueFull(Logger, Queue.Capacity);
        }
    }

    protected void Close(int closeCode, string reason)
    {
        if (!Queue.IsClosing && closeCode != WebSocketCloseCodes.NormalClosure)
        {
            WebSocketLog.Closing(Logger, closeCode, reason);
        }

        Queue.Close(closeCode, reason);
    }

    /// <summary>
    /// The <c>connection_init</c> handshake: a second one is 4429; the initializer may refuse (4403) or set the user
    /// and user context every operation of the connection executes with.
    /// </summary>
    protected async Task InitializeAsync(WebSocketClientMessage message)
    {
        if (!message.HasOptionalObjectPayload)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, "Invalid message received: the connection_init payload must be an object");
        }

        if (Interlocked.CompareExchange(ref _state, Initializing, WaitingForInit) != WaitingForInit)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
        }

        IReadOnlyDictionary<string, object?>? payload = message.Payload is { ValueKind: JsonValueKind.Object } raw
            ? Serializer.Deserialize<Inputs>(raw.GetRawText())
            : null;
        var userContext = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (payload is { Count: > 0 })
        {
            userContext[WebSocketUserContextKeys.ConnectionInitPayload] = payload;
        }

        var context = new WebSocketConnectionInitContext(_httpContext, SubProtocol, payload, userContext);
        var result = await _initializer.InitializeAsync(context, _lifetime.Token).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            var reason = string.IsNullOrEmpty(result.Reason) ? "Forbidden" : result.Reason;
            OnConnectionRejected(reason);
            Close(WebSocketCloseCodes.Forbidden, reason);
            return;
        }

        _user = context.User;
        _userContext = userContext.Count > 0 ? userContext : NoUserContext;
        Volatile.Write(ref _state, Acknowledged);
        StopInitializationTimeout();
        Send(WebSocketMessageWriter.Write("connection_ack", rawPayload: result.AckPayload is null ? null : Serializer.Serialize(result.AckPayload)));
        StartKeepAlive();
    }

    /// <summary>
    /// Starts an operation without blocking the receive loop. The id is reserved first, so a duplicate is refused
    /// (4409) or, for the legacy protocol, replaces the operation it names. One operation more than the connection may
    /// run is refused with an <c>error</c> for its id, and the connection goes on.
    /// </summary>
    protected void StartOperation(string id, JsonElement? payload, bool replaceActive)
    {
        if (!IsAcknowledged)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.Unauthorized, "Unauthorized");
        }

        var request = ReadRequest(payload);
        var operation = new StreamingOperation(id);
        // Room for a burst on every operation, made before the operation can produce anything.
        var admission = _operations.TryAdd(operation, _maxOperations, replaceActive, out var replaced,
            count => Queue.EnsureCapacity(_options.SendQueueCapacity + (Math.Max(0, _options.SendQueueCapacityPerOperation) * count)));
        switch (admission)
        {
            case StreamingOperationAdmission.IdInUse:
                throw new WebSocketProtocolException(WebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            case StreamingOperationAdmission.TooMany:
                Refuse(operation);
                return;
            case StreamingOperationAdmission.Closed:
                return;
        }

        replaced?.End();
        _ = ExecuteAsync(operation, request);
    }

    /// <summary>The connection runs as many operations as it may: this one gets an <c>error</c> and never starts.</summary>
    private void Refuse(StreamingOperation operation)
    {
        WebSocketLog.OperationRefused(Logger, operation.Id, _maxOperations);
        // Never registered, so ending it with its error touches no active operation that has the same id.
        SendOperationError(operation, new ExecutionResult { Errors = [new MaxOperationsPerConnectionError(_maxOperations)] });
    }

    /// <summary>The client stops an operation; unknown ids (already completed) are ignored, as the protocol asks.</summary>
    protected void StopOperation(string id) => _operations.Stop(id);

    /// <summary>Sends a result of a still-active operation (ignored once it ended, e.g. completed by the client).</summary>
    internal void SendResult(StreamingOperation operation, ExecutionResult result)
    {
        if (operation.HasEnded)
        {
            return;
        }

        // The payload is serialized once per result: subscribers sharing it (SharedResultSubscriptionExecutionStrategy)
        // only add their own id around the same bytes.
        var payload = SerializedExecutionResults.GetUtf8(result, Serializer);
        var prefix = operation.ResultPrefix ??= WebSocketMessageWriter.ResultPrefix(ResultMessageType, operation.Id);
        var message = WebSocketMessageWriter.WriteResult(prefix, payload, out var rented);
        if (!Queue.TrySend(message, rented) && Queue.Overflowed)
        {
            WebSocketLog.SendQueueFull(Logger, Queue.Capacity);
        }
    }

    /// <summary>The operation is done (single result sent or stream completed): <c>complete</c>, then release it.</summary>
    internal void SendComplete(StreamingOperation operation)
    {
        if (Finish(operation))
        {
            Send(WebSocketMessageWriter.Write("complete", operation.Id));
        }
    }

    /// <summary>The event stream failed: an <c>error</c> message ends the operation (no <c>complete</c> follows).</summary>
    internal void SendStreamError(StreamingOperation operation, Exception exception)
    {
        var error = exception as ExecutionError ?? new ExecutionError("Response stream error.", exception);
        SendOperationError(operation, new ExecutionResult { Errors = [error] });
    }

    /// <summary>Removes the operation from the connection and releases it; false when it had already ended.</summary>
    protected bool Finish(StreamingOperation operation) => _operations.Finish(operation);

    /// <summary>The <c>errors</c> array of a result as the GraphQL serializer writes it (with the error info provider's shape).</summary>
    protected string SerializeErrors(ExecutionResult result)
    {
        using var document = JsonDocument.Parse(Serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    /// <summary>Handles what one read brought; false once the connection is over (the client's close frame).</summary>
    private async Task<bool> HandleAsync(WebSocketReadResult read)
    {
        if (read.IsClose)
        {
            // Either the client closes (answer it) or it answers our close (no-op): the connection is over.
            Close(WebSocketCloseCodes.NormalClosure, string.Empty);
            return false;
        }

        if (Queue.IsClosing)
        {
            // Closing: whatever the client still sends is read only to reach its close frame.
            return true;
        }

        if (read.TooBig)
        {
            Close(WebSocketCloseCodes.MessageTooBig, $"Message larger than {_options.MaxMessageSize} bytes");
            return true;
        }

        if (!WebSocketClientMessage.TryParse(read.Message, out var message))
        {
            Close(WebSocketCloseCodes.BadRequest, "Invalid message received: not a JSON object with a string 'type'");
            return true;
        }

        try
        {
            await HandleMessageAsync(message!).ConfigureAwait(false);
        }
        catch (WebSocketProtocolException ex)
        {
            Close(ex.CloseCode, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_lifetime.IsCancellationRequested)
        {
            WebSocketLog.UnexpectedError(Logger, ex);
            Close(WebSocketCloseCodes.InternalServerError, "Internal server error");
        }

        return true;
    }

    private async Task ExecuteAsync(StreamingOperation operation, GraphQLRequest request)
    {
        try
        {
            var context = new GraphQLRequestContext
            {
                RequestServices = operation.CreateScope(_scopes),
                User = _user,
                // The connection's request and the client's operation id: the operations of one connection told apart in logs.
                RequestId = $"{_httpContext.TraceIdentifier}:{operation.Id}",
                // A copy per operation: the engine and resolvers may write to it.
                UserContext = new Dictionary<string, object?>(_userContext, StringComparer.Ordinal),
            };
            var result = await _executor.ExecuteAsync(request, context, operation.Token).ConfigureAwait(false);
            if (operation.HasEnded)
            {
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                // Subscriptions have a single root field, hence a single stream.
                var subscription = streams.Values.First().Subscribe(new WebSocketOperationObserver(this, operation));
                operation.TryAttach(CountedSubscription.Track(subscription, _metrics, GraphQLTransport.WebSocket));
                return;
            }

            if (result.Executed)
            {
                SendResult(operation, result);
                SendComplete(operation);
            }
            else
            {
                SendOperationError(operation, result);
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // Completed by the client or the connection closed while executing: nothing more to send.
        }
        catch (Exception ex)
        {
            WebSocketLog.UnexpectedError(Logger, ex);
            Finish(operation);
            Close(WebSocketCloseCodes.InternalServerError, "Internal server error");
        }
    }

    /// <summary>
    /// Checks the payload as the graphql-ws reference server does (4400 otherwise) and reads it as a request.
    /// <c>query</c> may be missing only when a persisted operation is named (id, documentId or extensions).
    /// </summary>
    private GraphQLRequest ReadRequest(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } body)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, "Invalid message received: the payload must be a GraphQL request object");
        }

        var hasQuery = body.TryGetProperty("query", out var query) && query.ValueKind == JsonValueKind.String;
        var namesPersisted = body.TryGetProperty("id", out _) || body.TryGetProperty("documentId", out _)
            || body.TryGetProperty("doc_id", out _) || body.TryGetProperty("extensions", out _);
        if ((!hasQuery && !namesPersisted)
            || (body.TryGetProperty("query", out query) && query.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            || !IsOptional(body, "variables", JsonValueKind.Object)
            || !IsOptional(body, "extensions", JsonValueKind.Object)
            || !IsOptional(body, "operationName", JsonValueKind.String))
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest,
                "Invalid message received: the payload needs a string 'query', optional string 'operationName' and optional object 'variables' and 'extensions'");
        }

        try
        {
            return Serializer.Deserialize<GraphQLRequest>(body.GetRawText())
                ?? throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, "Invalid message received: empty payload");
        }
        catch (Exception ex) when (ex is not WebSocketProtocolException)
        {
            throw new WebSocketProtocolException(WebSocketCloseCodes.BadRequest, "Invalid message received: the payload is not a GraphQL request");
        }
    }

    private static bool IsOptional(JsonElement body, string name, JsonValueKind kind)
        => !body.TryGetProperty(name, out var value) || value.ValueKind == kind || value.ValueKind == JsonValueKind.Null;

    /// <summary>
    /// A one-shot timer that closes the connection if it is not acknowledged in time. Disposed at the ack (and at the
    /// end), so an acknowledged connection keeps no timer or cancellation registration for it.
    /// </summary>
    private void StartInitializationTimeout()
    {
        var timeout = _options.ConnectionInitializationTimeout;
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var timer = new Timer(static state => ((WebSocketSession)state!).OnInitializationTimeout(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _initializationTimer = timer;
        timer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    private void OnInitializationTimeout()
    {
        StopInitializationTimeout();
        if (!IsAcknowledged && !_lifetime.IsCancellationRequested)
        {
            Close(WebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private void StopInitializationTimeout() => Interlocked.Exchange(ref _initializationTimer, null)?.Dispose();

    /// <summary>Right after the ack: the legacy protocol's first <c>ka</c>, then the process-wide keep-alive timer.</summary>
    private void StartKeepAlive()
    {
        if (KeepAliveRightAfterAck)
        {
            Send(KeepAliveMessage);
        }

        var interval = _options.KeepAliveInterval;
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_keepAliveGate)
        {
            if (_keepAliveEnded)
            {
                return; // the connection ended while the ack was sent
            }

            _keepAliveInterval = interval;
            WebSocketKeepAlive.Register(this, interval);
        }
    }

    private void StopKeepAlive()
    {
        lock (_keepAliveGate)
        {
            _keepAliveEnded = true;
            if (_keepAliveInterval is { } interval)
            {
                _keepAliveInterval = null;
                WebSocketKeepAlive.Unregister(this, interval);
            }
        }
    }

    /// <summary>Called by the shared keep-alive timer.</summary>
    internal void SendKeepAlive()
    {
        if (!Queue.IsClosing)
        {
            Send(KeepAliveMessage);
        }
    }

    private void EndAllOperations() => _operations.EndAll(close: false);
}
