import Foundation

/// A port of a module as yosys elaborates it (parameters resolved).
public struct ModulePort: Sendable, Hashable, Codable {
    public enum Direction: String, Sendable, Codable { case input, output, `inout` }
    public var name: String
    public var direction: Direction
    public var width: Int
    /// Declared signed (yosys reports `signed: 1`).
    public var signed: Bool

    public init(name: String, direction: Direction, width: Int, signed: Bool = false) {
        self.name = name
        self.direction = direction
        self.width = width
        self.signed = signed
    }
}

extension Toolchain {
    /// Elaborates `source` with yosys (`read_verilog -sv; hierarchy -top`) and returns the top
    /// module's ports in declaration order, widths with parameters resolved. RTLIL is read rather
    /// than JSON because JSON needs `proc`, whose latch checks reject valid `always_comb` code.
    /// A design yosys cannot read comes back as `.failure(log)`; only a broken tool throws.
    public func ports(
        of source: String, top: String,
        limits: SandboxLimits = SandboxLimits(wallSeconds: 60, cpuSeconds: 60)
    )
        throws -> Result<[ModulePort], YosysFailure>
    {
        let yosys = try path(.yosys)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write([SourceFile(name: "design.sv", text: source)], into: dir)
            let script = "read_verilog -sv design.sv; hierarchy -top \(top); write_rtlil design.il"
            let outcome = try sandbox.run(yosys, ["-q", "-p", script], in: dir, limits: limits)
            guard outcome.succeeded,
                let data = FileManager.default.contents(atPath: dir.appendingPathComponent("design.il").path)
            else {
                let log = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
                return .failure(YosysFailure(log: outcome.timedOut ? "yosys timed out" : log))
            }
            return .success(try Self.parsePorts(rtlil: String(decoding: data, as: UTF8.self), top: top))
        }
    }

    /// Reads `wire [width N] [offset K] [upto] [signed] (input|output|inout) INDEX \\name` lines of
    /// the top module.
    static func parsePorts(rtlil: String, top: String) throws -> [ModulePort] {
        var inTop = false
        var found = false
        var ports: [(Int, ModulePort)] = []
        for raw in rtlil.split(separator: "\n") {
            let words = raw.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            if first == "module" {
                inTop = words.count > 1 && (words[1] == "\\" + top || words[1].hasSuffix("\\" + top))
                found = found || inTop
                continue
            }
            if first == "end" { inTop = false; continue }
            guard inTop, first == "wire", let name = words.last, name.hasPrefix("\\") else { continue }
            var width = 1
            var signed = false
            var direction: ModulePort.Direction?
            var index = 0
            var i = 1
            while i < words.count - 1 {
                switch words[i] {
                case "width": width = Int(words[i + 1]) ?? 1; i += 1
                case "offset": i += 1
                case "signed": signed = true
                case "input", "output", "inout":
                    direction = ModulePort.Direction(rawValue: words[i])
                    index = Int(words[i + 1]) ?? 0
                    i += 1
                default: break
                }
                i += 1
            }
            if let direction {
                ports.append(
                    (index, ModulePort(name: String(name.dropFirst()), direction: direction, width: width, signed: signed)))
            }
        }
        guard found else { throw VerilogError.unexpectedToolOutput(tool: "yosys", detail: "no module \(top) in RTLIL") }
        return ports.sorted { $0.0 < $1.0 }.map(\.1)
    }
}

/// Yosys could not elaborate the design; `log` says why.
public struct YosysFailure: Error, Sendable, Hashable {
    public var log: String
}
