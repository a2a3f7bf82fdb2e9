import Verilog

extension Problem {
    /// The reference solution with its top module renamed to what a candidate's must be called,
    /// so it can be judged like any answer (verifier self-checks, reference runs).
    public var referenceAsCandidate: String? {
        guard let reference else { return nil }
        return referenceTop == top ? reference : ModuleNames.renaming(reference, [referenceTop: top])
    }
}
