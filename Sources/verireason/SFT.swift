import ArgumentParser
import Evaluation
import Foundation
import Policy
import Training

extension VeriReason {
    struct SFT: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sft",
            abstract: "Supervised fine-tuning with LoRA on the CPU: loss on response tokens only.",
            discussion: """
                Rows of --data are {"prompt", "response"} or {"messages": [...]} ending with the \
                assistant's message. Prompts go through the model's chat template; the loss is the \
                mean cross-entropy of the response tokens. Writes OUT/metrics.jsonl (one row per \
                step, then eval_loss on the held-out split) and a PEFT adapter in \
                OUT/checkpoint-N/ (adapter_model.safetensors, adapter_config.json), or with \
                --lora-rank 0 the whole model (model.safetensors, config.json).
                """)

        @Option(help: "Training data (JSONL); the default is the project's own train split in VeriReason's format.")
        var data: String = "datasets/sft-train.jsonl"

        @Option(help: "A GGUF file, or 'default' for the default policy model.")
        var model: String = "default"

        @Option(help: "LoRA rank; 0 trains every weight (full fine-tuning, checkpoints as model.safetensors).")
        var loraRank: Int = 8

        @Option(help: "LoRA alpha (the update is scaled by alpha / rank).")
        var loraAlpha: Float = 16

        @Option(help: "LoRA dropout on the adapters' inputs during updates.")
        var loraDropout: Float = 0

        @Option(help: "Projections to adapt, comma-separated among q,k,v,o,gate,up,down.")
        var loraTargets: String = "q,k,v,o,gate,up,down"

        @Option(help: "Peak learning rate.")
        var learningRate: Float = 1e-3

        @Option(help: "Learning-rate schedule after warm-up: constant, linear or cosine (decay to 0).")
        var lrScheduler: String = "linear"

        @Option(help: "Warm-up steps (linear from 0).")
        var warmupSteps: Int = 0

        @Option(help: "AdamW weight decay.")
        var weightDecay: Float = 0

        @Option(help: "Clip the global gradient norm to this (0: no clipping).")
        var maxGradNorm: Float = 1

        @Option(help: "Passes over the training split.")
        var epochs: Int = 1

        @Option(help: "Stop after this many updates (overrides --epochs).")
        var maxSteps: Int?

        @Option(help: "Sequences per micro-batch.")
        var batchSize: Int = 4

        @Option(help: "Micro-batches per update.")
        var gradientAccumulationSteps: Int = 1

        @Option(
            help:
                "Tokens per example (prompt + response); longer rows are dropped and counted (1024 holds 114 of the 121 rows of datasets/sft-train.jsonl, 512 only 17)."
        )
        var maxLength: Int = 1024

        @Option(help: "Share of the rows held out for the evaluation loss.")
        var evalSplit: Double = 0.05

        @Option(help: "Also write a checkpoint every N updates.")
        var saveSteps: Int?

        @Option(help: "Seed for the split, the data order and LoRA's initialisation.")
        var seed: UInt64 = 0

        @Option(help: "Output folder.")
        var out: String = "runs/sft"

        @Flag(help: "One JSON object per step on standard output instead of progress lines.")
        var json = false

        func validate() throws {
            try OutputPath.checkFolder(out)
            guard loraRank >= 0 else { throw ValidationError("--lora-rank must not be negative") }
            guard (0..<1).contains(loraDropout) else { throw ValidationError("--lora-dropout must be in [0, 1)") }
            guard LearningRateSchedule.Kind(rawValue: lrScheduler) != nil else {
                throw ValidationError("--lr-scheduler must be constant, linear or cosine")
            }
            _ = try targets()
        }

        func targets() throws -> [LoRATarget] {
            try loraTargets.split(separator: ",").map { name in
                guard let t = LoRATarget(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--lora-targets: unknown projection '\(name)' (q,k,v,o,gate,up,down)")
                }
                return t
            }
        }

        func run() async throws {
            var config = SFTConfig()
            config.lora =
                loraRank > 0 ? LoRAConfig(rank: loraRank, alpha: loraAlpha, targets: try targets(), dropout: loraDropout) : nil
            config.learningRate = learningRate
            config.schedule = LearningRateSchedule.Kind(rawValue: lrScheduler) ?? .linear
            config.warmupSteps = warmupSteps
            config.adamW.weightDecay = weightDecay
            config.maxGradientNorm = maxGradNorm
            config.epochs = epochs
            config.maxSteps = maxSteps
            config.batchSize = batchSize
            config.gradientAccumulationSteps = gradientAccumulationSteps
            config.maxLength = maxLength
            config.evalSplit = evalSplit
            config.saveSteps = saveSteps
            config.seed = seed
            let modelPath = try ModelStore.resolve(model).path
            let examples = try SFTExample.load(URL(fileURLWithPath: data))
            let language = try LanguageModel(path: modelPath)
            let trainer = try SFTTrainer(model: language, examples: examples, config: config, dataPath: data)
            let outDir = URL(fileURLWithPath: out)
            let plan = trainer.plan
            let stderr = FileHandle.standardError
            stderr.write(
                Data(
                    ("sft: \(plan.train) training and \(plan.eval) held-out examples, \(plan.steps) steps, "
                        + (trainer.model.lora.map { "\($0.parameterCount) LoRA parameters" }
                            ?? "\(trainer.model.layout.count) parameters (full fine-tuning)")
                        + (trainer.droppedExamples > 0
                            ? " (\(trainer.droppedExamples) rows dropped: longer than --max-length)" : "")
                        + "\n").utf8))
            var rows: [SFTMetrics] = []
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            _ = try trainer.run(
                onStep: { row in
                    rows.append(row)
                    try AtomicWrite.write(try AtomicWrite.jsonLines(rows), to: outDir.appendingPathComponent("metrics.jsonl"))
                    if json {
                        print(String(decoding: try encoder.encode(row), as: UTF8.self))
                    } else if let loss = row.loss {
                        let lr = String(format: "%.2e", row.learningRate ?? 0)
                        let tps = Int(row.tokensPerSecond ?? 0)
                        print("step \(row.step)/\(plan.steps)  loss \(String(format: "%.4f", loss))  lr \(lr)  tok/s \(tps)")
                        // Progress must reach a log file as it happens, not when the buffer fills.
                        fflush(nil)
                    } else if let eval = row.evalLoss {
                        print("eval loss \(String(format: "%.4f", eval)) on \(plan.eval) held-out examples")
                    }
                },
                checkpoint: { step in
                    let dir = outDir.appendingPathComponent("checkpoint-\(step)")
                    if let adapters = trainer.model.lora {
                        try AdapterCheckpoint.write(adapters, baseModel: modelPath, to: dir)
                    } else {
                        try ModelCheckpoint.write(trainer.model, to: dir)
                    }
                })
        }
    }
}
