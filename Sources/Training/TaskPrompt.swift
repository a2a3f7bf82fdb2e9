import Benchmarks
import Policy

/// How a problem is put to the policy during filtering and training: VeriReason's wording
/// (`VeriReasonPrompt`), as a chat input.
public enum TaskPrompt {
    /// The chat input for a problem; `system` nil uses `VeriReasonPrompt.systemPrompt`.
    public static func input(for problem: Problem, system: String? = nil) -> PromptInput {
        .chat(user: VeriReasonPrompt.userMessage(for: problem), system: system ?? VeriReasonPrompt.systemPrompt)
    }
}
