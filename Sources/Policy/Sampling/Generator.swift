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

extension LanguageModel {
    /// Draws `n` completions of one prompt: the prompt is processed once, its cache shared by
    /// every completion, and all live completions decode together as one batch (one GEMM per
    /// weight matrix per step, not n matrix-vector products).
    public func generate(prompt tokens: [Int], n: Int, parameters: SamplingParameters) -> [GeneratedCompletion] {
        precondition(!tokens.isEmpty && n >= 1)
        let start = Date()
        let sampler = Sampler(parameters: parameters)
        // Prefill in chunks, keeping activations small.
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
        struct Live {
            var cache: KVCache
            var rng: RandomSource
            var generated: [Int] = []
            var logProbs: [Float] = []
            var finish: String?
            var stopToken: Int?
            var text: String?
        }
        var live = (0..<n).map { i in
            Live(
                cache: KVCache(continuing: prompt, reserving: parameters.maxTokens),
                rng: RandomSource(seed: parameters.seed &+ UInt64(i) &* 0x9E37_79B9))
        }
        var logits = [[Float]](repeating: lastLogits, count: n)
        for _ in 0..<parameters.maxTokens {
            var stepRows: [Row] = []
            var owners: [Int] = []
            for i in live.indices where live[i].finish == nil {
                let history = parameters.repetitionPenalty == 1 ? [] : tokens + live[i].generated
                let (token, logProb) = logits[i].withUnsafeBufferPointer {
                    sampler.sample($0, history: history, rng: &live[i].rng)
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
        return live.map { l in
            GeneratedCompletion(
                text: l.text ?? tokenizer.decode(l.generated), tokenIDs: l.generated,
                logProbs: l.logProbs, finishReason: l.finish ?? "length", tokensPerSecond: Double(total) / seconds,
                stopTokenID: l.stopToken)
        }
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
