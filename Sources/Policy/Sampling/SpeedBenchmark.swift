import Foundation

/// Sampling speed of the engine, measured the way `scripts/bench_llama_cpp.py` measures
/// llama.cpp: the same synthetic token ids, the same lengths, best of `repeats` runs.
public struct SpeedBenchmark: Sendable, Codable {
    public var promptTokens = 512
    public var generateTokens = 128
    public var group = 8
    public var groupPrompt = 128
    public var groupTokens = 256
    public var repeats = 3

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case generateTokens = "generate_tokens"
        case group
        case groupPrompt = "group_prompt"
        case groupTokens = "group_tokens"
        case repeats
    }

    public init() {}

    /// Ordinary vocabulary ids, no specials: content does not change the arithmetic.
    public static func syntheticTokens(_ n: Int) -> [Int] { (0..<n).map { 1000 + ($0 * 37) % 30000 } }

    /// The figures, in tokens per second.
    public struct Report: Sendable, Codable {
        public var engine = "verireason"
        public var model: String
        public var threads: Int
        /// The instruction set the integer decoding kernels were built for.
        public var kernels = quantizedKernelName
        public var settings: SpeedBenchmark
        /// One prompt of `promptTokens` processed as one batch.
        public var promptTokensPerSecond: Double
        /// Greedy decoding of one sequence, EOS ignored, after an 8-token prompt.
        public var generationTokensPerSecond: Double
        /// `group` completions of one `groupPrompt`-token prompt decoded together through
        /// `generate` (sampling included), counting the prompt's time.
        public var groupTokensPerSecond: Double

        enum CodingKeys: String, CodingKey {
            case engine, model, threads, kernels, settings
            case promptTokensPerSecond = "prompt_tokens_per_second"
            case generationTokensPerSecond = "generation_tokens_per_second"
            case groupTokensPerSecond = "group_tokens_per_second"
        }
    }

    /// Runs the three measurements (after a warm-up) and reports the best of each.
    public func run(on model: LanguageModel, progress: (String) -> Void = { _ in }) -> Report {
        func seconds(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        func best(_ what: String, _ measure: () -> Double) -> Double {
            var rates: [Double] = []
            for i in 0..<max(1, repeats) {
                rates.append(measure())
                progress(String(format: "%@ run %d/%d: %.1f tokens/s", what, i + 1, repeats, rates.last!))
            }
            return rates.max()!
        }
        let prompt = Self.syntheticTokens(promptTokens)
        func promptProcessing() -> Double {
            let cache = model.makeCache(capacity: prompt.count)
            let rows = prompt.enumerated().map { LanguageModel.Row(cache: cache, token: $0.element, position: $0.offset) }
            return Double(prompt.count) / seconds { _ = model.forward(rows, logitRows: [rows.count - 1]) }
        }
        _ = promptProcessing()
        let pp = best("prompt processing", promptProcessing)

        let gen = best("generation") {
            let start = Self.syntheticTokens(8)
            let cache = model.makeCache(capacity: start.count + generateTokens)
            let rows = start.enumerated().map { LanguageModel.Row(cache: cache, token: $0.element, position: $0.offset) }
            var logits = model.forward(rows, logitRows: [rows.count - 1])
            return Double(generateTokens)
                / seconds {
                    for step in 0..<generateTokens {
                        let next = logits.indices.max { logits[$0] < logits[$1] }!
                        logits = model.forward(
                            [LanguageModel.Row(cache: cache, token: next, position: start.count + step)], logitRows: [0])
                    }
                }
        }

        var parameters = SamplingParameters()
        parameters.maxTokens = groupTokens
        parameters.ignoreEOS = true
        let groupPromptTokens = Self.syntheticTokens(groupPrompt)
        let groupRate = best("group of \(group)") {
            var produced = 0
            let time = seconds {
                produced = model.generate(prompt: groupPromptTokens, n: group, parameters: parameters)
                    .reduce(0) { $0 + $1.tokenIDs.count }
            }
            return Double(produced) / time
        }
        return Report(
            model: model.path, threads: model.threads, settings: self, promptTokensPerSecond: pp,
            generationTokensPerSecond: gen, groupTokensPerSecond: groupRate)
    }
}
