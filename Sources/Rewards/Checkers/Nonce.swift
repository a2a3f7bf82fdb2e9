/// A per-run secret that marks the lines only the harness prints. The candidate is compiled
/// after the nonce is drawn and cannot read files or the testbench, so it cannot print it.
struct Nonce: Sendable {
    let value: String

    init() {
        var generator = SystemRandomNumberGenerator()
        value = "VR" + (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }

    /// The tag that starts each harness line.
    var tag: String { value + " " }
}
