// Datasets: training problems generated from small formal descriptions (truth tables, Boolean
// formulas, Karnaugh maps, state-transition tables, datapath and memory recipes). Each
// description is rendered as the reference Verilog and as a Swift model that computes the
// expected values of written testbenches, so every reference is correct by construction.
// Also turns problems with references into SFT rows (`SFT/`: rationales read off the reference)
// and drops training problems close to benchmark problems (`Decontamination/`).
// Knows nothing of simulators or models; the checks live in Rewards.

import Benchmarks

/// Generates problems whose references are correct by construction: problem `i` belongs to
/// family `i mod F` and is drawn from its own seeded stream, so a run is reproducible and a
/// shorter run is a prefix of a longer one with the same seed and families.
public struct DatasetGenerator: Sendable {
    /// The families problems are dealt out to, in order.
    public var families: [Family]
    /// The run's seed; each problem's stream is derived from it and the problem's index.
    public var seed: UInt64
    /// Fixed level, or nil to draw one per problem.
    public var difficulty: Difficulty?
    /// Share of problems that also get a written self-checking testbench.
    public var testbenchShare: Double

    public init(
        families: [Family] = Family.all, seed: UInt64 = 0, difficulty: Difficulty? = nil, testbenchShare: Double = 0.3
    ) throws(DatasetsError) {
        guard !families.isEmpty else { throw .noFamilies }
        guard (0...1).contains(testbenchShare) else { throw .badShare(testbenchShare) }
        self.families = families
        self.seed = seed
        self.difficulty = difficulty
        self.testbenchShare = testbenchShare
    }

    /// Problems `0..<count`; `progress(done, total)` is called after each.
    public func generate(count: Int, progress: ((Int, Int) -> Void)? = nil) throws(DatasetsError) -> [Problem] {
        guard count >= 1 else { throw .badCount(count) }
        var problems: [Problem] = []
        problems.reserveCapacity(count)
        for index in 0..<count {
            problems.append(problem(index))
            progress?(index + 1, count)
        }
        return problems
    }

    /// Problem number `index`, independent of every other.
    public func problem(_ index: Int) -> Problem {
        let family = families[index % families.count]
        var rng = SplitMix64(seed: seed, stream: index)
        let level = difficulty ?? rng.pick(Difficulty.allCases)
        let design = family.make(level, &rng)
        // The register and header layout come from a stream of their own, so adding a register
        // leaves every design (and its testbench) as it was.
        var wording = SplitMix64(seed: seed ^ 0x5eed_5717_1e5, stream: index)
        let style = wording.pick(SpecWriter.Style.allCases)
        let prompt = SpecWriter.prompt(design, style: style, rng: &wording)
        let headerStyle = wording.pick(HeaderStyle.allCases)
        // A prompt that lists its ports may leave the header to the model, as users often do.
        let givesHeader = !style.listsPorts || !wording.chance(1, in: 5)
        let testbench =
            Double(rng.next() >> 11) / Double(1 << 53) < testbenchShare
            ? TestbenchWriter(circuit: design.circuit).source(using: &rng) : nil
        return Problem(
            id: "gen-\(family.name)-\(level.rawValue)-s\(seed)-\(index)", prompt: prompt,
            moduleHeader: givesHeader ? design.circuit.header(named: "TopModule", style: headerStyle) : nil, top: "TopModule",
            reference: design.circuit.reference(style: headerStyle), referenceTop: "RefModule", testbench: testbench,
            family: family.name)
    }
}
