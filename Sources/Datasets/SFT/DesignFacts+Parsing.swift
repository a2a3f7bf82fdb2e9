import Verilog

extension DesignFacts {
    /// Reads the facts of module `top` in `source` (the first module when `top` is absent), from
    /// tokens so comments and strings cannot mislead it. It never fails: what it cannot see is
    /// left out, and the rationale then says less.
    public init(source: String, top: String) {
        self.init()
        let all = Lexer().tokens(source)
        guard let body = Self.moduleTokens(all, named: top) else { return }
        var parser = FactParser(tokens: body)
        parser.run(into: &self)
    }

    /// The tokens from after `module NAME` up to its `endmodule`.
    static func moduleTokens(_ tokens: [Token], named top: String) -> ArraySlice<Token>? {
        let starts = tokens.indices.filter {
            tokens[$0].kind == .identifier && (tokens[$0].text == "module" || tokens[$0].text == "macromodule")
                && $0 + 1 < tokens.count
        }
        guard let start = starts.first(where: { tokens[$0 + 1].text == top }) ?? starts.first else { return nil }
        let end = tokens[(start + 2)...].firstIndex { $0.kind == .identifier && $0.text == "endmodule" } ?? tokens.endIndex
        return tokens[(start + 2)..<end]
    }
}

/// One pass over a module's tokens. Declarations are read at nesting depth 0; `always` blocks
/// are read as a whole so assignments and case labels can be tied to the block's clock.
struct FactParser {
    let tokens: [Token]
    var declaredWidths: [String: DesignFacts.Signal] = [:]
    var parameters: [String] = []
    /// Names declared in the same `localparam`/`parameter` statement, by statement.
    var parameterGroups: [[String]] = []
    /// Values of parameters set to a plain number.
    var parameterValues: [String: Int] = [:]
    var clockedTargets: [String] = []
    var stateAssignments: [String: Set<String>] = [:]
    var caseLabels: [String: [String]] = [:]
    var resetCandidates: [(name: String, activeLow: Bool, async: Bool)] = []

    init(tokens: ArraySlice<Token>) { self.tokens = Array(tokens) }

    static let directions: Set<String> = ["input", "output", "inout"]
    static let typeWords: Set<String> = [
        "wire", "reg", "logic", "signed", "unsigned", "bit", "var", "tri", "integer", "const",
    ]
    static let blockStarts: Set<String> = [
        "always", "always_ff", "always_comb", "always_latch", "assign", "initial", "endmodule", "generate",
        "function", "task", "localparam", "parameter", "reg", "wire", "logic", "integer", "genvar", "input", "output",
    ]

    mutating func run(into facts: inout DesignFacts) {
        var i = 0
        var depth = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .symbol && (t.text == "(" || t.text == "[" || t.text == "{") { depth += 1 }
            if t.kind == .symbol && (t.text == ")" || t.text == "]" || t.text == "}") { depth = max(0, depth - 1) }
            guard t.kind == .identifier else {
                i += 1
                continue
            }
            switch t.text {
            case _ where Self.directions.contains(t.text):
                i = readPorts(from: i, into: &facts)
            case "reg", "logic":
                if depth == 0 { i = readDeclaration(from: i) } else { i += 1 }
            case "localparam", "parameter":
                i = readParameters(from: i)
            case "assign":
                facts.usesContinuousAssign = true
                i += 1
            case "always", "always_ff", "always_comb", "always_latch":
                i = readAlways(from: i, into: &facts)
            default:
                if depth == 0, i + 2 < tokens.count, tokens[i + 1].kind == .identifier, tokens[i + 2].text == "(",
                    !Self.blockStarts.contains(t.text), !["begin", "end", "else", "if", "case"].contains(t.text)
                {
                    facts.instances.append(t.text)
                }
                i += 1
            }
        }
        finish(&facts)
    }

    // MARK: - Declarations

    /// `[hi:lo]` starting at `i`: the text, the width when numeric, and the index after `]`.
    func range(at i: Int) -> (text: String, width: Int?, next: Int)? {
        guard i < tokens.count, tokens[i].text == "[" else { return nil }
        var j = i + 1
        var depth = 1
        var parts: [String] = []
        while j < tokens.count, depth > 0 {
            if tokens[j].text == "[" { depth += 1 }
            if tokens[j].text == "]" { depth -= 1 }
            if depth > 0 { parts.append(tokens[j].text) }
            j += 1
        }
        let text = "[" + parts.joined() + "]"
        let bounds = parts.split(separator: ":")
        var width: Int?
        if bounds.count == 2, bounds[0].count == 1, bounds[1].count == 1, let hi = Int(bounds[0][bounds[0].startIndex]),
            let lo = Int(bounds[1][bounds[1].startIndex])
        {
            width = abs(hi - lo) + 1
        }
        return (text, width, j)
    }

    /// `input [3:0] a, b` (ANSI header or body declaration) up to `;`, `)` or the next direction.
    mutating func readPorts(from start: Int, into facts: inout DesignFacts) -> Int {
        let isInput = tokens[start].text == "input"
        var i = start + 1
        var packed: (text: String, width: Int?)?
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .identifier && Self.typeWords.contains(t.text) {
                i += 1
            } else if let r = range(at: i) {
                if packed == nil { packed = (r.text, r.width) }
                i = r.next
            } else if t.kind == .identifier && !Self.directions.contains(t.text) {
                let signal = DesignFacts.Signal(name: t.text, range: packed?.text, width: packed?.width)
                if isInput {
                    facts.inputs.removeAll { $0.name == t.text }
                    facts.inputs.append(signal)
                } else {
                    facts.outputs.removeAll { $0.name == t.text }
                    facts.outputs.append(signal)
                }
                declaredWidths[t.text] = signal
                i += 1
                while let r = range(at: i) { i = r.next }  // unpacked dimensions
            } else if t.text == "," {
                i += 1
            } else {
                return t.text == "=" ? i + 1 : max(i, start + 1)
            }
        }
        return i
    }

    /// `reg [2:0] state, next_state;`
    mutating func readDeclaration(from start: Int) -> Int {
        var i = start + 1
        var packed: (text: String, width: Int?)?
        while i < tokens.count, tokens[i].text != ";" {
            if let r = range(at: i) {
                if packed == nil { packed = (r.text, r.width) }
                i = r.next
                continue
            }
            let t = tokens[i]
            if t.kind == .identifier && !Self.typeWords.contains(t.text) && declaredWidths[t.text] == nil {
                var words: [String] = []
                var next = i + 1
                while let r = range(at: next) {
                    words.append(r.text)
                    next = r.next
                }
                declaredWidths[t.text] = DesignFacts.Signal(
                    name: t.text, range: packed?.text, width: packed?.width,
                    words: words.isEmpty ? nil : words.joined())
                i = next
                continue
            }
            if t.text == "=" {  // skip an initialiser
                while i < tokens.count, tokens[i].text != ",", tokens[i].text != ";" { i += 1 }
                continue
            }
            i += 1
        }
        return i
    }

    /// `localparam [1:0] A = 0, B = 1;` or `parameter IDLE = 2'd0;` (names before each `=`).
    mutating func readParameters(from start: Int) -> Int {
        var i = start + 1
        var depth = 0
        var group: [String] = []
        defer { parameterGroups.append(group) }
        while i < tokens.count {
            let t = tokens[i]
            if t.text == "(" || t.text == "{" || t.text == "[" { depth += 1 }
            if t.text == ")" || t.text == "}" || t.text == "]" {
                if depth == 0 { return i }
                depth -= 1
            }
            if t.text == ";" && depth == 0 { return i + 1 }
            if t.text == "=" && depth == 0, i > start + 1, tokens[i - 1].kind == .identifier {
                parameters.append(tokens[i - 1].text)
                group.append(tokens[i - 1].text)
                if i + 2 < tokens.count, tokens[i + 2].text == "," || tokens[i + 2].text == ";",
                    let value = Self.literalValue(tokens[i + 1].text)
                {
                    parameterValues[tokens[i - 1].text] = value
                }
            }
            i += 1
        }
        return i
    }

    /// `5`, `3'd4`, `2'b01`, `4'hA` as a number.
    static func literalValue(_ text: String) -> Int? {
        let plain = text.replacingOccurrences(of: "_", with: "")
        guard let tick = plain.firstIndex(of: "'") else { return Int(plain) }
        var rest = plain[plain.index(after: tick)...]
        if rest.first == "s" || rest.first == "S" { rest = rest.dropFirst() }
        guard let base = rest.first.map({ String($0).lowercased() }) else { return nil }
        let digits = String(rest.dropFirst())
        switch base {
        case "d": return Int(digits)
        case "b": return Int(digits, radix: 2)
        case "h": return Int(digits, radix: 16)
        case "o": return Int(digits, radix: 8)
        default: return nil
        }
    }
}
