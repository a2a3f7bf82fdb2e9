import Benchmarks
import Policy

/// How a problem is put to the policy: `VeriReasonPrompt`'s words for a prompt format, as a chat
/// input. Every stage that asks a policy about a problem (SFT rows, filtering, GRPO, held-out
/// scoring, `sample --problems`, `eval --prompt-style verireason`) goes through it.
public enum TaskPrompt {
    /// The chat input for a problem; `system` overrides the format's system message.
    public static func input(for problem: Problem, format: PromptFormat, system: String? = nil) -> PromptInput {
        .chat(user: VeriReasonPrompt.userMessage(for: problem), system: system ?? VeriReasonPrompt.system(format))
    }
}
