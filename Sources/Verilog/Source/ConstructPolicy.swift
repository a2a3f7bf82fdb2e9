/// A construct in candidate code that the verifier refuses to run, with where it was found.
public struct ForbiddenConstruct: Sendable, Hashable, Codable, CustomStringConvertible {
    public var construct: String
    public var line: Int
    public var reason: String

    public var description: String { "line \(line): \(construct) (\(reason))" }

    /// Whether handing the candidate to the compiler alone (no simulation) is harmless despite
    /// this construct: true for all but those that act while compiling (reading other files, or
    /// redefining a directive) and inputs refused for their size or bytes.
    public var isHarmlessToCompile: Bool {
        construct != "`include" && construct != "NUL byte" && !construct.hasPrefix("source of ")
            && !construct.hasPrefix("`define ")
    }
}

/// Decides which constructs a candidate design may use. Generated RTL is untrusted: it must not
/// end the simulation, touch files, reach into the testbench, or pull in other sources. System
/// tasks and directives are allow-listed, so an unknown one is refused rather than trusted.
public struct ConstructPolicy: Sendable {
    /// System tasks and functions a synthesisable design or its debug prints may use.
    public var allowedSystemNames: Set<String>
    /// Compiler directives a design may use.
    public var allowedDirectives: Set<String>
    /// Largest candidate in bytes; larger code is refused before anything runs.
    public var maxSourceBytes: Int

    public init(
        allowedSystemNames: Set<String> = ConstructPolicy.defaultSystemNames,
        allowedDirectives: Set<String> = ConstructPolicy.defaultDirectives,
        maxSourceBytes: Int = 256 * 1024
    ) {
        self.allowedSystemNames = allowedSystemNames
        self.allowedDirectives = allowedDirectives
        self.maxSourceBytes = maxSourceBytes
    }

    public static let defaultSystemNames: Set<String> = [
        "$display", "$displayb", "$displayh", "$displayo", "$write", "$writeb", "$writeh", "$writeo",
        "$strobe", "$strobeb", "$strobeh", "$strobeo", "$monitor", "$monitorb", "$monitorh", "$monitoro",
        "$monitoron", "$monitoroff", "$time", "$stime", "$realtime", "$timeformat", "$printtimescale",
        "$signed", "$unsigned", "$clog2", "$bits", "$size", "$left", "$right", "$low", "$high",
        "$increment", "$dimensions", "$unpacked_dimensions", "$countones", "$countbits", "$onehot", "$onehot0",
        "$isunknown", "$random", "$urandom", "$urandom_range", "$dist_uniform", "$dist_normal",
        "$rtoi", "$itor", "$realtobits", "$bitstoreal", "$shortrealtobits", "$bitstoshortreal",
        "$floor", "$ceil", "$pow", "$sqrt", "$ln", "$log10", "$exp", "$abs", "$sin", "$cos", "$tan",
        "$sformatf", "$sformat", "$psprintf", "$cast", "$error", "$warning", "$info",
        "$past", "$rose", "$fell", "$stable", "$changed",
    ]

    public static let defaultDirectives: Set<String> = [
        "`timescale", "`default_nettype", "`define", "`undef", "`ifdef", "`ifndef", "`else", "`elsif",
        "`endif", "`resetall", "`celldefine", "`endcelldefine",
    ]

    /// The standard's compiler directives and predefined macros, without their backtick.
    static let directiveNames: Set<String> = [
        "timescale", "include", "define", "undef", "undefineall", "ifdef", "ifndef", "else", "elsif", "endif",
        "resetall", "celldefine", "endcelldefine", "default_nettype", "unconnected_drive", "nounconnected_drive",
        "line", "pragma", "begin_keywords", "end_keywords", "default_decay_time", "default_trireg_strength",
        "delay_mode_distributed", "delay_mode_path", "delay_mode_unit", "delay_mode_zero", "__FILE__", "__LINE__",
    ]

    /// Keywords that attach code to other scopes or load foreign code.
    static let forbiddenKeywords: [String: String] = [
        "bind": "binds code into another module",
        "program": "program blocks can end the simulation",
        "config": "configurations change what the testbench links",
        "library": "library maps load other sources",
    ]

    /// Every forbidden construct in `source`; empty means the candidate may run.
    public func violations(in source: String) -> [ForbiddenConstruct] {
        if source.utf8.count > maxSourceBytes {
            return [
                ForbiddenConstruct(
                    construct: "source of \(source.utf8.count) bytes", line: 1,
                    reason: "larger than the \(maxSourceBytes)-byte limit")
            ]
        }
        if source.utf8.contains(0) {
            return [ForbiddenConstruct(construct: "NUL byte", line: 1, reason: "binary data is not Verilog")]
        }
        let tokens = Lexer().tokens(source)
        var found: [ForbiddenConstruct] = []
        // A name is the design's own only inside the module that declares it: from any other
        // module, `tb.errors` resolves upward, into the testbench, whatever a module the harness
        // never builds calls its instances.
        let modules = Set(ModuleNames.declared(tokens: tokens))
        let bodies = Self.moduleBodies(tokens)
        let types = Self.typeNames(tokens)
        let scopesOfBody = bodies.map { ownScopes(Array(tokens[$0]), modules: modules, types: types) }
        func scopes(at index: Int) -> Set<String> {
            bodies.firstIndex { $0.contains(index) }.map { scopesOfBody[$0] } ?? []
        }
        for (i, t) in tokens.enumerated() {
            switch t.kind {
            case .systemName where !allowedSystemNames.contains(t.text):
                let reason: String
                switch t.text {
                case "$finish", "$stop", "$fatal", "$exit": reason = "ends the simulation early"
                case "$root", "$unit": reason = "reaches outside the design"
                default:
                    reason =
                        t.text.hasPrefix("$f") || t.text.hasPrefix("$readmem") || t.text.hasPrefix("$writemem")
                            || t.text.hasPrefix("$dump") ? "file access" : "not an allowed system task"
                }
                found.append(ForbiddenConstruct(construct: t.text, line: t.line, reason: reason))
            case .directive
            where t.text == "`define" && i + 1 < tokens.count && Self.directiveNames.contains(tokens[i + 1].text):
                // A macro named like a directive rewrites that directive wherever it appears later,
                // in the harness's files too (`timescale opens the watchdog).
                found.append(
                    ForbiddenConstruct(
                        construct: "`define \(tokens[i + 1].text)", line: t.line, reason: "redefines a compiler directive"))
            case .directive where !allowedDirectives.contains(t.text):
                // A use of a macro the candidate defined itself is fine (but not of one named
                // like a directive: that definition is refused above, and the directive stays one).
                let name = String(t.text.dropFirst())
                if Self.directiveNames.contains(name) || !definesMacro(tokens, named: name) {
                    found.append(
                        ForbiddenConstruct(
                            construct: t.text, line: t.line,
                            reason: t.text == "`include" ? "reads another file" : "directive not allowed"))
                }
            case .identifier:
                if let reason = Self.forbiddenKeywords[t.text] {
                    found.append(ForbiddenConstruct(construct: t.text, line: t.line, reason: reason))
                } else if t.text == "import", i + 1 < tokens.count, tokens[i + 1].kind == .string {
                    found.append(
                        ForbiddenConstruct(
                            construct: "import \(tokens[i + 1].text)", line: t.line,
                            reason: "foreign-language code"))
                } else if i + 2 < tokens.count, tokens[i + 1].text == ".", tokens[i + 2].kind == .identifier,
                    !(i > 0 && tokens[i - 1].text == "."), !scopes(at: i).contains(t.text)
                {
                    found.append(
                        ForbiddenConstruct(
                            construct: "\(t.text).\(tokens[i + 2].text)", line: t.line,
                            reason: "hierarchical reference outside the design"))
                }
            default:
                break
            }
        }
        return found
    }

    /// The first instance in `source` of one of `harnessModules` (the reference, the testbench's
    /// own modules): a design that wraps the golden one it is checked against would pass without
    /// doing anything, and teach a policy to call the hidden reference.
    public func harnessInstance(in source: String, harnessModules: Set<String>) -> ForbiddenConstruct? {
        let tokens = Lexer().tokens(source)
        // A module the design declares itself is its own (a clash with the harness's fails to compile).
        let forbidden = harnessModules.subtracting(ModuleNames.declared(tokens: tokens))
        for (i, t) in tokens.enumerated() where t.kind == .identifier && forbidden.contains(t.text) {
            // Name [#(...)] instance (   -- or any use as a type: the name has no other business here.
            guard i + 1 < tokens.count, tokens[i + 1].kind == .identifier || tokens[i + 1].text == "#" else { continue }
            return ForbiddenConstruct(
                construct: t.text, line: t.line, reason: "instantiates the reference, or another module of the checker's harness")
        }
        return nil
    }

    /// The first construct in a problem's own code (testbench, reference) that reaches the host:
    /// file access, `$system`, `` `include ``. Problems from a file are the user's own; problems
    /// sent inline over HTTP are not, and their simulations share the sandbox's user, so these
    /// are refused there. Everything else a testbench needs (`$finish`, `$dumpfile`, names into
    /// the design) stays allowed.
    public static func hostAccess(in source: String) -> ForbiddenConstruct? {
        let harmless: Set<String> = ["$finish", "$fatal", "$floor", "$fell"]
        for t in Lexer().tokens(source) {
            switch t.kind {
            case .systemName
            where t.text == "$system" || t.text == "$sdf_annotate" || (t.text.hasPrefix("$f") && !harmless.contains(t.text))
                || t.text.hasPrefix("$readmem") || t.text.hasPrefix("$writemem") || t.text.hasPrefix("$sreadmem"):
                return ForbiddenConstruct(construct: t.text, line: t.line, reason: "reaches the host's files or commands")
            case .directive where t.text == "`include":
                return ForbiddenConstruct(construct: t.text, line: t.line, reason: "reads another file")
            default:
                continue
            }
        }
        // Token pasting (`define S(x) $``x) assembles names the lexer never sees whole.
        if let line = source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { $0.contains("``") }) {
            return ForbiddenConstruct(construct: "``", line: line + 1, reason: "token pasting can assemble a system task's name")
        }
        return nil
    }

    private func definesMacro(_ tokens: [Token], named name: String) -> Bool {
        for (i, t) in tokens.enumerated() where t.text == "`define" && i + 1 < tokens.count && tokens[i + 1].text == name {
            return true
        }
        return false
    }

    /// The token ranges from each `module` (or `macromodule`) to its `endmodule`.
    static func moduleBodies(_ tokens: [Token]) -> [Range<Int>] {
        var bodies: [Range<Int>] = []
        var start: Int?
        for (i, t) in tokens.enumerated() where t.kind == .identifier {
            if t.text == "module" || t.text == "macromodule" {
                start = start ?? i
            } else if t.text == "endmodule", let s = start {
                bodies.append(s..<(i + 1))
                start = nil
            }
        }
        if let s = start { bodies.append(s..<tokens.count) }
        return bodies
    }

    /// Names the candidate's typedefs declare (anywhere in its code, modules or not).
    static func typeNames(_ tokens: [Token]) -> Set<String> {
        var types: Set<String> = []
        for (i, t) in tokens.enumerated() where t.text == "typedef" {
            // typedef ... Name ;  -> the identifier before the first ';' at depth 0.
            var depth = 0
            var j = i + 1
            while j < tokens.count {
                let x = tokens[j].text
                if x == "{" || x == "(" || x == "[" { depth += 1 } else if x == "}" || x == ")" || x == "]" { depth -= 1 }
                if x == ";" && depth == 0 { break }
                j += 1
            }
            if j - 1 > i, tokens[j - 1].kind == .identifier { types.insert(tokens[j - 1].text) }
        }
        return types
    }

    /// Names one module's `tokens` declare and may legally dot into: generate-block labels,
    /// instance names of the candidate's `modules`, and variables of its struct/union `types`.
    func ownScopes(_ tokens: [Token], modules: Set<String>, types: Set<String>) -> Set<String> {
        var scopes: Set<String> = []
        for (i, t) in tokens.enumerated() {
            // begin : label   /  label : begin|for|if|case
            if t.text == ":", i + 1 < tokens.count, i > 0, tokens[i - 1].text == "begin", tokens[i + 1].kind == .identifier {
                scopes.insert(tokens[i + 1].text)
            }
            if t.kind == .identifier, modules.contains(t.text) || types.contains(t.text) {
                // ModName [#(...)] inst ( ...   or   StructType var [, var] ;
                var j = i + 1
                if j < tokens.count, tokens[j].text == "#", j + 1 < tokens.count, tokens[j + 1].text == "(" {
                    var depth = 0
                    j += 1
                    repeat {
                        if tokens[j].text == "(" { depth += 1 } else if tokens[j].text == ")" { depth -= 1 }
                        j += 1
                    } while j < tokens.count && depth > 0
                }
                while j < tokens.count, tokens[j].kind == .identifier {
                    scopes.insert(tokens[j].text)
                    j += 1
                    while j < tokens.count, tokens[j].text == "[" {  // array of instances/variables
                        while j < tokens.count, tokens[j].text != "]" { j += 1 }
                        j += 1
                    }
                    if j < tokens.count, tokens[j].text == "(" { break }
                    if j < tokens.count, tokens[j].text == "," { j += 1 } else { break }
                }
            }
        }
        return scopes
    }
}
