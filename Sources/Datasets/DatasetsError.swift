/// Problems with a generation, SFT or decontamination request.
public enum DatasetsError: Error, CustomStringConvertible, Equatable {
    /// A `--families` name that is not a family; `known` lists the valid ones.
    case unknownFamily(String, known: [String])
    /// A problem count below 1.
    case badCount(Int)
    /// A testbench share outside 0...1.
    case badShare(Double)
    /// An empty family list.
    case noFamilies
    /// A decontamination setting out of range (`ngram` below 1, a threshold outside 0...1).
    case badThreshold(name: String, value: Double)

    public var description: String {
        switch self {
        case .unknownFamily(let name, let known):
            return "unknown family '\(name)'; known families: \(known.joined(separator: ", "))"
        case .badCount(let count):
            return "count must be at least 1 (got \(count))"
        case .badShare(let share):
            return "the testbench share must lie in 0...1 (got \(share))"
        case .noFamilies:
            return "no families selected"
        case .badThreshold(let name, let value):
            return name == "ngram"
                ? "--ngram must be at least 1 (got \(Int(value)))" : "--\(name) must lie in 0...1 (got \(value))"
        }
    }
}
