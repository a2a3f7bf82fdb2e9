import Foundation

/// One generated completion.
public struct GeneratedCompletion: Sendable, Hashable, Codable {
    public var text: String
    /// Generated tokens only (not the prompt).
    public var tokenIDs: [Int]
    /// Log-probability of each generated token under the sampling distribution.
    public var logProbs: [Float]
    /// `stop` (EOS, end-of-turn or a stop string) or `length` (max tokens).
    public var finishReason: String
    public var tokensPerSecond: Double
    /// The end-of-sequence token that stopped the completion (not in `tokenIDs`), when one did:
    /// training appends it so that the policy also learns where to stop.
    public var stopTokenID: Int?

    public init(
        text: String, tokenIDs: [Int], logProbs: [Float], finishReason: String, tokensPerSecond: Double,
        stopTokenID: Int? = nil
    ) {
        self.text = text
        self.tokenIDs = tokenIDs
        self.logProbs = logProbs
        self.finishReason = finishReason
        self.tokensPerSecond = tokensPerSecond
        self.stopTokenID = stopTokenID
    }

    enum CodingKeys: String, CodingKey {
        case text
        case tokenIDs = "token_ids"
        case logProbs = "logprobs"
        case finishReason = "finish_reason"
        case tokensPerSecond = "tokens_per_second"
        case stopTokenID = "stop_token_id"
    }
}

/// One prompt of a batch to `generate(_:n:)`, with the sampling parameters of its completions.
public struct GenerationRequest: Sendable {
    public var prompt: [Int]
    public var parameters: SamplingParameters

    public init(prompt: [Int], parameters: SamplingParameters) {
        self.prompt = prompt
        self.parameters = parameters
    }
}

extension LanguageModel {
    /// How many sequences are worth decoding together: the integer kernels reuse a tile of
    /// weights for up to 8 rows, and eight sequences decode at about 2.3 times the rate of one
    /// here (sampling-speed.md); more add little and hold more caches.
    public var preferredBatchSequences: Int { 8 }

    /// Draws `n` completions of one prompt: the prompt is processed once, its cache shared by
    /// every completion, and all live completions decode together as one batch (one GEMM per
    /// weight matrix per step, not n matrix-vector products).
    public func generate(prompt tokens: [Int], n: Int, parameters: SamplingParameters) -> [GeneratedCompletion] {
        generate([GenerationRequest(prompt: tokens, parameters: parameters)], n: n)[0]
    }

    /// Draws `n` completions of each of several prompts, decoding every live completion of every
    /// prompt together: for small n (greedy evaluation) this is what fills the batch. Each
    /// completion's tokens are those `generate(prompt:n:parameters:)` draws for its prompt alone
    /// (the quantised kernels compute each row of a batch on its own, and each completion has its
    /// own random stream; fp32 GEMM may round a row differently in another batch).
    public func generate(_ requests: [GenerationRequest], n: Int) -> [[GeneratedCompletion]] {
        precondition(n >= 1 && requests.allSatisfy { !$0.prompt.isEmpty })
        let start = Date()
        struct Live {
            var request: Int
            var cache: KVCache
            var rng: RandomSource
            var generated: [Int] = []
            var logProbs: [Float] = []
            var finish: String?
            var stopToken: Int?
            var text: String?
        }
        var live: [Live] = []
        var logits: [[Float]] = []
        for (r, request) in requests.enumerated() {
            // Prefill in chunks, keeping activations small.
            let tokens = request.prompt
            let prompt = makeCache(capacity: tokens.count + 1)
            var lastLogits: [Float] = []
            let chunk = 256
            var position = 0
            while position < tokens.count {
                let end = min(tokens.count, position + chunk)
                let rows = (position..<end).map { Row(cache: prompt, token: tokens[$0], position: $0) }
                lastLogits = forward(rows, logitRows: [rows.count - 1])
                position = end
            }
            for i in 0..<n {
                live.append(
                    Live(
                        request: r, cache: KVCache(continuing: prompt, reserving: request.parameters.maxTokens),
                        rng: RandomSource(seed: request.parameters.seed &+ UInt64(i) &* 0x9E37_79B9)))
                logits.append(lastLogits)
            }
        }
        let samplers = requests.map { Sampler(parameters: $0.parameters) }
        let steps = requests.map(\.parameters.maxTokens).max() ?? 0
        for _ in 0..<steps {
            var stepRows: [Row] = []
            var owners: [Int] = []
            for i in live.indices where live[i].finish == nil {
                let parameters = requests[live[i].request].parameters
                if live[i].generated.count >= parameters.maxTokens {
                    live[i].finish = "length"  // a shorter request of the batch is done
                    continue
                }
                let history = parameters.repetitionPenalty == 1 ? [] : requests[live[i].request].prompt + live[i].generated
                let (token, logProb) = logits[i].withUnsafeBufferPointer {
                    samplers[live[i].request].sample($0, history: history, rng: &live[i].rng)
                }
                if !parameters.ignoreEOS && tokenizer.stopIDs.contains(token) {
                    live[i].finish = "stop"
                    live[i].stopToken = token
                    continue
                }
                live[i].generated.append(token)
                live[i].logProbs.append(logProb)
                if !parameters.stop.isEmpty, let cut = Self.cutAtStop(tokenizer.decode(live[i].generated), parameters.stop) {
                    live[i].text = cut
                    live[i].finish = "stop"
                    continue
                }
                if live[i].generated.count >= parameters.maxTokens {
                    live[i].finish = "length"
                    continue
                }
                stepRows.append(Row(cache: live[i].cache, token: token, position: live[i].cache.count))
                owners.append(i)
            }
            if stepRows.isEmpty { break }
            let out = forward(stepRows, logitRows: Array(0..<stepRows.count))
            let V = config.vocabularySize
            for (r, i) in owners.enumerated() { logits[i] = Array(out[(r * V)..<((r + 1) * V)]) }
        }
        let seconds = max(1e-9, Date().timeIntervalSince(start))
        let total = live.reduce(0) { $0 + $1.generated.count }
        let completions = live.map { l in
            GeneratedCompletion(
                text: l.text ?? tokenizer.decode(l.generated), tokenIDs: l.generated,
                logProbs: l.logProbs, finishReason: l.finish ?? "length", tokensPerSecond: Double(total) / seconds,
                stopTokenID: l.stopToken)
        }
        return requests.indices.map { r in Array(completions[(r * n)..<((r + 1) * n)]) }
    }

    /// The text cut before the first stop string, if one occurs.
    static func cutAtStop(_ text: String, _ stops: [String]) -> String? {
        var cut: String.Index?
        for s in stops where !s.isEmpty {
            if let r = text.range(of: s), cut == nil || r.lowerBound < cut! { cut = r.lowerBound }
        }
        return cut.map { String(text[..<$0]) }
    }
}
