import Benchmarks
import Policy

/// How a problem is put to the policy: the same words for filtering, training and evaluation,
/// so that rewards measured in one stage mean the same in the next.
public enum TaskPrompt {
    /// VeriReason's answer format: reasoning in `<think>`, the design in `<answer>` as a fenced
    /// verilog block. The format reward checks for exactly this shape.
    public static let systemPrompt = """
        You are an expert digital designer who writes correct, synthesizable Verilog. First reason \
        about the design inside <think> </think> tags: the ports, the state it needs and how it \
        behaves. Then give the complete module inside <answer> </answer> tags as a ```verilog code \
        block. The top module must be named TopModule and have exactly the ports asked for.
        """

    /// The user message for a problem: its spec, and the module header when it has one.
    public static func userMessage(for problem: Problem) -> String {
        guard let header = problem.moduleHeader, !header.isEmpty else { return problem.prompt }
        return problem.prompt + "\n\nUse this module header:\n```verilog\n" + header
            + (header.hasSuffix("\n") ? "" : "\n") + "```"
    }

    /// The chat input for a problem; `system` nil uses `systemPrompt`.
    public static func input(for problem: Problem, system: String? = nil) -> PromptInput {
        .chat(user: userMessage(for: problem), system: system ?? systemPrompt)
    }
}
