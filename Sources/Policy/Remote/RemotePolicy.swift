import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A model served behind an OpenAI-compatible API (vLLM, llama.cpp's server, Ollama, or OpenAI
/// itself), for models too large for the CPU engine.
///
/// Chat prompts go to `/v1/chat/completions`, raw ones to `/v1/completions`. Transport errors,
/// timeouts, 408, 429 and 5xx answers are retried with exponential backoff; other errors are
/// reported with the server's message. Servers that return fewer than `n` choices (Ollama
/// ignores `n`) are asked again until there are `n`.
public struct RemotePolicy: CompletionSource {
    /// The server's base URL as given (`http://host:8000`, `.../v1`, or a full endpoint URL).
    public let endpoint: URL
    public let modelName: String
    /// Seconds before one request is abandoned (and retried).
    public var timeout: TimeInterval = 600
    /// Further attempts after a failed one.
    public var retries = 3
    /// Sent as a bearer token when set.
    public var apiKey: String?
    /// Backoff before retry k (0-based) is `backoff * 2^k` seconds.
    public var backoff: TimeInterval = 1

    /// Sequences asked for at once across the prompts of a batch (the server batches them itself).
    public var concurrentSequences = 32

    public init(endpoint: URL, modelName: String, apiKey: String? = nil) {
        self.endpoint = endpoint
        self.modelName = modelName
        self.apiKey = apiKey
    }

    /// The URL a request of this kind goes to.
    func url(chat: Bool) -> URL {
        let path = endpoint.path
        let leaf = chat ? "chat/completions" : "completions"
        if path.hasSuffix("/chat/completions") || path.hasSuffix("/completions") {
            // A full endpoint URL: use it for its own kind, and its sibling for the other.
            let base = endpoint.deletingLastPathComponent()
            let root = path.hasSuffix("/chat/completions") ? base.deletingLastPathComponent() : base
            return root.appendingPathComponent(leaf)
        }
        if path.hasSuffix("/v1") || path.hasSuffix("/v1/") { return endpoint.appendingPathComponent(leaf) }
        return endpoint.appendingPathComponent("v1").appendingPathComponent(leaf)
    }

    public var preferredBatchSequences: Int { concurrentSequences }

    /// The prompts of a batch as concurrent requests, so a batching server (vLLM) sees them
    /// together; answers come back in the batch's order.
    public func complete(batch: [(prompt: PromptInput, parameters: SamplingParameters)], n: Int) async throws
        -> [[GeneratedCompletion]]
    {
        try await withThrowingTaskGroup(of: (Int, [GeneratedCompletion]).self) { group in
            for (i, item) in batch.enumerated() {
                group.addTask { (i, try await complete(item.prompt, n: n, parameters: item.parameters)) }
            }
            var answers = [[GeneratedCompletion]](repeating: [], count: batch.count)
            for try await (i, completions) in group { answers[i] = completions }
            return answers
        }
    }

    public func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
        var completions: [GeneratedCompletion] = []
        var round: UInt64 = 0
        while completions.count < n {
            // A batch whose other request failed stops here rather than asking for more rounds.
            try Task.checkCancellation()
            let wanted = n - completions.count
            var request = OpenAIRequest(model: modelName, prompt: prompt, n: wanted, parameters: parameters)
            // Later rounds (servers that ignore n) need other draws than the first.
            request.seed = parameters.seed &+ round
            let chat = request.messages != nil
            let (data, seconds) = try await send(request, to: url(chat: chat))
            let choices = try OpenAIResponse.completions(from: data, chat: chat, seconds: seconds, url: url(chat: chat))
            guard !choices.isEmpty else {
                throw PolicyError.endpointResponse(url: url(chat: chat).absoluteString, detail: "no choices in the answer")
            }
            completions += choices.prefix(wanted)
            round += 1
        }
        return completions
    }

    /// POSTs the request, retrying what may be transient; returns the body and the seconds taken.
    func send(_ body: OpenAIRequest, to url: URL) async throws -> (Data, Double) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONEncoder().encode(body)
        var lastError = ""
        for attempt in 0...max(0, retries) {
            if attempt > 0 { try await Task.sleep(nanoseconds: UInt64(backoff * pow(2, Double(attempt - 1)) * 1e9)) }
            let start = Date()
            do {
                let (data, response) = try await post(request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) { return (data, Date().timeIntervalSince(start)) }
                let message = OpenAIResponse.errorMessage(data)
                lastError = "HTTP \(status)\(message.map { ": \($0)" } ?? "")"
                guard status == 408 || status == 429 || status >= 500 else {
                    throw PolicyError.endpoint(url: url.absoluteString, detail: lastError)
                }
            } catch let error as PolicyError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                lastError =
                    (error as? URLError).map {
                        "\($0.code == .timedOut ? "timed out after \(Int(timeout)) s" : $0.localizedDescription)"
                    }
                    ?? "\(error)"
            }
        }
        throw PolicyError.endpoint(url: url.absoluteString, detail: "\(lastError) (after \(retries + 1) attempts)")
    }

    /// One POST that gives up after `timeout` seconds: Foundation on Linux does not enforce
    /// `URLRequest.timeoutInterval` while a server keeps the connection open without answering.
    /// Cancelling the calling task (another request of the batch failed) abandons it at once.
    func post(_ request: URLRequest) async throws -> (Data, URLResponse) {
        let outcome = FirstOutcome()
        let timeout = timeout
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let task = URLSession.shared.dataTask(with: request) { data, response, error in
                    outcome.settle {
                        if let data, let response {
                            continuation.resume(returning: (data, response))
                        } else {
                            continuation.resume(throwing: error ?? URLError(.badServerResponse))
                        }
                    }
                }
                outcome.onCancel {
                    task.cancel()
                    continuation.resume(throwing: CancellationError())
                }
                task.resume()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                    outcome.settle {
                        task.cancel()
                        continuation.resume(throwing: URLError(.timedOut))
                    }
                }
            }
        } onCancel: {
            outcome.cancel()
        }
    }
}

/// Lets exactly one of the racing callbacks (answer, timer, cancellation) resume a continuation.
private final class FirstOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var settled = false
    private var cancelled = false
    private var cancelAction: (() -> Void)?

    func settle(_ body: () -> Void) {
        lock.lock()
        let first = !settled
        settled = true
        lock.unlock()
        if first { body() }
    }

    /// What cancellation does; run at once if the task was cancelled before it was known.
    func onCancel(_ action: @escaping () -> Void) {
        lock.lock()
        let already = cancelled
        if !already { cancelAction = action }
        lock.unlock()
        if already { settle(action) }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let action = cancelAction
        lock.unlock()
        if let action { settle(action) }
    }
}
