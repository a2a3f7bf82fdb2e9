import Foundation

/// The result of compiling with iverilog and, when that succeeded, running the image with vvp.
public struct IcarusRun: Sendable, Hashable {
    public var compile: ProcessOutcome
    public var simulation: ProcessOutcome?

    /// Compiler and simulator output in the order a log file would hold it.
    public var log: String {
        compile.stdout + compile.stderr + (simulation.map { $0.stdout + $0.stderr } ?? "")
    }
}

extension Toolchain {
    /// Upstream VerilogEval's compile flags.
    public static let icarusFlags = ["-Wall", "-Winfloop", "-Wno-timescale", "-g2012"]

    /// Compiles `files` (in this order) with `iverilog`, selecting `roots` as top-level modules,
    /// and runs the image with `vvp -n`. Both steps run in one fresh sandbox directory, each
    /// bounded by `limits`.
    /// `auxiliary` files are written beside the sources but not compiled (memory images, includes).
    public func icarus(
        _ files: [SourceFile], roots: [String], auxiliary: [SourceFile] = [],
        flags: [String] = Toolchain.icarusFlags,
        limits: SandboxLimits = .simulation
    ) throws -> IcarusRun {
        let iverilog = try path(.iverilog)
        let vvp = try path(.vvp)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write(files + auxiliary, into: dir)
            let args = flags + roots.flatMap { ["-s", $0] } + ["-o", "sim.vvp"] + files.map(\.name)
            let compile = try sandbox.run(iverilog, args, in: dir, limits: limits)
            guard compile.succeeded else { return IcarusRun(compile: compile, simulation: nil) }
            // `-none` drops waveform dumps: VerilogEval testbenches call $dumpvars, and the VCD
            // nobody reads can outgrow the sandbox's file-size limit (lfsr32 does).
            let simulation = try sandbox.run(vvp, ["-n", "sim.vvp", "-none"], in: dir, limits: limits)
            return IcarusRun(compile: compile, simulation: simulation)
        }
    }
}

extension Toolchain {
    /// The first syntax error iverilog reports for `code` compiled on its own with the null
    /// target (nothing is generated or run), or nil when it has none. Elaboration errors (unknown
    /// scopes, missing modules) are not syntax errors and do not count.
    public func syntaxError(in code: String, limits: SandboxLimits = .simulation) throws -> String? {
        let iverilog = try path(.iverilog)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write([SourceFile(name: "candidate.sv", text: code + "\n")], into: dir)
            let outcome = try sandbox.run(
                iverilog, Toolchain.icarusFlags + ["-t", "null", "candidate.sv"], in: dir, limits: limits)
            return (outcome.stdout + outcome.stderr).split(separator: "\n").first { $0.contains("syntax error") }.map(String.init)
        }
    }
}

/// What iverilog's preprocessor made of some code.
public enum Preprocessing: Sendable, Hashable {
    /// The code with its macros expanded (line numbers kept).
    case expanded(String)
    /// The preprocessor refused the code: its first message.
    case failed(String)
    /// It ran out of time, output or file size (an expansion bomb).
    case exceededLimits
}

extension Toolchain {
    /// `code` after iverilog's preprocessor.
    public func preprocessed(_ code: String, limits: SandboxLimits = .simulation) throws -> Preprocessing {
        let iverilog = try path(.iverilog)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write([SourceFile(name: "candidate.sv", text: code + "\n")], into: dir)
            let outcome = try sandbox.run(
                iverilog, ["-g2012", "-E", "-o", "expanded.sv", "candidate.sv"], in: dir, limits: limits)
            if outcome.timedOut || outcome.exceededCPU || outcome.outputLimitExceeded { return .exceededLimits }
            guard outcome.succeeded else {
                // The preprocessor's own complaints point at a line ("candidate.sv:3: `endif
                // without a matching `ifdef"); a failure without one, or a status above 127 (the
                // file-size limit's SIGXFSZ), is the sandbox stopping an expansion.
                let located = (outcome.stderr + outcome.stdout).split(separator: "\n").map(String.init)
                    .first { $0.hasPrefix("candidate.sv:") }
                guard case .exited(let status) = outcome.termination, status < 128, let located else {
                    return .exceededLimits
                }
                return .failed(located)
            }
            guard let text = try? String(contentsOf: dir.appendingPathComponent("expanded.sv"), encoding: .utf8) else {
                return .exceededLimits
            }
            return .expanded(text)
        }
    }
}
