import Foundation

/// The simulators and synthesis tool found on this machine, with their versions, run through one
/// `Sandbox`. Versions are read once and travel with every result.
public struct Toolchain: Sendable {
    public var sandbox: Sandbox
    public let paths: [Tool: String]
    public let versions: ToolVersions

    public enum Tool: String, Sendable, CaseIterable, Codable {
        case iverilog, vvp, verilator, yosys
    }

    public init(sandbox: Sandbox = Sandbox(), searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) {
        self.sandbox = sandbox
        let dirs = (searchPath ?? "/usr/bin:/bin").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        var found: [Tool: String] = [:]
        for tool in Tool.allCases {
            for dir in dirs {
                let candidate = dir + "/" + tool.rawValue
                if FileManager.default.isExecutableFile(atPath: candidate) { found[tool] = candidate; break }
            }
        }
        paths = found
        versions = ToolVersions.probe(paths: found, sandbox: sandbox)
    }

    /// The tool's path, or an error telling the user how to install it.
    public func path(_ tool: Tool) throws -> String {
        guard let p = paths[tool] else { throw VerilogError.toolMissing(tool.rawValue) }
        return p
    }
}

/// Versions of the tools, as each reports itself (first line).
public struct ToolVersions: Sendable, Hashable, Codable {
    public var iverilog: String?
    public var verilator: String?
    public var yosys: String?

    public init(iverilog: String? = nil, verilator: String? = nil, yosys: String? = nil) {
        self.iverilog = iverilog
        self.verilator = verilator
        self.yosys = yosys
    }

    static func probe(paths: [Toolchain.Tool: String], sandbox: Sandbox) -> ToolVersions {
        func firstLine(_ tool: Toolchain.Tool, _ args: [String]) -> String? {
            guard let path = paths[tool] else { return nil }
            let outcome = try? sandbox.withRunDirectory { dir in
                try sandbox.run(path, args, in: dir, limits: SandboxLimits(wallSeconds: 10))
            }
            let text = (outcome?.stdout ?? "") + (outcome?.stderr ?? "")
            return text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return ToolVersions(
            iverilog: firstLine(.iverilog, ["-V"]).map { line in
                // "Icarus Verilog version 11.0 (stable) ()" -> "11.0 (stable)"
                line.replacingOccurrences(of: "Icarus Verilog version ", with: "")
                    .replacingOccurrences(of: " ()", with: "")
            },
            verilator: firstLine(.verilator, ["--version"]),
            yosys: firstLine(.yosys, ["-V"]))
    }
}
