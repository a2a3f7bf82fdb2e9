/// A problem family: a recipe that draws a small formal description with the problem's seeded
/// stream and renders it as a circuit (reference and model) plus a behaviour description.
public struct Family: Sendable {
    /// The name used by `--families`.
    public let name: String
    /// One line for `--list-families`.
    public let summary: String
    let make: @Sendable (_ difficulty: Difficulty, _ rng: inout SplitMix64) -> Design

    init(name: String, summary: String, make: @escaping @Sendable (Difficulty, inout SplitMix64) -> Design) {
        self.name = name
        self.summary = summary
        self.make = make
    }

    /// Every family, in the order problems are dealt out.
    public static let all: [Family] = [
        .gates, .vectorOps, .truthTable, .booleanExpression, .karnaughMap, .multiplexer, .decoder, .encoder, .priorityEncoder,
        .adder, .comparator, .alu, .shiftRegister, .counter, .edgeDetector, .mooreMachine, .mealyMachine,
        .pipeline, .registerFile, .fifo,
    ]

    /// Looks families up by name; an unknown name is an error that lists the known ones.
    public static func named(_ names: [String]) throws(DatasetsError) -> [Family] {
        try names.map { name throws(DatasetsError) in
            guard let family = all.first(where: { $0.name == name }) else {
                throw .unknownFamily(name, known: all.map(\.name))
            }
            return family
        }
    }
}

/// What a family draws: the circuit and the paragraphs that describe its behaviour (the port
/// list and the framing are added by `SpecWriter`).
struct Design: Sendable {
    var circuit: Circuit
    var behaviourText: String
}

/// How large a design is drawn: widths, state counts and port counts grow with the level.
public enum Difficulty: String, Sendable, CaseIterable {
    /// Narrow words, few states and ports.
    case easy
    /// Between the two.
    case medium
    /// Wide words, up to 7 states, more ports and variants.
    case hard

    var rank: Int {
        switch self {
        case .easy: 0
        case .medium: 1
        case .hard: 2
        }
    }

    /// One of three choices, by level.
    func pick<T>(_ easy: T, _ medium: T, _ hard: T) -> T { [easy, medium, hard][rank] }
}
