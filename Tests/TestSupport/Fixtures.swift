import Benchmarks
import Foundation
import Support
import Verilog

/// Paths and shared values for the tests.
public enum Fixtures {
    /// The repository root (this file is Tests/TestSupport/Fixtures.swift).
    public static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// VerilogEval, found as every command finds it (`VerilogEvalLocation`: `$VERIREASON_VERILOG_EVAL`,
    /// else the cache that scripts/setup.sh fills). A missing dataset fails the tests that read it
    /// with the lookup's own message, which says how to fetch it.
    public static var verilogEval: URL {
        get throws { try VerilogEvalLocation.resolve(datasetDir: nil) }
    }

    /// A few problems of the project's own in VerilogEval's upstream layout (v1 `data/` and
    /// `descriptions/`, v2 `dataset_*`, prompt-example files), for tests of the layout code that
    /// must not depend on VerilogEval itself.
    public static let verilogEvalLayout = repoRoot.appendingPathComponent("Tests/Fixtures/verilog-eval-layout")

    public static let examples = repoRoot.appendingPathComponent("datasets/examples.jsonl")
    public static let exampleCompletions = repoRoot.appendingPathComponent("datasets/example-completions.jsonl")
    public static let forgingDir = repoRoot.appendingPathComponent("testbenches/forging")

    /// The default policy model installed by scripts/setup.sh.
    public static let defaultModel: URL = {
        VerireasonHome.url().appendingPathComponent("models/SmolLM2-135M-Instruct.Q4_1.gguf")
    }()

    /// One toolchain probe for the whole test process.
    public static let toolchain = Toolchain()

    public static func exampleProblem(_ id: String) throws -> Problem {
        guard let p = try ProblemFile.load(examples).first(where: { $0.id == id }) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return p
    }

    /// A fresh empty directory under the system temp dir.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("verireason-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Processes (pid, command) whose working directory is inside `root`: after a sandboxed run
    /// there must be none.
    public static func processes(workingUnder root: URL) -> [(Int32, String)] {
        let proc = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var found: [(Int32, String)] = []
        for entry in proc {
            guard let pid = Int32(entry) else { continue }
            guard let cwd = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(entry)/cwd"),
                cwd.hasPrefix(root.path)
            else { continue }
            let comm = (try? String(contentsOfFile: "/proc/\(entry)/comm", encoding: .utf8)) ?? "?"
            found.append((pid, comm.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return found
    }

    /// The built `verireason` executable, next to the test bundle.
    public static var cliExecutable: URL {
        let buildDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [buildDir, buildDir.deletingLastPathComponent(), repoRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("verireason")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repoRoot.appendingPathComponent(".build/debug/verireason")
    }
}
