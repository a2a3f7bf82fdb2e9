// Benchmarks: problems and suites. VerilogEval v1/v2 read from the upstream layout, and the
// project's own JSONL problem format. Knows nothing of models.

/// How a problem's testbench is compiled and judged, after VerilogEval's two releases.
public enum TestbenchRule: String, Sendable, Codable, CaseIterable {
    /// v1: one file `test + prompt + completion`; any stderr output fails the sample.
    case v1
    /// v2: files `candidate, test, ref`; judged line by line, warnings allowed.
    case v2
}

/// One design task: a spec, the interface, and the ways to check an answer.
public struct Problem: Sendable, Hashable, Codable {
    /// Unique within its suite (`task_id` upstream).
    public var id: String
    /// The natural-language spec shown to the model.
    public var prompt: String
    /// `module TopModule (...);` header, when the task gives one.
    public var moduleHeader: String?
    /// Name the candidate's top module must have.
    public var top: String
    /// Golden RTL; its top module is `referenceTop`.
    public var reference: String?
    /// Name of the top module inside `reference`.
    public var referenceTop: String
    /// Self-checking testbench (top module `tb`) that prints `Mismatches: N in M samples`.
    public var testbench: String?
    /// Extra files written beside the simulation (memory images, include files of the testbench).
    public var auxFiles: [String: String]
    /// How the testbench is compiled and judged.
    public var rule: TestbenchRule
    /// Generator family or source category, when known.
    public var family: String?

    public init(
        id: String, prompt: String, moduleHeader: String? = nil, top: String = "TopModule",
        reference: String? = nil, referenceTop: String? = nil, testbench: String? = nil,
        auxFiles: [String: String] = [:], rule: TestbenchRule = .v2, family: String? = nil
    ) {
        self.id = id
        self.prompt = prompt
        self.moduleHeader = moduleHeader
        self.top = top
        self.reference = reference
        self.referenceTop = referenceTop ?? top
        self.testbench = testbench
        self.auxFiles = auxFiles
        self.rule = rule
        self.family = family
    }
}

/// The benchmark suites `eval` knows by name.
public enum SuiteName: String, Sendable, Codable, CaseIterable {
    case v1Human = "v1-human"
    case v1Machine = "v1-machine"
    case v2SpecToRTL = "v2-spec-to-rtl"
    case v2CodeComplete = "v2-code-complete"
    /// The project's own JSONL format (`--problems FILE`).
    case jsonl

    /// Whether a sample's `completion` is the module body after the header (v1) or a whole module.
    public var completionIsBody: Bool { self == .v1Human || self == .v1Machine }
}
