import Benchmarks
import Verilog

/// The Verilog a checker will run for one completion, after extraction and top-module renaming.
public struct CandidateSource: Sendable, Hashable {
    public var code: String
    public var format: AnswerFormat

    public init(code: String, format: AnswerFormat) {
        self.code = code
        self.format = format
    }

    /// From a model completion: extract the code; a bare module body gets the problem's header
    /// (code completion); the top module is renamed to what the problem expects.
    public static func fromCompletion(_ completion: String, problem: Problem) -> CandidateSource {
        let extracted = CodeExtraction.extract(from: completion)
        guard extracted.format != .none else { return CandidateSource(code: "", format: .none) }
        return CandidateSource(code: assemble(extracted.code, problem: problem), format: extracted.format)
    }

    /// From a VerilogEval sample: v1 samples are the body after the header (upstream writes
    /// `prompt + "\n" + completion`); v2 samples are whole modules, with the interface prepended
    /// when the answer lacks it, as upstream's code-complete extraction does.
    public static func fromSample(_ completion: String, problem: Problem, completionIsBody: Bool) -> CandidateSource {
        if completionIsBody, let header = problem.moduleHeader {
            return CandidateSource(code: header + "\n" + completion, format: .bare)
        }
        return CandidateSource(code: assemble(completion, problem: problem), format: .bare)
    }

    static func assemble(_ code: String, problem: Problem) -> String {
        var code = code
        if ModuleNames.declared(in: code).isEmpty, let header = problem.moduleHeader {
            code = header + "\n" + code
        }
        return ModuleNames.renamingTop(code, to: problem.top)
    }
}
