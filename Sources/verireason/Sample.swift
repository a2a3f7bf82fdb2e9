import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Policy
import Training

extension VeriReason {
    struct SampleCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Sample completions from the local policy model (GGUF, on the CPU) or an OpenAI-compatible server.")

        @Option(help: "A GGUF file, or 'default' for the default policy model.")
        var model: String = "default"

        @OptionGroup var remote: RemoteOptions

        @Option(help: "The prompt (a user message, unless --raw).")
        var prompt: String?

        @Option(help: "Problems in the project's JSONL format: sample for each problem's prompt.")
        var problems: String?

        @Option(help: "Completions per prompt.")
        var n: Int = 1

        @Option(help: "Sampling temperature; 0 is greedy.")
        var temperature: Float = 0.5

        @Option(help: "Nucleus sampling threshold.")
        var topP: Float = 1

        @Option(help: "Keep only the K most likely tokens (0 keeps all).")
        var topK: Int = 50

        @Option(help: "Penalty on tokens already present (VeriReason samples with 1.3).")
        var repetitionPenalty: Float = 1

        @Option(help: "Largest number of new tokens per completion.")
        var maxTokens: Int = 256

        @Option(help: "Seed; the same seed gives the same completions.")
        var seed: UInt64 = 0

        @Option(
            help:
                "System message (default: with --prompt, the model's own template default; with --problems, the --prompt-format's)."
        )
        var system: String?

        @Option(help: "With --problems: the answer format each problem asks for, code or think-answer.")
        var promptFormat: PromptFormat = .code

        @Flag(help: "Send the prompt as is, without the chat template.")
        var raw = false

        @Flag(help: "One JSON object per completion: text, token_ids, logprobs, finish_reason, tokens_per_second.")
        var json = false

        func validate() throws {
            if (prompt == nil) == (problems == nil) { throw ValidationError("give exactly one of --prompt and --problems") }
            guard n >= 1 else { throw ValidationError("--n must be at least 1") }
            guard maxTokens >= 1 else { throw ValidationError("--max-tokens must be at least 1") }
            try SamplingOptionCheck.validate(
                temperature: temperature, topP: topP, topK: topK, repetitionPenalty: repetitionPenalty)
            try remote.validate(localModel: model)
        }

        func run() async throws {
            let source = try remote.source(localModel: model)
            var parameters = SamplingParameters()
            parameters.temperature = temperature
            parameters.topP = topP
            parameters.topK = topK
            parameters.repetitionPenalty = repetitionPenalty
            parameters.maxTokens = maxTokens
            parameters.seed = seed
            // A problem is asked as train and eval ask it; a bare prompt as the user wrote it.
            var prompts: [(id: String?, input: PromptInput)] = []
            if let prompt {
                prompts = [(nil, raw ? .raw(prompt) : .chat(user: prompt, system: system))]
            } else if let problems {
                prompts = try ProblemFile.load(URL(fileURLWithPath: problems)).map { problem in
                    let user = VeriReasonPrompt.userMessage(for: problem)
                    return (problem.id, raw ? .raw(user) : TaskPrompt.input(for: problem, format: promptFormat, system: system))
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for (id, input) in prompts {
                let completions = try await source.complete(input, n: n, parameters: parameters)
                for c in completions {
                    if json {
                        print(String(decoding: try encoder.encode(SampleLine(id: id, completion: c)), as: UTF8.self))
                    } else {
                        if let id { print("### \(id)") }
                        print(c.text)
                        // Remote servers report no token ids, only a rate from their usage counts.
                        print(
                            c.tokenIDs.isEmpty
                                ? String(format: "--- %@, %.1f tokens/s", c.finishReason, c.tokensPerSecond)
                                : String(
                                    format: "--- %@, %d tokens, %.1f tokens/s", c.finishReason, c.tokenIDs.count,
                                    c.tokensPerSecond))
                    }
                }
            }
        }
    }
}

/// One line of `sample --json`: the completion's own fields, plus the problem id.
struct SampleLine: Encodable {
    var id: String?
    var completion: GeneratedCompletion

    enum CodingKeys: String, CodingKey { case id }

    func encode(to encoder: Encoder) throws {
        try completion.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
    }
}
