/// An owned, zero-initialised run of fp32 values that kernels read and write through a raw
/// pointer: parameters, gradients, optimizer moments and activations live in these, so the
/// hot loops see no copy-on-write checks or exclusivity conflicts between Swift arrays.
final class FloatBuffer {
    let count: Int
    let pointer: UnsafeMutablePointer<Float>

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: max(1, count))
    }

    convenience init(_ values: [Float]) {
        self.init(count: values.count)
        values.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    deinit { pointer.deallocate() }

    func zero() { pointer.update(repeating: 0, count: count) }

    subscript(i: Int) -> Float {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }

    /// A copy of values offset..<offset + n.
    func array(_ offset: Int = 0, _ n: Int? = nil) -> [Float] {
        Array(UnsafeBufferPointer(start: pointer + offset, count: n ?? count - offset))
    }
}
