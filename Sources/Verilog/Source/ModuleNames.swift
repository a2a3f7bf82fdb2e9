/// Module-level facts and edits on source text, done on tokens so comments and strings are safe.
public enum ModuleNames {
    /// Names of the modules declared in `source`, in order.
    public static func declared(in source: String) -> [String] {
        declared(tokens: Lexer().tokens(source))
    }

    static func declared(tokens: [Token]) -> [String] {
        var names: [String] = []
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .identifier, t.text == "module" || t.text == "macromodule" {
                var j = i + 1
                if j < tokens.count, tokens[j].text == "automatic" || tokens[j].text == "static" { j += 1 }
                if j < tokens.count, tokens[j].kind == .identifier { names.append(tokens[j].text) }
                i = j
            }
            i += 1
        }
        return names
    }

    /// Replaces every identifier token found in `mapping` by its value.
    public static func renaming(_ source: String, _ mapping: [String: String]) -> String {
        guard !mapping.isEmpty else { return source }
        var bytes = Array(source.utf8)
        for token in Lexer().tokens(source).reversed() where token.kind == .identifier {
            if let new = mapping[token.text] {
                bytes.replaceSubrange(token.range, with: Array(new.utf8))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Makes `top` the name of the candidate's top module: if no module has that name, the first
    /// module that no other module instantiates (usually `top_module` or the only one) is renamed.
    public static func renamingTop(_ source: String, to top: String) -> String {
        let tokens = Lexer().tokens(source)
        let modules = declared(tokens: tokens)
        guard !modules.contains(top), !modules.isEmpty else { return source }
        let used = Set(tokens.map(\.text))
        let instantiatedCount = Dictionary(
            grouping: tokens.filter { $0.kind == .identifier && modules.contains($0.text) }, by: \.text
        )
        .mapValues(\.count)
        let root = modules.first { instantiatedCount[$0, default: 0] == 1 } ?? modules[0]
        guard !used.contains(top) else { return source }
        return renaming(source, [root: top])
    }
}
