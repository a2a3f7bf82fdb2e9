import Verilog

/// Reading `always` blocks: the clock and reset from the event control, the registers from the
/// assignments, and the state constants from case labels and assignments.
extension FactParser {
    /// Reads one `always` block starting at `start`; returns the index after it.
    mutating func readAlways(from start: Int, into facts: inout DesignFacts) -> Int {
        var i = start + 1
        var edges: [(name: String, negedge: Bool)] = []
        if tokens[start].text == "always_comb" { facts.usesCombinationalAlways = true }
        if i < tokens.count, tokens[i].text == "@" {
            i += 1
            if i < tokens.count, tokens[i].text == "(" {
                var depth = 0
                repeat {
                    let t = tokens[i]
                    if t.text == "(" { depth += 1 }
                    if t.text == ")" { depth -= 1 }
                    if (t.text == "posedge" || t.text == "negedge"), i + 1 < tokens.count {
                        edges.append((tokens[i + 1].text, t.text == "negedge"))
                    }
                    i += 1
                } while i < tokens.count && depth > 0
            } else {
                i += 1  // `@*`
            }
        }
        let end = blockEnd(from: i)
        let block = i..<end
        if edges.isEmpty {
            if tokens[start].text == "always" || tokens[start].text == "always_comb" {
                facts.usesCombinationalAlways = true
            }
            readAssignments(block, clocked: false)
            return end
        }
        let clock =
            edges.first { $0.name.lowercased().contains("clk") || $0.name.lowercased().contains("clock") } ?? edges[0]
        if facts.clock == nil {
            facts.clock = clock.name
            facts.clockIsNegedge = clock.negedge
        }
        for edge in edges where edge.name != clock.name {
            resetCandidates.append((edge.name, edge.negedge, true))
        }
        if let sync = leadingCondition(block), edges.count == 1, Self.looksLikeReset(sync.name) {
            resetCandidates.append((sync.name, sync.activeLow, false))
        }
        readAssignments(block, clocked: true)
        return end
    }

    static func looksLikeReset(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("reset") || lower.contains("rst") || lower.contains("clear") || lower == "clr"
    }

    /// The end of the statement starting at `i`: a `begin ... end` pair, or for a bare statement
    /// the next token that can only begin a new module item.
    func blockEnd(from i: Int) -> Int {
        guard i < tokens.count else { return i }
        if tokens[i].text == "begin" {
            var depth = 0
            var j = i
            while j < tokens.count {
                if tokens[j].kind == .identifier && (tokens[j].text == "begin" || tokens[j].text == "fork") { depth += 1 }
                if tokens[j].kind == .identifier && (tokens[j].text == "end" || tokens[j].text == "join") {
                    depth -= 1
                    if depth == 0 { return j + 1 }
                }
                j += 1
            }
            return j
        }
        var j = i + 1
        while j < tokens.count, !(tokens[j].kind == .identifier && Self.blockStarts.contains(tokens[j].text)) { j += 1 }
        return j
    }

    /// The signal tested by the block's first `if`: `if (reset)`, `if (!rst_n)`, `if (rst == 1'b0)`.
    func leadingCondition(_ block: Range<Int>) -> (name: String, activeLow: Bool)? {
        var i = block.lowerBound
        while i < block.upperBound, tokens[i].text == "begin" || tokens[i].text == ":" { i += 1 }
        guard i + 2 < block.upperBound, tokens[i].text == "if", tokens[i + 1].text == "(" else { return nil }
        var j = i + 2
        var negated = false
        while j < block.upperBound, tokens[j].text == "!" || tokens[j].text == "~" {
            negated.toggle()
            j += 1
        }
        guard j + 1 < block.upperBound, tokens[j].kind == .identifier else { return nil }
        let name = tokens[j].text
        let next = tokens[j + 1].text
        // `if (reset || clear)`: the reset still decides the first branch.
        if next == ")" || next == "||" { return (name, negated) }
        if (next == "==" || next == "!="), j + 3 < block.upperBound, tokens[j + 3].text == ")" {
            let value = tokens[j + 2].text
            let isZero = value == "0" || value.hasSuffix("'b0") || value.hasSuffix("'d0") || value.hasSuffix("'h0")
            return (name, negated != (isZero == (next == "==")))
        }
        return nil
    }

    /// Assignment targets (registers, for a clocked block), constants assigned to each signal, and
    /// the labels of `case (signal)` statements.
    mutating func readAssignments(_ block: Range<Int>, clocked: Bool) {
        var depth = 0
        var cases: [(subject: String?, depth: Int)] = []
        var i = block.lowerBound
        while i < block.upperBound {
            let t = tokens[i]
            if t.text == "(" || t.text == "[" || t.text == "{" { depth += 1 }
            if t.text == ")" || t.text == "]" || t.text == "}" { depth = max(0, depth - 1) }
            if t.kind == .identifier && (t.text == "case" || t.text == "casez" || t.text == "casex"),
                i + 3 < block.upperBound, tokens[i + 1].text == "("
            {
                let single = tokens[i + 3].text == ")" && tokens[i + 2].kind == .identifier
                cases.append((single ? tokens[i + 2].text : nil, depth))
            } else if t.kind == .identifier && t.text == "endcase" {
                _ = cases.popLast()
            } else if t.kind == .identifier, parameters.contains(t.text), i + 1 < block.upperBound,
                tokens[i + 1].text == ":", i > block.lowerBound,
                [";", "end", ")", ",", "begin"].contains(tokens[i - 1].text),
                let subject = cases.last?.subject
            {
                caseLabels[subject, default: []].append(t.text)
            } else if depth == 0, t.kind == .symbol, t.text == "<=" || t.text == "=" {
                let targets = assignmentTargets(before: i)
                if clocked {
                    for name in targets where !clockedTargets.contains(name) { clockedTargets.append(name) }
                }
                // Every constant on the right (`state <= din ? S1 : S10;`) is a value the target takes.
                var j = i + 1
                while j < block.upperBound, tokens[j].text != ";" {
                    if tokens[j].kind == .identifier, parameters.contains(tokens[j].text) {
                        for name in targets { stateAssignments[name, default: []].insert(tokens[j].text) }
                    }
                    j += 1
                }
            }
            i += 1
        }
    }

    /// `q`, `q[3]` or `{a, b}` before the assignment operator at `i`.
    func assignmentTargets(before i: Int) -> [String] {
        var j = i - 1
        if j >= 0, tokens[j].text == "]" {
            var depth = 0
            while j >= 0 {
                if tokens[j].text == "]" { depth += 1 }
                if tokens[j].text == "[" {
                    depth -= 1
                    if depth == 0 { break }
                }
                j -= 1
            }
            j -= 1
        }
        guard j >= 0 else { return [] }
        if tokens[j].kind == .identifier { return [tokens[j].text] }
        guard tokens[j].text == "}" else { return [] }
        var names: [String] = []
        while j >= 0, tokens[j].text != "{" {
            if tokens[j].kind == .identifier { names.insert(tokens[j].text, at: 0) }
            j -= 1
        }
        return names
    }

    /// Settles the reset, registers and state machine once every block has been read.
    mutating func finish(_ facts: inout DesignFacts) {
        let inputNames = Set(facts.inputs.map(\.name))
        if let candidate = resetCandidates.first(where: { $0.async && inputNames.contains($0.name) })
            ?? resetCandidates.first(where: { inputNames.contains($0.name) })
        {
            facts.reset = DesignFacts.Reset(
                name: candidate.name, isAsynchronous: candidate.async, isActiveLow: candidate.activeLow)
        }
        // `state == DONE` anywhere (an output decode in an assign) names a state too.
        for i in tokens.indices.dropFirst().dropLast() where tokens[i].text == "==" || tokens[i].text == "!=" {
            let (left, right) = (tokens[i - 1], tokens[i + 1])
            if left.kind == .identifier, parameters.contains(right.text) {
                stateAssignments[left.text, default: []].insert(right.text)
            } else if right.kind == .identifier, parameters.contains(left.text) {
                stateAssignments[right.text, default: []].insert(left.text)
            }
        }
        facts.registers = clockedTargets.map { declaredWidths[$0] ?? DesignFacts.Signal(name: $0) }
        var best: DesignFacts.StateMachine?
        for register in facts.registers {
            var names = Set(caseLabels[register.name] ?? []).union(stateAssignments[register.name] ?? [])
            for (signal, constants) in stateAssignments where signal.lowercased().contains("next") {
                names.formUnion(constants)
            }
            // A state reached only by arithmetic (`phase <= phase + 1`) is named nowhere; the
            // constants declared with the named states whose values fit the register count too.
            let limit = register.width.map { $0 < 31 ? 1 << $0 : Int.max } ?? Int.max
            for group in parameterGroups where group.contains(where: names.contains) {
                for name in group {
                    if let value = parameterValues[name], value < limit { names.insert(name) }
                }
            }
            let states = parameters.filter(names.contains)
            if states.count >= 2, states.count > best?.states.count ?? 0 {
                best = DesignFacts.StateMachine(register: register, states: states)
            }
        }
        facts.stateMachine = best
    }
}
