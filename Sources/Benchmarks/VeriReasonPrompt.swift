/// The words a problem is put to the policy in, VeriReason's way: the same for SFT data,
/// filtering, training and `eval --prompt-style verireason`, so that a reward measured in one
/// stage means the same in the next.
public enum VeriReasonPrompt {
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
}
