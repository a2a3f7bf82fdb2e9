import Verilog

/// How the policy is asked to answer. One format runs through a whole pipeline: SFT rows, GRPO,
/// held-out scoring, `sample` and `eval` all build their prompts with `VeriReasonPrompt` for the
/// same format, and the format reward checks that format's shape.
public enum PromptFormat: String, Sendable, Codable, CaseIterable {
    /// The answer is the module itself in one fenced verilog block: short, ending in EOS. The
    /// default for small models, which cannot afford a reasoning preamble.
    case code
    /// VeriReason's: reasoning inside `<think>`, then the module inside `<answer>` as a fenced block.
    case thinkAnswer = "think-answer"

    /// The GGUF metadata key under which `export` records the format a model was trained with,
    /// so `eval --model` asks it the same way by default.
    public static let ggufMetadataKey = "verireason.prompt_format"

    /// The answer shape the format reward grants in this format.
    public var answerFormat: AnswerFormat { self == .code ? .fenced : .thinkAnswer }
}

/// The words a problem is put to the policy in: the same for SFT data, filtering, training,
/// `sample` and `eval --prompt-style verireason`, so that a reward measured in one stage means the
/// same in the next.
public enum VeriReasonPrompt {
    /// VeriReason's answer format: reasoning in `<think>`, the design in `<answer>` as a fenced
    /// verilog block. The format reward checks for exactly this shape.
    public static let systemPrompt = """
        You are an expert digital designer who writes correct, synthesizable Verilog. First reason \
        about the design inside <think> </think> tags: the ports, the state it needs and how it \
        behaves. Then give the complete module inside <answer> </answer> tags as a ```verilog code \
        block. The top module must be named TopModule and have exactly the ports asked for.
        """

    /// The code-only answer format: the module and nothing else.
    public static let codeSystemPrompt = """
        You are an expert digital designer who writes correct, synthesizable Verilog. Answer with \
        the complete module in one ```verilog code block and nothing else. Keep the module name and \
        the ports exactly as given.
        """

    /// The system message of `format`.
    public static func system(_ format: PromptFormat) -> String {
        switch format {
        case .code: codeSystemPrompt
        case .thinkAnswer: systemPrompt
        }
    }

    /// The user message for a problem: its spec, and the module header when it has one.
    public static func userMessage(for problem: Problem) -> String {
        guard let header = problem.moduleHeader, !header.isEmpty else { return problem.prompt }
        return problem.prompt + "\n\nUse this module header:\n```verilog\n" + header
            + (header.hasSuffix("\n") ? "" : "\n") + "```"
    }
}
