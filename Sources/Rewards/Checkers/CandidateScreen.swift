import Verilog

/// The check every candidate passes before it runs: forbidden constructs refuse it. Code that is
/// not Verilog at all (a C program's `#include <stdio.h>` reads as a hierarchical reference) is
/// reported as the syntax error it is, so failure classes say what went wrong; either way the
/// candidate never runs.
struct CandidateScreen {
    var toolchain: Toolchain
    var policy: ConstructPolicy
    var limits: SandboxLimits

    /// Why `code` may not run, or nil when it may.
    func refusal(_ candidate: CandidateSource) throws -> (VerdictClass, String)? {
        let code = candidate.code
        let violations = policy.violations(in: code)
        guard let first = violations.first else { return try expandedRefusal(candidate) }
        if violations.allSatisfy(\.isHarmlessToCompile), let error = try toolchain.syntaxError(in: code, limits: limits) {
            let diagnostics = CompilerDiagnostics(
                file: "candidate.sv", firstLine: 1, code: code, addedLines: candidate.addedLines, followingFiles: [])
            return (.syntaxError, diagnostics.describe(error) ?? error)
        }
        return (.forbidden, first.description)
    }

    /// Macros can assemble what the source never spells out (`` `define H tb `` then
    /// `` `H.errors ``), so code that defines any is screened again after iverilog's
    /// preprocessor has expanded them.
    private func expandedRefusal(_ candidate: CandidateSource) throws -> (VerdictClass, String)? {
        guard candidate.code.contains("`define") else { return nil }
        // Unchecked code never runs: a preprocessor that fails or runs out of its limits (an
        // expansion too large to write, say) could still leave a compile that succeeds.
        guard let expanded = try toolchain.preprocessed(candidate.code, limits: limits) else {
            return (
                .forbidden, "macros that iverilog's preprocessor could not expand within its limits, so they cannot be checked"
            )
        }
        // Directives left in the expansion are the preprocessor's own (`timescale, `line).
        let found = policy.violations(in: expanded).first { !$0.construct.hasPrefix("`") }
        return found.map { (.forbidden, "\($0.description), after macro expansion") }
    }
}
