import Foundation
import TestSupport
import Testing

@testable import Policy

/// Fast kernels against their naive references.
@Suite("Kernels")
struct KernelTests {
    /// Deterministic values in [-1, 1).
    static func values(_ n: Int, seed: UInt64) -> [Float] {
        var rng = RandomSource(seed: seed)
        return (0..<n).map { _ in rng.unit() * 2 - 1 }
    }

    static let pool = WorkerPool(threads: 2)

    @Test("quantised matrices hold exactly the weights the dequantiser gives", arguments: [GGMLType.q4_0, .q4_1, .q8_0, .q4_K])
    func quantizedMatrixMatchesDequantize(type: GGMLType) throws {
        let gguf = try GGUFFile(path: GGUFTests.fixtures.appendingPathComponent("dequant.gguf").path)
        let tensor = try #require(gguf.tensor(type.name))
        let expected = try gguf.floats(try #require(gguf.tensor("expected.\(type.name)")))
        // 512 elements as 2 rows of 256 (a whole Q4_K super-block per row).
        let matrix = try #require(QuantizedMatrix(type: type, data: gguf.data(tensor), rows: 2, columns: 256))
        var worst: Float = 0
        for o in 0..<2 {
            for c in 0..<256 {
                let e = expected[o * 256 + c]
                worst = max(worst, abs(matrix.weight(o, c) - e) / max(1, abs(e)))
            }
        }
        // Q4_0's offset form (q d - 8 d) and Q4_K's fused scale round once differently.
        #expect(worst <= 1e-6, "worst relative difference \(worst)")
    }

    @Test("types without an exact quantised form decode through fp32", arguments: [GGMLType.f32, .f16, .bf16, .q6_K])
    func noQuantizedForm(type: GGMLType) throws {
        let bytes = [UInt8](repeating: 0, count: 4096)
        let matrix = bytes.withUnsafeBytes { QuantizedMatrix(type: type, data: $0, rows: 2, columns: 256) }
        #expect(matrix == nil)
    }

    @Test(
        "the quantised matmul equals its naive reference for every row count and both code kinds",
        arguments: [GGMLType.q4_1, .q4_0, .q8_0], [1, 2, 3, 4, 5, 8, 9, 15])
    func quantizedMatmul(type: GGMLType, B: Int) throws {
        // 289 outputs: not a multiple of the threads' chunk size (tiny vocabularies are not).
        let (OC, C) = (289, 96)
        let weights = Self.values(OC * C, seed: 1)
        let bytes = try Quantize.bytes(weights, as: type)
        let matrix = try #require(bytes.withUnsafeBytes { QuantizedMatrix(type: type, data: $0, rows: OC, columns: C) })
        let input = Self.values(B * C, seed: 2)
        let bias = Self.values(OC, seed: 3)
        var fast = [Float](repeating: .nan, count: B * OC)
        var naive = [Float](repeating: .nan, count: B * OC)
        Policy.quantizedMatmul(&fast, input, matrix, bias, B: B, pool: Self.pool)
        quantizedMatmulReference(&naive, input, matrix, B: B)
        var worst: Float = 0
        for b in 0..<B {
            for o in 0..<OC { worst = max(worst, abs(fast[b * OC + o] - (naive[b * OC + o] + bias[o]))) }
        }
        // Same quantised operands on both sides: only the order of fp32 additions differs.
        #expect(worst < 1e-4, "worst difference \(worst)")
    }

    @Test("stacked quantised matrices hold their parts' weights; a part ending inside a packed tile is refused")
    func quantizedStacking() throws {
        func matrix(_ rows: Int, seed: UInt64) throws -> QuantizedMatrix {
            let bytes = try Quantize.bytes(Self.values(rows * 64, seed: seed), as: .q4_1)
            return try #require(bytes.withUnsafeBytes { QuantizedMatrix(type: .q4_1, data: $0, rows: rows, columns: 64) })
        }
        let (a, b) = (try matrix(16, seed: 21), try matrix(13, seed: 22))
        let stacked = try #require(QuantizedMatrix(stacking: [a, b]))
        #expect(stacked.rows == 29)
        for c in [0, 17, 63] {
            for o in 0..<16 { #expect(stacked.weight(o, c) == a.weight(o, c)) }
            for o in 0..<13 { #expect(stacked.weight(16 + o, c) == b.weight(o, c)) }
        }
        #expect(QuantizedMatrix(stacking: [b, a]) == nil)
    }

    @Test("activations quantise to bytes as ggml's Q8_1 does: codes within half a step, scale and sum kept in f16")
    func activationQuantization() {
        let (B, C) = (3, 128)
        // Blocks of very different magnitudes, and an all-zero block.
        var input = Self.values(B * C, seed: 7)
        for c in 0..<32 { input[c] *= 1000 }
        for c in 32..<64 { input[c] = 0 }
        let x = input.withUnsafeBufferPointer { QuantizedActivations($0.baseAddress!, rows: B, columns: C) }
        for r in 0..<B {
            for k in 0..<(C / 32) {
                let block = input[(r * C + k * 32)..<(r * C + k * 32 + 32)]
                // Codes are rounded with the fp32 scale, which is then stored in f16.
                let exact = (block.map(abs).max() ?? 0) / 127
                let scale = x.scales[r * C / 32 + k]
                #expect(scale == Float(Float16(exact)))
                var codeSum = 0
                for c in (k * 32)..<(k * 32 + 32) {
                    let code = Float(x.codes[r * C + c])
                    #expect(abs(exact * code - input[r * C + c]) <= exact / 2 * 1.0001)
                    codeSum += Int(x.codes[r * C + c])
                }
                #expect(x.sums[r * C / 32 + k] == Float(Float16(exact * Float(codeSum))))
            }
        }
        #expect(x.scales[1] == 0 && x.codes[32..<64].allSatisfy { $0 == 0 })
    }

    @Test("the integer kernels stay within the activations' rounding of the exact fp32 product")
    func quantizedMatmulNearExact() throws {
        let (OC, C, B) = (64, 576, 4)
        let weights = Self.values(OC * C, seed: 11)
        let matrix = try #require(
            try Quantize.bytes(weights, as: .q4_1).withUnsafeBytes {
                QuantizedMatrix(type: .q4_1, data: $0, rows: OC, columns: C)
            })
        let input = Self.values(B * C, seed: 12)
        var fast = [Float](repeating: .nan, count: B * OC)
        Policy.quantizedMatmul(&fast, input, matrix, nil, B: B, pool: Self.pool)
        var worst: Float = 0
        for b in 0..<B {
            for o in 0..<OC {
                var exact: Double = 0
                var magnitude: Double = 0
                for c in 0..<C {
                    exact += Double(matrix.weight(o, c)) * Double(input[b * C + c])
                    magnitude += abs(Double(matrix.weight(o, c)))
                }
                // Each activation moves by at most half a step (scale ≤ 1/127); relative to that bound:
                worst = max(worst, Float(abs(Double(fast[b * OC + o]) - exact) / (magnitude / 254)))
            }
        }
        #expect(worst <= 1, "worst error as a share of the rounding bound: \(worst)")
    }

    @Test("fast exp is within 2e-7 relative of expf over the range softmax and SiLU use")
    func fastExpAccuracy() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            worst = max(worst, abs(fastExp(x) - expf(x)) / expf(x))
            x += 0.0137
        }
        #expect(worst < 2e-7, "worst relative error \(worst)")
        #expect(fastExp(-1000) < 1e-37 && fastExp(-1000) >= 0)
        #expect(fastExp(0) == 1)
    }

    @Test("softmax sums to one and keeps the order of its inputs")
    func softmaxProperties() {
        var x = Self.values(37, seed: 5).map { $0 * 20 }
        let order = x.indices.sorted { x[$0] < x[$1] }
        x.withUnsafeMutableBufferPointer { softmax($0.baseAddress!, $0.count) }
        #expect(abs(x.reduce(0, +) - 1) < 1e-5)
        #expect(x.indices.sorted { x[$0] < x[$1] } == order)
    }

    @Test("the worker pool runs every part once, and a concurrent caller still gets all its parts")
    func workerPool() async {
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        defer { counts.deallocate() }
        for _ in 0..<1000 {
            counts.initialize(repeating: 0, count: 2)
            Self.pool.run(parts: 2) { counts[$0] += 1 }
            #expect(counts[0] == 1 && counts[1] == 1)
        }
        // Two callers at once: one uses the workers, the other runs its parts itself.
        await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let sums = UnsafeMutablePointer<Int>.allocate(capacity: 2)
                    defer { sums.deallocate() }
                    var total = 0
                    for _ in 0..<200 {
                        sums.initialize(repeating: 0, count: 2)
                        Self.pool.run(parts: 2) { sums[$0] += 1 }
                        total += sums[0] + sums[1]
                    }
                    return total
                }
            }
            for await total in group { #expect(total == 400) }
        }
    }

    @Test("top-k selection returns the k largest in descending order")
    func topIndices() {
        let sampler = Sampler(parameters: SamplingParameters())
        let values = Self.values(5000, seed: 9)
        for k in [1, 7, 50] {
            let expected = Array(values.indices.sorted { values[$0] > values[$1] }.prefix(k))
            #expect(sampler.topIndices(values, k: k) == expected)
        }
    }
}
