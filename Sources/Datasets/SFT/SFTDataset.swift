import Benchmarks
import Foundation

/// One supervised example in a `PromptFormat`: the prompt and response, the same as a chat,
/// and where it came from.
public struct SFTRow: Sendable, Hashable, Codable {
    /// A chat turn (`system`, `user` or `assistant`).
    public struct Message: Sendable, Hashable, Codable {
        public var role: String
        public var content: String
    }

    public var prompt: String
    public var response: String
    public var messages: [Message]
    public var id: String
    public var family: String?
}

/// Turns problems with references into SFT rows. The system and user messages are the ones
/// `train`, `datasets filter` and `eval --prompt-style verireason` put to the policy
/// (`VeriReasonPrompt`), so fine-tuning teaches exactly the format the later stages reward.
public struct SFTDataset: Sendable {
    /// The rows, in input order (or shuffled, with a seed).
    public var rows: [SFTRow]
    /// Ids of the problems left out because they have no reference.
    public var skipped: [String]

    /// Rows for every problem that has a reference; `seed` shuffles their order reproducibly.
    public init(problems: [Problem], format: PromptFormat, seed: UInt64? = nil) {
        var rows: [SFTRow] = []
        var skipped: [String] = []
        for problem in problems {
            guard let row = Self.row(for: problem, format: format) else {
                skipped.append(problem.id)
                continue
            }
            rows.append(row)
        }
        if let seed {
            var rng = SplitMix64(seed: seed, stream: 0)
            rows.shuffle(using: &rng)
        }
        self.rows = rows
        self.skipped = skipped
    }

    /// The row for one problem, or nil without a reference.
    public static func row(for problem: Problem, format: PromptFormat) -> SFTRow? {
        guard let code = problem.referenceAsCandidate else { return nil }
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        let block = "```verilog\n" + trimmed + "\n```"
        let response: String
        switch format {
        case .code:
            response = block
        case .thinkAnswer:
            let facts = DesignFacts(source: trimmed, top: problem.top)
            let rationale = DesignRationale.text(for: problem, facts: facts)
            response = "<think>\n" + rationale + "\n</think>\n<answer>\n" + block + "\n</answer>"
        }
        let user = VeriReasonPrompt.userMessage(for: problem)
        return SFTRow(
            prompt: user, response: response,
            messages: [
                .init(role: "system", content: VeriReasonPrompt.system(format)), .init(role: "user", content: user),
                .init(role: "assistant", content: response),
            ], id: problem.id, family: problem.family)
    }

    /// The rows as JSON Lines (keys sorted, one object a line).
    public func jsonLines() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for row in rows {
            data.append(try encoder.encode(row))
            data.append(0x0A)
        }
        return data
    }
}
