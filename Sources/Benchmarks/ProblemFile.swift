import Foundation
import Verilog

/// The project's own problem format: JSON Lines, one problem an object.
///
/// Fields: `id` (string, required), `prompt` (string, required), `module_header`, `top`
/// (default `TopModule`), `reference` (golden RTL), `reference_top` (default: `top` if the
/// reference declares it, else `RefModule`, else its first module), `testbench` (self-checking,
/// prints `Mismatches: N in M samples`), `aux_files` (`{name: text}`), `rule` (`v1`|`v2`, default
/// `v2`), `family`. At least one of `reference` and `testbench` is required.
public enum ProblemFile {
    public static func load(_ url: URL) throws -> [Problem] {
        let path = url.path
        var problems: [Problem] = []
        var seen: Set<String> = []
        for (line, object) in try JSONLines.objects(at: url) {
            let problem = try Self.problem(from: object, path: path, line: line)
            guard seen.insert(problem.id).inserted else {
                throw BenchmarksError.duplicateID(path: path, line: line, id: problem.id)
            }
            problems.append(problem)
        }
        guard !problems.isEmpty else { throw BenchmarksError.emptySuite(path: path) }
        return problems
    }

    /// One problem row (a decoded JSON object); `path` and `line` only label errors, so the
    /// reward server can read a problem sent inline in a request with the same rules.
    public static func problem(from object: [String: Any], path: String, line: Int) throws -> Problem {
        let id = try JSONLines.string(object, "id", path: path, line: line)
        guard !id.isEmpty else { throw BenchmarksError.malformed(path: path, line: line, field: "id", detail: "empty") }
        let prompt = try JSONLines.string(object, "prompt", path: path, line: line)
        let header = try JSONLines.optionalString(object, "module_header", path: path, line: line)
        let top = try JSONLines.optionalString(object, "top", path: path, line: line) ?? "TopModule"
        let reference = try JSONLines.optionalString(object, "reference", path: path, line: line)
        let testbench = try JSONLines.optionalString(object, "testbench", path: path, line: line)
        let family = try JSONLines.optionalString(object, "family", path: path, line: line)
        guard reference != nil || testbench != nil else {
            throw BenchmarksError.malformed(
                path: path, line: line, field: "reference",
                detail: "a problem needs a 'reference' or a 'testbench'")
        }
        var aux: [String: String] = [:]
        if let raw = object["aux_files"], !(raw is NSNull) {
            guard let dict = raw as? [String: Any] else {
                throw BenchmarksError.malformed(
                    path: path, line: line, field: "aux_files", detail: "expected an object {name: text}")
            }
            for (name, value) in dict {
                guard let text = value as? String else {
                    throw BenchmarksError.malformed(
                        path: path, line: line, field: "aux_files.\(name)", detail: "expected a string")
                }
                guard !name.isEmpty, !name.contains("/"), name != "..", name != "." else {
                    throw BenchmarksError.malformed(
                        path: path, line: line, field: "aux_files.\(name)",
                        detail: "file names may not contain '/'")
                }
                aux[name] = text
            }
        }
        var rule = TestbenchRule.v2
        if let r = try JSONLines.optionalString(object, "rule", path: path, line: line) {
            guard let parsed = TestbenchRule(rawValue: r) else {
                throw BenchmarksError.malformed(
                    path: path, line: line, field: "rule", detail: "expected 'v1' or 'v2', got '\(r)'")
            }
            rule = parsed
        }
        var referenceTop = try JSONLines.optionalString(object, "reference_top", path: path, line: line)
        // Module names are spliced into the harness the checkers build: only identifiers.
        for (field, name) in [("top", top), ("reference_top", referenceTop)] {
            if let name, !Self.isIdentifier(name) {
                throw BenchmarksError.malformed(
                    path: path, line: line, field: field, detail: "'\(name)' is not a Verilog module name")
            }
        }
        if referenceTop == nil, let reference {
            referenceTop = Self.guessReferenceTop(reference, top: top)
        }
        return Problem(
            id: id, prompt: prompt, moduleHeader: header, top: top, reference: reference,
            referenceTop: referenceTop, testbench: testbench, auxFiles: aux, rule: rule,
            family: family)
    }

    /// A simple Verilog identifier: a letter or `_`, then letters, digits, `_` or `$`.
    static func isIdentifier(_ name: String) -> Bool {
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
        let rest = letters.union(CharacterSet(charactersIn: "0123456789$"))
        guard let first = name.unicodeScalars.first, letters.contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { rest.contains($0) }
    }

    static func guessReferenceTop(_ reference: String, top: String) -> String {
        let modules = ModuleNames.declared(in: reference)
        if modules.contains(top) { return top }
        if modules.contains("RefModule") { return "RefModule" }
        return modules.first ?? top
    }
}
