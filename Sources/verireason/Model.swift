import ArgumentParser
import Foundation
import Policy

extension VeriReason {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inspect policy models (GGUF).", subcommands: [Info.self, Bench.self])

        struct Info: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Architecture, sizes, tensor types, tokenizer family and chat template of a GGUF file.")

            @Argument(help: "A GGUF file, or 'default' for the default policy model.")
            var model: String = "default"

            func run() throws {
                let gguf = try GGUFFile(path: try ModelStore.resolve(model).path)
                print(try ModelSummary(gguf).text)
            }
        }

        struct Bench: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Measure sampling speed: prompt processing, generation at batch 1, and group sampling.",
                discussion: """
                    Uses synthetic token ids and ignores EOS, so that every run does the same work; \
                    scripts/bench-sampling.sh runs it beside llama.cpp on the same model.
                    """)

            @Option(help: "A GGUF file, or 'default' for the default policy model.")
            var model: String = "default"
            @Option(help: "Length of the prompt processed as one batch.")
            var promptTokens = 512
            @Option(help: "Tokens decoded one at a time at batch 1.")
            var generate = 128
            @Option(help: "Completions decoded together in the group measurement.")
            var group = 8
            @Option(help: "Prompt length of the group measurement.")
            var groupPrompt = 128
            @Option(help: "Tokens per completion in the group measurement.")
            var groupTokens = 256
            @Option(help: "Runs of each measurement; the best is reported.")
            var repeats = 3
            @Flag(help: "Decode through the fp32 weights instead of the quantised ones.")
            var dense = false
            @Option(
                help: """
                    Re-quantise the fp32 weights to this type (q8_0, q4_0, q4_1) as training does for sampling                     between updates, and measure that.
                    """)
            var requantize: String?
            @Flag(help: "Print one JSON object instead of a table.")
            var json = false

            func validate() throws {
                for (name, value) in [
                    ("--prompt-tokens", promptTokens), ("--generate", generate), ("--group", group),
                    ("--group-prompt", groupPrompt), ("--group-tokens", groupTokens), ("--repeats", repeats),
                ] where value < 1 {
                    throw ValidationError("\(name) must be at least 1")
                }
            }

            func run() throws {
                var lm = try LanguageModel(path: try ModelStore.resolve(model).path, quantizedDecoding: !dense)
                if let requantize {
                    guard
                        let type = [GGMLType.q8_0, .q4_0, .q4_1].first(where: { $0.name.lowercased() == requantize.lowercased() })
                    else { throw ValidationError("--requantize must be q8_0, q4_0 or q4_1") }
                    let start = Date()
                    lm = try LanguageModel(base: lm, weights: lm.denseWeights, decoding: type)
                    FileHandle.standardError.write(
                        Data(String(format: "re-quantised to %@ in %.1f s\n", type.name, Date().timeIntervalSince(start)).utf8))
                }
                var benchmark = SpeedBenchmark()
                benchmark.promptTokens = promptTokens
                benchmark.generateTokens = generate
                benchmark.group = group
                benchmark.groupPrompt = groupPrompt
                benchmark.groupTokens = groupTokens
                benchmark.repeats = repeats
                let report = benchmark.run(on: lm) { line in
                    if !json { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys]
                    print(String(decoding: try encoder.encode(report), as: UTF8.self))
                } else {
                    print(
                        String(
                            format: "prompt processing (%d tokens)   %8.1f tokens/s", promptTokens, report.promptTokensPerSecond))
                    print(
                        String(
                            format: "generation, batch 1 (%d tokens) %8.1f tokens/s", generate, report.generationTokensPerSecond))
                    print(
                        String(
                            format: "group of %d x %d tokens        %8.1f tokens/s", group, groupTokens,
                            report.groupTokensPerSecond))
                    print("decoding kernels: \(report.kernels), \(report.threads) threads")
                }
            }
        }
    }
}
