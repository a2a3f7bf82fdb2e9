/// What a design's reference says about its structure, read from the source rather than from a
/// generator's description, so SFT rationales can be written for any problem with a reference.
public struct DesignFacts: Sendable, Hashable {
    /// A port or register with its declared width.
    public struct Signal: Sendable, Hashable {
        public var name: String
        /// The packed range as written (`[3:0]`), or nil for a single bit.
        public var range: String?
        /// The width in bits when the range is made of plain numbers.
        public var width: Int?
        /// The unpacked dimensions of a memory (`[0:15]`), nil for a plain signal.
        public var words: String?

        public init(name: String, range: String? = nil, width: Int? = 1, words: String? = nil) {
            self.name = name
            self.range = range
            self.width = range == nil ? 1 : width
            self.words = words
        }

        /// `q (6 bits)`, `data [W-1:0]`, `mem (array [0:3] of 8 bits)`.
        public var described: String {
            let element = width.map { $0 == 1 ? "1 bit" : "\($0) bits" } ?? range ?? ""
            if let words { return "\(name) (array \(words) of \(element))" }
            return width == nil ? "\(name) \(element)" : "\(name) (\(element))"
        }
    }

    /// A reset input and how it acts.
    public struct Reset: Sendable, Hashable {
        public var name: String
        /// In the clocked block's sensitivity list: acts without waiting for the clock.
        public var isAsynchronous: Bool
        public var isActiveLow: Bool
    }

    /// A state register compared against named constants.
    public struct StateMachine: Sendable, Hashable {
        public var register: Signal
        /// The named state constants, in declaration order.
        public var states: [String]
    }

    public var inputs: [Signal] = []
    public var outputs: [Signal] = []
    /// The clock of the clocked `always` blocks; nil for a combinational design.
    public var clock: String?
    /// Whether the clock acts on its falling edge.
    public var clockIsNegedge = false
    public var reset: Reset?
    /// Signals assigned in clocked blocks, in order of first assignment.
    public var registers: [Signal] = []
    public var stateMachine: StateMachine?
    /// Combinational logic is written with `always @(*)` / `always_comb` blocks.
    public var usesCombinationalAlways = false
    /// Combinational logic is written with continuous `assign` statements.
    public var usesContinuousAssign = false
    /// Named submodules instantiated inside the top module.
    public var instances: [String] = []

    public init() {}

    /// True when some `always` block is triggered by a clock edge.
    public var isSequential: Bool { clock != nil }
}
