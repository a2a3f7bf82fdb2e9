/// A data port of a generated module (clock and reset are described by `Clocking`).
struct Port: Sendable, Hashable {
    enum Direction: String, Sendable { case input, output }

    var name: String
    var width: Int
    var direction: Direction
    /// Declared `output reg`: the reference drives it from an `always` block.
    var isReg: Bool
    /// What the port means, for the spec's port list.
    var meaning: String

    init(_ name: String, width: Int = 1, _ direction: Direction, reg: Bool = false, meaning: String) {
        self.name = name
        self.width = width
        self.direction = direction
        self.isReg = reg
        self.meaning = meaning
    }

    static func input(_ name: String, width: Int = 1, _ meaning: String) -> Port {
        Port(name, width: width, .input, meaning: meaning)
    }

    static func output(_ name: String, width: Int = 1, reg: Bool = false, _ meaning: String) -> Port {
        Port(name, width: width, .output, reg: reg, meaning: meaning)
    }

    /// `input [3:0] a` as it appears in a module header.
    var declaration: String {
        let range = width > 1 ? "[\(width - 1):0] " : ""
        return "\(direction.rawValue) \(isReg ? "reg " : "")\(range)\(name)"
    }
}
