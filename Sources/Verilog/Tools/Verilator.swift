import Foundation

/// Verilator's lint verdict.
public struct LintReport: Sendable, Hashable {
    public var outcome: ProcessOutcome
    /// `%Warning-...` lines.
    public var warnings: [String]
    /// `%Error...` lines.
    public var errors: [String]
}

extension Toolchain {
    /// `verilator --lint-only -Wall -Wno-fatal` over `files` with `top` as the top module.
    public func verilatorLint(
        _ files: [SourceFile], top: String,
        limits: SandboxLimits = SandboxLimits(wallSeconds: 60, cpuSeconds: 60)
    ) throws -> LintReport {
        let verilator = try path(.verilator)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write(files, into: dir)
            let outcome = try sandbox.run(
                verilator, ["--lint-only", "-Wall", "-Wno-fatal", "--top-module", top] + files.map(\.name),
                in: dir, limits: limits)
            let lines = outcome.stderr.split(separator: "\n").map(String.init)
            return LintReport(
                outcome: outcome,
                warnings: lines.filter { $0.hasPrefix("%Warning") },
                errors: lines.filter { $0.hasPrefix("%Error") })
        }
    }

    /// Builds `files` into a simulator with `verilator --binary` and runs it. The C++ build is
    /// slow (tens of seconds), so this is for checks that need Verilator's semantics, not the
    /// reward hot path.
    public func verilatorBinary(
        _ files: [SourceFile], top: String,
        limits: SandboxLimits = .verilatorBuild
    ) throws -> (build: ProcessOutcome, run: ProcessOutcome?) {
        let verilator = try path(.verilator)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write(files, into: dir)
            let build = try sandbox.run(
                verilator, ["--binary", "-j", "1", "-Wno-fatal", "--top-module", top, "-o", "sim"] + files.map(\.name),
                in: dir, limits: limits)
            guard build.succeeded else { return (build, nil) }
            let run = try sandbox.run(dir.appendingPathComponent("obj_dir/sim").path, [], in: dir, limits: .simulation)
            return (build, run)
        }
    }
}
