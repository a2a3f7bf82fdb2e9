import Foundation
import Support

/// Where VerilogEval is read from, the same way for every command, test and script:
/// `--dataset-dir` when given, else `$VERIREASON_VERILOG_EVAL`, else the cache that
/// `scripts/setup.sh` fills (`$VERIREASON_HOME/datasets/verilog-eval`).
public enum VerilogEvalLocation {
    /// The environment variable that points at another copy.
    public static let environmentVariable = "VERIREASON_VERILOG_EVAL"
    /// The command that fetches VerilogEval into the cache.
    public static let fetchCommand = "scripts/setup.sh"

    /// The cache folder (it may not exist yet).
    public static func cache(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        VerireasonHome.url(environment: environment).appendingPathComponent("datasets/verilog-eval")
    }

    /// The folder to read: the first place that is given, or, with none given, the cache.
    /// Throws `BenchmarksError.verilogEvalMissing` naming every place it looked when that folder
    /// does not exist, so a command fails before it writes anything.
    public static func resolve(
        datasetDir: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        var looked: [String] = []
        let candidate: URL
        if let datasetDir {
            candidate = URL(fileURLWithPath: datasetDir)
            looked.append("--dataset-dir \(candidate.path)")
        } else if let dir = environment[environmentVariable], !dir.isEmpty {
            candidate = URL(fileURLWithPath: dir)
            looked.append("$\(environmentVariable) = \(candidate.path)")
        } else {
            candidate = cache(environment: environment)
            looked += ["--dataset-dir (not given)", "$\(environmentVariable) (not set)", "the cache \(candidate.path)"]
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw BenchmarksError.verilogEvalMissing(looked: looked) }
        return candidate.standardizedFileURL
    }
}
