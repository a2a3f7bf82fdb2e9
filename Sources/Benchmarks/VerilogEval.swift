import Foundation

/// VerilogEval v1 and v2 read from a checkout in the upstream repository's layout, so users can
/// point `--dataset-dir` at their own clone.
///
/// Accepted roots: a folder holding `v1/` and `v2/` (as in `shared/datasets/verilog-eval`), or
/// an upstream clone of either release (`data/` + `descriptions/` for v1; `dataset_*` for v2).
public enum VerilogEval {
    public static func load(_ suite: SuiteName, datasetDir: URL) throws -> [Problem] {
        switch suite {
        case .v1Human: return try loadV1(root: try v1Root(datasetDir), split: "Human")
        case .v1Machine: return try loadV1(root: try v1Root(datasetDir), split: "Machine")
        case .v2SpecToRTL: return try loadV2(folder: try v2Folder(datasetDir, "dataset_spec-to-rtl"), codeComplete: false)
        case .v2CodeComplete:
            return try loadV2(folder: try v2Folder(datasetDir, "dataset_code-complete-iccad2023"), codeComplete: true)
        case .jsonl:
            throw BenchmarksError.unreadable(path: datasetDir.path, detail: "suite 'jsonl' is read with --problems FILE")
        }
    }

    /// Upstream's in-context example prefix for `shots` (1 to 4) examples: v2's
    /// `prompt-examples/verilog-example-prefix_<task>_<k>-shot.txt` (under `scripts/` in an
    /// upstream clone). v1 suites use the code-completion examples. Empty for 0 shots.
    public static func promptExamples(_ suite: SuiteName, datasetDir: URL, shots: Int) throws -> String {
        guard shots > 0 else { return "" }
        let task = suite == .v2SpecToRTL || suite == .jsonl ? "spec-to-rtl" : "code-complete-iccad2023"
        let name = "verilog-example-prefix_\(task)_\(shots)-shot.txt"
        let candidates = ["v2/prompt-examples", "prompt-examples", "scripts"].map {
            datasetDir.appendingPathComponent($0).appendingPathComponent(name)
        }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw BenchmarksError.missingFile(path: candidates[0].path)
        }
        return try JSONLines.readText(url)
    }

    private static func v1Root(_ dir: URL) throws -> URL {
        for candidate in [dir.appendingPathComponent("v1"), dir]
        where
            FileManager.default.fileExists(atPath: candidate.appendingPathComponent("data/VerilogEval_Human.jsonl").path)
        {
            return candidate
        }
        throw BenchmarksError.missingFile(path: dir.appendingPathComponent("v1/data/VerilogEval_Human.jsonl").path)
    }

    private static func v2Folder(_ dir: URL, _ name: String) throws -> URL {
        for candidate in [dir.appendingPathComponent("v2/\(name)"), dir.appendingPathComponent(name)] {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), isDir.boolValue { return candidate }
        }
        throw BenchmarksError.missingFile(path: dir.appendingPathComponent("v2/\(name)").path)
    }

    /// v1: `prompt` is the `top_module` header, `canonical_solution` the body, `test` the testbench
    /// with `reference_module` inside; specs come from `descriptions/`.
    static func loadV1(root: URL, split: String) throws -> [Problem] {
        let dataURL = root.appendingPathComponent("data/VerilogEval_\(split).jsonl")
        let descURL = root.appendingPathComponent("descriptions/VerilogDescription_\(split).jsonl")
        var descriptions: [String: String] = [:]
        if FileManager.default.fileExists(atPath: descURL.path) {
            for (line, object) in try JSONLines.objects(at: descURL) {
                let id = try JSONLines.string(object, "task_id", path: descURL.path, line: line)
                descriptions[id] = try JSONLines.string(object, "detail_description", path: descURL.path, line: line)
            }
        }
        var problems: [Problem] = []
        for (line, object) in try JSONLines.objects(at: dataURL) {
            let id = try JSONLines.string(object, "task_id", path: dataURL.path, line: line)
            let header = try JSONLines.string(object, "prompt", path: dataURL.path, line: line)
            let body = try JSONLines.string(object, "canonical_solution", path: dataURL.path, line: line)
            let test = try JSONLines.string(object, "test", path: dataURL.path, line: line)
            problems.append(
                Problem(
                    id: id, prompt: descriptions[id] ?? header, moduleHeader: header, top: "top_module",
                    reference: header + "\n" + body, referenceTop: "top_module", testbench: test,
                    rule: .v1, family: "verilog-eval-v1-\(split.lowercased())"))
        }
        guard !problems.isEmpty else { throw BenchmarksError.emptySuite(path: dataURL.path) }
        return problems
    }

    /// v2: `ProbNNN_name_{prompt.txt, ref.sv, test.sv[, ifc.txt]}`; the reference module is
    /// `RefModule`, the candidate `TopModule`.
    static func loadV2(folder: URL, codeComplete: Bool) throws -> [Problem] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw BenchmarksError.unreadable(path: folder.path, detail: error.localizedDescription)
        }
        let ids = names.filter { $0.hasSuffix("_test.sv") }.map { String($0.dropLast("_test.sv".count)) }.sorted()
        var problems: [Problem] = []
        for id in ids {
            func file(_ suffix: String) throws -> String {
                try JSONLines.readText(folder.appendingPathComponent(id + suffix))
            }
            let ifcURL = folder.appendingPathComponent(id + "_ifc.txt")
            let header = FileManager.default.fileExists(atPath: ifcURL.path) ? try JSONLines.readText(ifcURL) : nil
            problems.append(
                Problem(
                    id: id, prompt: try file("_prompt.txt"), moduleHeader: header, top: "TopModule",
                    reference: try file("_ref.sv"), referenceTop: "RefModule", testbench: try file("_test.sv"),
                    rule: .v2, family: codeComplete ? "verilog-eval-v2-code-complete" : "verilog-eval-v2-spec-to-rtl"))
        }
        guard !problems.isEmpty else { throw BenchmarksError.emptySuite(path: folder.path) }
        return problems
    }
}
