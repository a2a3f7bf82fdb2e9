/// The rows of one forward pass: a prompt, optionally followed by several continuations of it
/// packed side by side (the completions of a GRPO group), so that the prompt is computed once
/// for all of them instead of once per completion.
///
/// Rows `0..<promptLength` are the prompt at positions `0..<promptLength`, attending causally to
/// each other. Segment `i` occupies rows `segments[i]`; its row `start + j` sits at position
/// `promptLength + j` and attends to the whole prompt and causally to its own segment, never to
/// another segment. A plain sequence is a prompt without segments.
struct SequenceLayout: Sendable, Equatable {
    let promptLength: Int
    let segments: [Range<Int>]

    /// One sequence of `T` rows.
    static func plain(_ T: Int) -> SequenceLayout { SequenceLayout(promptLength: T, segments: []) }

    /// A prompt of `promptLength` rows followed by segments of the given row counts.
    init(promptLength: Int, segmentLengths: [Int]) {
        var start = promptLength
        var segments: [Range<Int>] = []
        for length in segmentLengths {
            segments.append(start..<(start + length))
            start += length
        }
        self.init(promptLength: promptLength, segments: segments)
    }

    init(promptLength: Int, segments: [Range<Int>]) {
        self.promptLength = promptLength
        self.segments = segments
    }

    var rows: Int { segments.last?.upperBound ?? promptLength }

    /// The position of every row (RoPE's angle).
    var positions: [Int] {
        var p = Array(0..<promptLength)
        for s in segments { p += (promptLength..<(promptLength + s.count)) }
        return p
    }

    /// Attention probabilities kept per head: the prompt's P × P block, then each segment's
    /// M × (P + M) block (its rows against the prompt's and its own columns).
    var probabilitiesPerHead: Int {
        promptLength * promptLength + segments.reduce(0) { $0 + $1.count * (promptLength + $1.count) }
    }

    /// The largest single block, for the backward pass's scratch.
    var largestBlock: Int {
        segments.reduce(promptLength * promptLength) { max($0, $1.count * (promptLength + $1.count)) }
    }

    /// Offset of segment `i`'s block in one head's probabilities.
    func blockOffset(_ i: Int) -> Int {
        promptLength * promptLength + segments[..<i].reduce(0) { $0 + $1.count * (promptLength + $1.count) }
    }
}
