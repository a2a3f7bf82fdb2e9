import Verilog

/// The check every candidate passes before it runs: forbidden constructs refuse it. Code that is
/// not Verilog at all (a C program's `#include <stdio.h>` reads as a hierarchical reference) is
/// reported as the syntax error it is, so failure classes say what went wrong; either way the
/// candidate never runs.
struct CandidateScreen {
    var toolchain: Toolchain
    var policy: ConstructPolicy
    var limits: SandboxLimits

    /// Why `code` may not run, or nil when it may. `precedingSource` is what the harness compiles
    /// before the candidate in the same file (the v1 rule's testbench), whose macros the
    /// candidate's code sees.
    /// `harnessModules` are the modules the harness compiles beside the candidate (the
    /// reference's, the testbench's), which it may not instantiate.
    func refusal(_ candidate: CandidateSource, precedingSource: String? = nil, harnessModules: Set<String> = [])
        throws -> (VerdictClass, String)?
    {
        let code = candidate.code
        var violations = policy.violations(in: code)
        if violations.isEmpty, let wrapped = policy.harnessInstance(in: code, harnessModules: harnessModules) {
            violations = [wrapped]
        }
        guard let first = violations.first else { return try expandedRefusal(candidate, precedingSource: precedingSource) }
        if violations.allSatisfy(\.isHarmlessToCompile), let error = try toolchain.syntaxError(in: code, limits: limits) {
            let diagnostics = CompilerDiagnostics(
                file: "candidate.sv", firstLine: 1, code: code, addedLines: candidate.addedLines, followingFiles: [])
            return (.syntaxError, diagnostics.describe(error) ?? error)
        }
        return (.forbidden, first.description)
    }

    /// Macros can assemble what the source never spells out (`` `define H tb `` then
    /// `` `H.errors ``), so code that defines any is screened again after iverilog's
    /// preprocessor has expanded them, in the context the compile gives it: after the harness's
    /// own macros when it shares their file (an `` `ifdef `` on one of them reads differently
    /// alone).
    private func expandedRefusal(_ candidate: CandidateSource, precedingSource: String?) throws -> (VerdictClass, String)? {
        guard candidate.code.contains("`define") else { return nil }
        let cannotCheck = (
            VerdictClass.forbidden,
            "macros that iverilog's preprocessor could not expand within its limits, so they cannot be checked"
        )
        // A line the preprocessor passes through unchanged, where the candidate's part begins.
        let boundary = "vr_screen_boundary_\(Nonce().value)"
        let text = precedingSource.map { $0 + "\n" + boundary + "\n" + candidate.code } ?? candidate.code
        // Unchecked code never runs: a preprocessor that fails or runs out of its limits (an
        // expansion too large to write, say) could still leave a compile that succeeds.
        var expanded: String
        switch try toolchain.preprocessed(text, limits: limits) {
        case .expanded(let text): expanded = text
        case .exceededLimits: return cannotCheck
        case .failed(let message):
            // The answer's lines start after the harness's text and the boundary line.
            let firstLine = precedingSource.map { CandidateSource.newlines(in: $0) + 3 } ?? 1
            let diagnostics = CompilerDiagnostics(
                file: "candidate.sv", firstLine: firstLine, code: candidate.code, addedLines: candidate.addedLines,
                followingFiles: [])
            return (.syntaxError, "preprocessor: " + (diagnostics.describe(message) ?? message))
        }
        if precedingSource != nil {
            guard let range = expanded.range(of: boundary + "\n") else { return cannotCheck }
            expanded = String(expanded[range.upperBound...])
        }
        // Directives left in the expansion are the preprocessor's own (`timescale, `line).
        let found = policy.violations(in: expanded).first { !$0.construct.hasPrefix("`") }
        return found.map { (.forbidden, "\($0.description), after macro expansion") }
    }
}
