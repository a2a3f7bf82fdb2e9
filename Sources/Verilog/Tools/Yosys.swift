import Foundation

/// A port of a module as yosys elaborates it (parameters resolved).
public struct Port: Sendable, Hashable, Codable {
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

/// What yosys learned from elaborating a design.
public struct Elaboration: Sendable, Hashable {
    /// Ports of the top module, in declaration order.
    public var ports: [Port]
    /// Cell types used across the design after `proc` (e.g. `$add`, `$mux`, `$dff`) with counts.
    public var cellCounts: [String: Int]
}

extension Toolchain {
    /// Elaborates `source` with yosys (`read_verilog -sv; hierarchy -top; proc`) and returns the
    /// top module's ports and cell histogram. Failures of the design come back as
    /// `.failure(log)`; only a broken tool throws.
    public func elaborate(_ source: String, top: String,
                          limits: SandboxLimits = SandboxLimits(wallSeconds: 60, cpuSeconds: 60))
        throws -> Result<Elaboration, YosysFailure>
    {
        let yosys = try path(.yosys)
        return try sandbox.withRunDirectory { dir in
            try SourceFile.write([SourceFile(name: "design.sv", text: source)], into: dir)
            let script = "read_verilog -sv design.sv; hierarchy -top \(top); proc; flatten; opt_clean; write_json design.json"
            let outcome = try sandbox.run(yosys, ["-q", "-p", script], in: dir, limits: limits)
            guard outcome.succeeded,
                  let data = try? Data(contentsOf: dir.appendingPathComponent("design.json"))
            else {
                let log = (outcome.stderr + outcome.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
                return .failure(YosysFailure(log: outcome.timedOut ? "yosys timed out" : log))
            }
            return .success(try Self.parseElaboration(data, top: top))
        }
    }

    static func parseElaboration(_ data: Data, top: String) throws -> Elaboration {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let modules = root["modules"] as? [String: Any],
              let module = modules[top] as? [String: Any]
        else { throw VerilogError.unexpectedToolOutput(tool: "yosys", detail: "no module \(top) in JSON") }
        let portTable = module["ports"] as? [String: Any] ?? [:]
        // JSON objects lose order; netnames carry source positions, but ports are declared first,
        // so sort by the first bit number, which yosys assigns in declaration order.
        var ports: [(Int, Port)] = []
        for (name, value) in portTable {
            guard let port = value as? [String: Any],
                  let direction = (port["direction"] as? String).flatMap(Port.Direction.init(rawValue:)),
                  let bits = port["bits"] as? [Any]
            else { continue }
            let firstBit = bits.compactMap { $0 as? Int }.min() ?? Int.max
            let signed = (port["signed"] as? Int ?? 0) != 0
            ports.append((firstBit, Port(name: name, direction: direction, width: bits.count, signed: signed)))
        }
        var cells: [String: Int] = [:]
        for case let m as [String: Any] in modules.values {
            for case let cell as [String: Any] in (m["cells"] as? [String: Any] ?? [:]).values {
                if let type = cell["type"] as? String { cells[type, default: 0] += 1 }
            }
        }
        return Elaboration(ports: ports.sorted { ($0.0, $0.1.name) < ($1.0, $1.1.name) }.map(\.1), cellCounts: cells)
    }
}

/// Yosys could not elaborate the design; `log` says why.
public struct YosysFailure: Error, Sendable, Hashable {
    public var log: String
}
