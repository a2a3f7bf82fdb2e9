import ArgumentParser
import Verilog

extension VeriReason {
    struct Tools: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the simulators and synthesis tool found, with versions.")

        func run() throws {
            let toolchain = Toolchain()
            var missing = false
            for tool in Toolchain.Tool.allCases {
                let version: String?
                switch tool {
                case .iverilog: version = toolchain.versions.iverilog
                case .vvp: version = toolchain.versions.iverilog.map { "with iverilog \($0)" }
                case .verilator: version = toolchain.versions.verilator
                case .yosys: version = toolchain.versions.yosys
                }
                if let path = toolchain.paths[tool] {
                    print("\(tool.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(path)  \(version ?? "")")
                } else {
                    print("\(tool.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) not found")
                    missing = true
                }
            }
            if missing { throw ValidationError("some tools are missing; run scripts/setup.sh") }
        }
    }
}
