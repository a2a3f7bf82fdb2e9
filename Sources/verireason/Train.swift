import ArgumentParser
import Benchmarks
import Evaluation
import Foundation
import Rewards
import Training
import Verilog

extension VeriReason {
    struct Train: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "train",
            abstract: "SFT, then GRPO with the verifier's rewards, on the CPU; ends with the final model as a GGUF.",
            discussion: """
                With no flags: the default model's greedy pass rate on datasets/problems-test.jsonl, an \
                SFT stage (full fine-tuning) on datasets/sft-generated.jsonl, the same pass rate again, a \
                gate (GRPO starts only if the model after SFT solves some training problems), GRPO on \
                datasets/problems-generated.jsonl, the pass rate at the end, and OUT/model.gguf with the \
                prompt format recorded for eval. Settings come from the defaults, then --config FILE \
                (JSON or TOML, TRL's key names; the SFT stage's also as an [sft] section without the \
                sft_ prefix), then flags. OUT gets config.json, metrics.jsonl (TRL's metric names), \
                samples.jsonl, eval.jsonl, curves.svg, sft/ and checkpoint-N/ folders (with the \
                optimizer state that --resume continues from), and model.gguf.
                """)

        @Option(help: "Settings file (JSON or TOML) with TRL's names: num_generations, beta, loss_type, ...")
        var config: String?

        @Option(help: "Continue the run in this folder from its last checkpoint (its config.json is used).")
        var resume: String?

        @Option(help: "Output folder (default runs/train).")
        var out: String?

        @Option(help: "A GGUF file, or 'default'.")
        var model: String?

        @Option(help: "Problems to train on (JSONL).")
        var problems: String?

        @Option(help: "How problems are put to the model in every stage: code (the module alone) or think-answer.")
        var promptFormat: PromptFormat?

        @Option(help: "SFT rows for the first stage ('none' skips it).")
        var sftData: String?

        @Option(help: "Updates of the SFT stage (0 skips it); without it, --sft-epochs passes.")
        var sftSteps: Int?

        @Option(help: "Passes over the SFT rows when --sft-steps is not set.") var sftEpochs: Int?
        @Option(help: "Peak learning rate of the SFT stage.") var sftLearningRate: Float?
        @Option(help: "Warm-up updates of the SFT stage.") var sftWarmupSteps: Int?
        @Option(help: "SFT schedule after warm-up: constant, linear or cosine.") var sftLrSchedulerType: String?
        @Option(help: "LoRA rank of the SFT stage (0: full fine-tuning); must equal --lora-rank.") var sftLoraRank: Int?
        @Option(help: "Rows per SFT update.") var sftBatchSize: Int?
        @Option(help: "Longest SFT row in tokens; longer rows are dropped and counted.") var sftMaxLength: Int?
        @Option(help: "Share of the SFT rows held out for the evaluation loss.") var sftEvalSplit: Double?
        @Option(help: "Held-out SFT loss every N updates (0: only at the end).") var sftEvalSteps: Int?
        @Option(help: "Training problems the model after SFT must answer before GRPO starts (0: no gate).")
        var grpoGateProblems: Int?

        @Option(help: "Held-out problems scored greedily before, during and after training ('none' skips).")
        var evalProblems: String?

        @Option(help: "Score the held-out problems every N steps as well (0: only before and after).")
        var evalSteps: Int?

        @Option(help: "Score only the first N held-out problems.")
        var evalLimit: Int?

        @Option(help: "Completions per prompt (G).") var numGenerations: Int?
        @Option(help: "Sampling temperature.") var temperature: Float?
        @Option(help: "Nucleus sampling threshold.") var topP: Float?
        @Option(help: "Top-k sampling (0: off).") var topK: Int?
        @Option(help: "Repetition penalty while sampling.") var repetitionPenalty: Float?
        @Option(help: "Prompt tokens kept (cut on the left).") var maxPromptLength: Int?
        @Option(help: "Tokens per completion.") var maxCompletionLength: Int?
        @Option(help: "KL weight (k3 estimator); 0 skips the reference pass.") var beta: Float?
        @Option(help: "Lower clip range of the ratio.") var epsilon: Float?
        @Option(help: "Upper clip range (clip-higher); default: --epsilon.") var epsilonHigh: Float?
        @Option(help: "grpo, bnpo, dr_grpo or dapo.") var lossType: String?
        @Option(help: "group, batch or none.") var scaleRewards: String?
        @Option(help: "Updates per batch of generations.") var numIterations: Int?
        @Option(help: "Truncated completions carry no loss (true/false).") var maskTruncatedCompletions: Bool?
        @Option(help: "Train only on groups with both passes and fails, drawing more problems to fill the batch (true/false).")
        var dynamicSampling: Bool?
        @Option(help: "Problems sampled at most per step to fill the batch under dynamic sampling.")
        var dynamicSamplingMaxProblems: Int?
        @Option(help: "Prompts per step.") var batchSize: Int?
        @Option(help: "GRPO updates.") var maxSteps: Int?
        @Option(help: "Peak learning rate of GRPO.") var learningRate: Float?
        @Option(help: "constant, linear or cosine.") var lrSchedulerType: String?
        @Option(help: "Warm-up steps.") var warmupSteps: Int?
        @Option(help: "LoRA rank (0: full fine-tuning).") var loraRank: Int?
        @Option(help: "LoRA alpha.") var loraAlpha: Float?
        @Option(help: "LoRA dropout on the adapters' inputs during updates.") var loraDropout: Float?
        @Option(help: "Checkpoint every N steps.") var saveSteps: Int?
        @Option(help: "Seed of problem order, sampling and LoRA initialisation.") var seed: UInt64?

        @Flag(help: "One JSON object per step on standard output instead of progress lines.")
        var json = false

        @OptionGroup var sandbox: SandboxOptions

        /// Defaults, then the file, then flags.
        func resolvedConfig() throws -> (TrainConfig, URL) {
            if let resume {
                var c = try TrainingRun.savedConfig(in: URL(fileURLWithPath: resume))
                if let maxSteps { c.grpo.maxSteps = maxSteps }
                return (c, URL(fileURLWithPath: resume))
            }
            var c = try config.map { try TrainConfig.load(URL(fileURLWithPath: $0)) } ?? TrainConfig()
            func set<T>(_ value: T?, _ path: WritableKeyPath<TrainConfig, T>) { if let value { c[keyPath: path] = value } }
            set(model, \.model)
            set(problems, \.problems)
            if let sftData { c.sftData = sftData == "none" ? nil : sftData }
            set(promptFormat, \.promptFormat)
            if let sftSteps { c.sftSteps = sftSteps }
            set(sftEpochs, \.sftEpochs)
            set(sftLearningRate, \.sftLearningRate)
            set(sftWarmupSteps, \.sftWarmupSteps)
            if let sftLrSchedulerType {
                guard let k = LearningRateSchedule.Kind(rawValue: sftLrSchedulerType) else {
                    throw ValidationError("--sft-lr-scheduler-type must be constant, linear or cosine")
                }
                c.sftLRSchedulerType = k
            }
            set(sftBatchSize, \.sftBatchSize)
            set(sftMaxLength, \.sftMaxLength)
            set(sftEvalSplit, \.sftEvalSplit)
            set(sftEvalSteps, \.sftEvalSteps)
            set(grpoGateProblems, \.grpoGateProblems)
            if let evalProblems { c.evalProblems = evalProblems == "none" ? nil : evalProblems }
            set(evalSteps, \.evalSteps)
            set(evalLimit, \.evalLimit)
            set(numGenerations, \.grpo.numGenerations)
            set(temperature, \.grpo.temperature)
            set(topP, \.grpo.topP)
            set(topK, \.grpo.topK)
            set(repetitionPenalty, \.grpo.repetitionPenalty)
            set(maxPromptLength, \.grpo.maxPromptLength)
            set(maxCompletionLength, \.grpo.maxCompletionLength)
            set(beta, \.grpo.beta)
            set(epsilon, \.grpo.epsilon)
            if let epsilonHigh { c.grpo.epsilonHigh = epsilonHigh }
            if let lossType {
                guard let t = GRPOLossType(rawValue: lossType) else {
                    throw ValidationError("--loss-type must be grpo, bnpo, dr_grpo or dapo")
                }
                c.grpo.lossType = t
            }
            if let scaleRewards {
                guard let s = RewardScaling(rawValue: scaleRewards) else {
                    throw ValidationError("--scale-rewards must be group, batch or none")
                }
                c.grpo.scaleRewards = s
            }
            set(numIterations, \.grpo.numIterations)
            set(maskTruncatedCompletions, \.grpo.maskTruncatedCompletions)
            set(dynamicSampling, \.grpo.dynamicSampling)
            set(dynamicSamplingMaxProblems, \.grpo.dynamicSamplingMaxProblems)
            set(batchSize, \.grpo.batchSize)
            set(maxSteps, \.grpo.maxSteps)
            set(learningRate, \.grpo.learningRate)
            if let lrSchedulerType {
                guard let k = LearningRateSchedule.Kind(rawValue: lrSchedulerType) else {
                    throw ValidationError("--lr-scheduler-type must be constant, linear or cosine")
                }
                c.grpo.lrSchedulerType = k
            }
            set(warmupSteps, \.grpo.warmupSteps)
            set(loraRank, \.grpo.loraRank)
            // One trainable model runs through both stages: a rank given for one is the other's.
            if let rank = sftLoraRank ?? loraRank {
                c.sftLoRARank = rank
                c.grpo.loraRank = rank
            }
            set(loraAlpha, \.grpo.loraAlpha)
            set(loraDropout, \.grpo.loraDropout)
            set(saveSteps, \.grpo.saveSteps)
            set(seed, \.grpo.seed)
            return (c, URL(fileURLWithPath: out ?? "runs/train"))
        }

        func validate() throws {
            if let out { try OutputPath.checkFolder(out) }
        }

        func run() async throws {
            let (config, outDir) = try resolvedConfig()
            let toolchain = Toolchain()
            _ = try toolchain.path(.iverilog)
            var weights = config.grpo.rewardWeights
            weights.answerFormat = config.promptFormat.answerFormat
            let scorer = Scorer(toolchain: toolchain, weights: weights, limits: sandbox.limits, workers: sandbox.workers)
            let run = try TrainingRun(config: config, out: outDir, scorer: scorer, resume: resume != nil)
            let display = TrainDisplay(json: json, steps: config.grpo.maxSteps, out: outDir.path)
            try await run.run(display.handle)
            display.finish()
        }
    }
}
