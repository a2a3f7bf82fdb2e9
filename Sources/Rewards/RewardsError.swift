/// Failures of the checking machinery or of a problem definition (not of a candidate).
public enum RewardsError: Error, CustomStringConvertible, Equatable {
    case testbenchWithoutReport(problem: String)
    case noTestbench(problem: String)
    case noReference(problem: String)
    case referenceUnusable(problem: String, detail: String)
    case unknownProblem(String)
    case invalidWeights(String)

    public var description: String {
        switch self {
        case .testbenchWithoutReport(let id):
            return
                "problem '\(id)': testbench never prints \"Mismatches: N in M samples\" with $display, so no verdict can be read"
        case .noTestbench(let id):
            return "problem '\(id)': has no testbench; use --checker equivalence"
        case .noReference(let id):
            return "problem '\(id)': has no reference; the equivalence checker needs one"
        case .referenceUnusable(let id, let detail):
            return "problem '\(id)': reference cannot be elaborated: \(detail)"
        case .unknownProblem(let id):
            return "no problem with id '\(id)'"
        case .invalidWeights(let detail):
            return "reward weights: \(detail)"
        }
    }
}
