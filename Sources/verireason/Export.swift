import ArgumentParser
import Benchmarks
import Foundation
import Policy
import Training

extension VeriReason {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a trained checkpoint as a GGUF model (base metadata, trained weights).",
            discussion: """
                CHECKPOINT is a checkpoint-N folder of `train` or `sft`: a PEFT adapter is applied to \
                the base model, a full fine-tune (model.safetensors) replaces its weights. The result \
                runs in `verireason sample/eval --model OUT.gguf`, llama.cpp and Ollama.
                """)

        @Option(help: "The checkpoint folder (checkpoint-N).")
        var checkpoint: String

        @Option(help: "The GGUF file to write.")
        var gguf: String

        @Option(help: "The base model; default: the one the checkpoint records, else the default model.")
        var model: String?

        @Option(help: "Storage type of the matrices: q8_0, f16 or f32.")
        var type: String = "q8_0"

        @Option(
            help:
                "Record the prompt format the model was trained with (verireason.prompt_format), so eval asks it the same way; default: none (eval then uses VerilogEval's own prompts)."
        )
        var promptFormat: PromptFormat?

        func run() async throws {
            guard let ggmlType = GGUFExport.types.first(where: { $0.name.lowercased() == type.lowercased() }) else {
                throw ValidationError("--type must be q8_0, f16 or f32")
            }
            let dir = URL(fileURLWithPath: checkpoint)
            var basePath = model
            if basePath == nil,
                let data = try? Data(contentsOf: dir.appendingPathComponent("trainer_state.json")),
                let state = try? JSONDecoder().decode(TrainerState.self, from: data)
            {
                basePath = state.baseModel
            }
            let base = try LanguageModel(path: try ModelStore.resolve(basePath).path)
            let weights = try GGUFExport.weights(checkpoint: dir, base: base)
            try GGUFExport.write(
                weights, base: base, type: ggmlType, promptFormat: promptFormat, to: URL(fileURLWithPath: gguf))
            print("wrote \(gguf) (\(ggmlType.name), base \(base.path))")
        }
    }
}
