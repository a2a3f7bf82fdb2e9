import ArgumentParser
import Policy

extension VeriReason {
    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inspect policy models (GGUF).", subcommands: [Info.self])

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
    }
}
