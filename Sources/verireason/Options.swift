import ArgumentParser
import Rewards
import Verilog

/// Limits for each sandboxed tool run.
struct SandboxOptions: ParsableArguments {
    @Option(help: "Wall-clock seconds allowed for each compile and each simulation (upstream uses 30).")
    var timeout: Double = 30

    @Option(help: "Parallel simulations (default: cores + 1).")
    var workers: Int?

    var limits: SandboxLimits {
        var l = SandboxLimits.simulation
        l.wallSeconds = timeout
        l.cpuSeconds = max(1, Int(timeout.rounded(.up)))
        return l
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }
}

/// Which checker and reward weights to use.
struct RewardOptions: ParsableArguments {
    @Option(
        help:
            "Functional checker: testbench, equivalence (differential simulation against the reference), or auto (testbench when the problem has one)."
    )
    var checker: CheckerKind = .auto

    @Option(help: "Reward for the <think>/<answer> format.")
    var formatWeight: Double = 0.1

    @Option(help: "Reward for a functional pass (VeriReason's paper: 2.0; its released code: 2.1).")
    var functionalWeight: Double = 2.0

    @Option(help: "Reward for a design that compiles but fails.")
    var compilesWeight: Double = 0.1

    @Option(help: "Weight of the structural similarity (0..1) of a design that compiles but fails.")
    var structuralWeight: Double = 1.0

    @Flag(help: "Grant functional weight x pass fraction instead of all-or-nothing.")
    var partialCredit = false

    func weights() throws -> RewardWeights {
        let w = RewardWeights(
            format: formatWeight, functional: functionalWeight, compiles: compilesWeight,
            structural: structuralWeight, partialCredit: partialCredit)
        do { try w.validate() } catch { throw ValidationError(String(describing: error)) }
        return w
    }
}

extension CheckerKind: ExpressibleByArgument {}
