import Benchmarks

/// The `<think>` text of an SFT row: a short design rationale built only from facts read off the
/// problem (its spec and its reference), so it cannot say anything the answer contradicts.
public enum DesignRationale {
    /// The rationale for `problem` (without the `<think>` tags).
    public static func text(for problem: Problem, facts: DesignFacts) -> String {
        var lines: [String] = []
        if let goal = keyBehaviour(problem.prompt) { lines.append("The task: \(goal)") }
        lines.append(interface(facts, top: problem.top))
        if let clock = facts.clock {
            let edge = facts.clockIsNegedge ? "falling" : "rising"
            let event = "always @(\(facts.clockIsNegedge ? "negedge" : "posedge") \(clock)"
            var line = "It is sequential: state changes on the \(edge) edge of \(clock), so the registers go in an \(event)"
            if let reset = facts.reset, reset.isAsynchronous {
                line += " or \(reset.isActiveLow ? "negedge" : "posedge") \(reset.name)"
            }
            lines.append(line + ") block with non-blocking assignments.")
            lines.append(resetSentence(facts.reset))
            if !facts.registers.isEmpty {
                lines.append("Registers: " + facts.registers.map(\.described).joined(separator: ", ") + ".")
            }
            if let fsm = facts.stateMachine {
                lines.append(
                    "It is a finite-state machine with \(fsm.states.count) states (\(fsm.states.joined(separator: ", "))) "
                        + "held in \(fsm.register.described); I name the states with constants, update the state on "
                        + "the clock edge and compute the next state and the outputs from the current state and inputs.")
            }
            if facts.usesCombinationalAlways || facts.usesContinuousAssign {
                lines.append("The logic around the registers is combinational (" + combinationalStyle(facts) + ").")
            }
        } else {
            lines.append(
                "It is combinational: no clock and no state, every output is a function of the current inputs, "
                    + "written with " + combinationalStyle(facts) + " so that no latch is inferred.")
        }
        if !facts.instances.isEmpty {
            lines.append("It is built from submodules: " + Array(Set(facts.instances)).sorted().joined(separator: ", ") + ".")
        }
        lines.append("The module must be named \(problem.top) and keep exactly these port names.")
        return lines.joined(separator: "\n")
    }

    static func interface(_ facts: DesignFacts, top: String) -> String {
        func list(_ signals: [DesignFacts.Signal]) -> String {
            signals.isEmpty ? "none" : signals.map(\.described).joined(separator: ", ")
        }
        return "Interface of \(top): inputs \(list(facts.inputs)); outputs \(list(facts.outputs))."
    }

    static func resetSentence(_ reset: DesignFacts.Reset?) -> String {
        guard let reset else {
            return "There is no reset input: the registers change only on clock edges, as the spec describes."
        }
        let level = reset.isActiveLow ? "active-low" : "active-high"
        let test = reset.isActiveLow ? "!\(reset.name)" : reset.name
        if reset.isAsynchronous {
            return "\(reset.name) is an \(level) asynchronous reset: it is in the sensitivity list and `if (\(test))` "
                + "is tested first, so it acts without waiting for the clock."
        }
        return "\(reset.name) is an \(level) synchronous reset: it is not in the sensitivity list; `if (\(test))` "
            + "is tested first inside the clocked block, so it acts at the next clock edge."
    }

    static func combinationalStyle(_ facts: DesignFacts) -> String {
        switch (facts.usesContinuousAssign, facts.usesCombinationalAlways) {
        case (true, true): return "continuous assign statements and always @(*) blocks that assign every output on every path"
        case (false, true): return "an always @(*) block that assigns every output on every path"
        default: return "continuous assign statements"
        }
    }

    /// The first sentences of the spec that describe behaviour, past boilerplate such as "Write a
    /// Verilog module named TopModule" and before tables, port lists and code.
    static func keyBehaviour(_ prompt: String, limit: Int = 320) -> String? {
        let paragraphs = prompt.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        for paragraph in paragraphs {
            let flat = paragraph.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: " ")
            let lower = flat.lowercased()
            if flat.isEmpty || flat.hasPrefix("|") || flat.hasPrefix("-") || flat.hasPrefix("```") || flat.hasPrefix("//")
                || lower.hasPrefix("module ") || lower.hasPrefix("ports") || lower.hasPrefix("the module has these ports")
                || lower.hasPrefix("module interface") || lower.hasPrefix("do not rename")
            {
                continue
            }
            if flat.count < 120, lower.contains("topmodule"), lower.contains("module") { continue }
            var sentences: [Substring] = []
            var length = 0
            for sentence in flat.split(separator: ". ", omittingEmptySubsequences: true) {
                if length > 0 && length + sentence.count > limit { break }
                sentences.append(sentence)
                length += sentence.count + 2
            }
            var text = sentences.joined(separator: ". ")
            if text.count > limit + 80 { text = String(text.prefix(limit)) + "..." }
            if !text.hasSuffix(".") && !text.hasSuffix("...") && !text.hasSuffix(":") { text += "." }
            return text
        }
        return nil
    }
}
