import Foundation

extension ProblemFile {
    /// Problems as the JSONL `load` reads (snake_case fields, keys sorted, one object a line).
    /// Optional fields are left out when empty, and `reference_top` is always written so a
    /// reader need not guess it.
    public static func encode(_ problems: [Problem]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for problem in problems {
            data.append(try encoder.encode(Row(problem)))
            data.append(0x0A)
        }
        return data
    }

    private struct Row: Encodable {
        var id: String
        var prompt: String
        var module_header: String?
        var top: String
        var reference: String?
        var reference_top: String?
        var testbench: String?
        var aux_files: [String: String]?
        var rule: String
        var family: String?

        init(_ p: Problem) {
            id = p.id
            prompt = p.prompt
            module_header = p.moduleHeader
            top = p.top
            reference = p.reference
            reference_top = p.reference == nil ? nil : p.referenceTop
            testbench = p.testbench
            aux_files = p.auxFiles.isEmpty ? nil : p.auxFiles
            rule = p.rule.rawValue
            family = p.family
        }
    }
}
