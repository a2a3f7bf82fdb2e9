import Benchmarks
import Foundation
import Verilog

/// An instruction and the Verilog written for it, as instruction-tuning sets publish them.
public struct ImportedPair: Sendable, Hashable {
    public var id: String
    public var instruction: String
    public var response: String
    /// 1-based line (JSONL) or element (JSON array) in the source file.
    public var line: Int

    /// Reads RTLCoder-style rows (`Instruction`, `Input`, `Response`; a JSON array or JSON Lines)
    /// and chat rows (`messages`: the last user turn and the assistant turn after it).
    public static func load(_ url: URL, idPrefix: String) throws -> [ImportedPair] {
        let text = try JSONLines.readText(url)
        let rows: [(Int, [String: Any])]
        if text.drop(while: \.isWhitespace).first == "[" {
            guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any] else {
                throw BenchmarksError.malformed(path: url.path, line: 1, field: "(file)", detail: "not a JSON array")
            }
            rows = try array.enumerated().map { i, element in
                guard let object = element as? [String: Any] else {
                    throw BenchmarksError.malformed(
                        path: url.path, line: i + 1, field: "(row)", detail: "element \(i + 1) is not an object")
                }
                return (i + 1, object)
            }
        } else {
            rows = try JSONLines.objects(at: url).map { ($0.line, $0.object) }
        }
        return try rows.map { line, object in
            let id = (object["id"] as? String) ?? "\(idPrefix)\(line)"
            if let messages = object["messages"] as? [[String: Any]] {
                guard let answer = messages.lastIndex(where: { $0["role"] as? String == "assistant" }),
                    let question = messages[..<answer].lastIndex(where: { $0["role"] as? String == "user" }),
                    let response = messages[answer]["content"] as? String,
                    let instruction = messages[question]["content"] as? String
                else {
                    throw BenchmarksError.malformed(
                        path: url.path, line: line, field: "messages", detail: "needs a user turn followed by an assistant turn")
                }
                return ImportedPair(id: id, instruction: instruction, response: response, line: line)
            }
            let instruction = try JSONLines.string(object, "Instruction", path: url.path, line: line)
            let input = (object["Input"] as? String) ?? ""
            let response = try JSONLines.string(object, "Response", path: url.path, line: line)
            return ImportedPair(
                id: id, instruction: input.isEmpty ? instruction : instruction + "\n\n" + input, response: response, line: line)
        }
    }
}

/// Turns instruction/code pairs into problems checked by differential equivalence against the
/// given code: pairs whose code does not compile on this simulator are dropped.
public struct PairImporter: Sendable {
    public var toolchain: Toolchain
    public var limits: SandboxLimits

    public init(toolchain: Toolchain, limits: SandboxLimits = SandboxLimits(wallSeconds: 10, cpuSeconds: 10)) {
        self.toolchain = toolchain
        self.limits = limits
    }

    public enum Rejection: String, Sendable, Hashable, Codable, CaseIterable {
        case noCode = "no_code"
        case noHeader = "no_module_header"
        case compileError = "compile_error"
    }

    /// A problem for the pair, or why there is none.
    public func problem(for pair: ImportedPair) -> Result<Problem, ImportFailure> {
        let code = CodeExtraction.extract(from: pair.response).code
        let modules = ModuleNames.declared(in: code)
        guard !modules.isEmpty else { return .failure(ImportFailure(pair: pair, reason: .noCode)) }
        // The top is the module no other module instantiates (the last one when that is unclear).
        let top =
            modules.last { name in
                !modules.contains { other in other != name && Self.body(of: other, in: code)?.contains(name) == true }
            } ?? modules[modules.count - 1]
        guard let header = Self.header(of: top, in: code) else { return .failure(ImportFailure(pair: pair, reason: .noHeader)) }
        do {
            let run = try toolchain.icarus([SourceFile(name: "design.sv", text: code)], roots: [top], limits: limits)
            guard run.compile.succeeded else { return .failure(ImportFailure(pair: pair, reason: .compileError)) }
        } catch {
            return .failure(ImportFailure(pair: pair, reason: .compileError))
        }
        return .success(
            Problem(
                id: pair.id, prompt: pair.instruction,
                moduleHeader: ModuleNames.renaming(header, [top: "TopModule"]), top: "TopModule",
                reference: ModuleNames.renaming(code, [top: "RefModule"]), referenceTop: "RefModule", family: "imported"))
    }

    /// `module NAME ... );` of the named module.
    static func header(of module: String, in code: String) -> String? {
        guard let start = declaration(of: module, in: code),
            let end = code.range(of: ");", range: start.upperBound..<code.endIndex)
        else { return nil }
        return String(code[start.lowerBound..<end.upperBound]) + "\n"
    }

    static func body(of module: String, in code: String) -> Substring? {
        guard let start = declaration(of: module, in: code) else { return nil }
        let end = code.range(of: "endmodule", range: start.upperBound..<code.endIndex)?.lowerBound ?? code.endIndex
        return code[start.upperBound..<end]
    }

    static func declaration(of module: String, in code: String) -> Range<String.Index>? {
        var search = code.startIndex..<code.endIndex
        while let found = code.range(of: "module", range: search) {
            let rest = code[found.upperBound...].drop(while: \.isWhitespace)
            let before = found.lowerBound == code.startIndex ? " " : code[code.index(before: found.lowerBound)]
            if (before.isWhitespace || before == ";") && rest.hasPrefix(module),
                rest.dropFirst(module.count).first.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? false
            {
                return found.lowerBound..<code.index(rest.startIndex, offsetBy: module.count)
            }
            search = found.upperBound..<code.endIndex
        }
        return nil
    }
}

/// A pair that did not become a problem.
public struct ImportFailure: Error, Sendable, Hashable {
    public var pair: ImportedPair
    public var reason: PairImporter.Rejection
}
