import Benchmarks
import Verilog

/// The Verilog a checker will run for one completion, after extraction and top-module renaming.
public struct CandidateSource: Sendable, Hashable {
    public var code: String
    public var format: AnswerFormat
    /// Lines of `code` put before the answer's own text (the problem's module header, for a bare
    /// module body), so that compiler messages can number the answer's lines as it wrote them.
    public var addedLines: Int

    public init(code: String, format: AnswerFormat, addedLines: Int = 0) {
        self.code = code
        self.format = format
        self.addedLines = addedLines
    }

    /// From a model completion: extract the code; a bare module body gets the problem's header
    /// (code completion); the top module is renamed to what the problem expects.
    public static func fromCompletion(_ completion: String, problem: Problem) -> CandidateSource {
        let extracted = CodeExtraction.extract(from: completion)
        guard extracted.format != .none else { return CandidateSource(code: "", format: .none) }
        let (code, added) = assemble(extracted.code, problem: problem)
        return CandidateSource(code: code, format: extracted.format, addedLines: added)
    }

    /// From a VerilogEval sample: v1 samples are the body after the header (upstream writes
    /// `prompt + "\n" + completion`); v2 samples are whole modules, with the interface prepended
    /// when the answer lacks it, as upstream's code-complete extraction does.
    public static func fromSample(_ completion: String, problem: Problem, completionIsBody: Bool) -> CandidateSource {
        if completionIsBody, let header = problem.moduleHeader {
            return CandidateSource(code: header + "\n" + completion, format: .bare, addedLines: newlines(in: header) + 1)
        }
        let (code, added) = assemble(completion, problem: problem)
        return CandidateSource(code: code, format: .bare, addedLines: added)
    }

    static func assemble(_ code: String, problem: Problem) -> (code: String, addedLines: Int) {
        var code = code
        var added = 0
        if ModuleNames.declared(in: code).isEmpty, let header = problem.moduleHeader {
            code = header + "\n" + code
            added = newlines(in: header) + 1
        }
        return (ModuleNames.renamingTop(code, to: problem.top), added)
    }

    /// Line feeds as the compiler counts them (a CRLF pair is one Character to Swift).
    static func newlines(in text: String) -> Int { text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
}
