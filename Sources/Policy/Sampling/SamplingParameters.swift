/// How completions are drawn. Defaults follow VeriReason's sampling where it states one.
public struct SamplingParameters: Sendable, Hashable, Codable {
    /// 0 is greedy decoding.
    public var temperature: Float = 0.5
    /// 0 keeps all tokens.
    public var topK: Int = 50
    /// 1 keeps all tokens.
    public var topP: Float = 1
    /// llama.cpp's penalty over the tokens seen so far (prompt and completion); 1 is none.
    /// VeriReason samples with 1.3.
    public var repetitionPenalty: Float = 1
    public var maxTokens: Int = 256
    /// Generation stops when the text contains one of these (it is cut before it).
    public var stop: [String] = []
    public var seed: UInt64 = 0
    /// Keep going past EOS and end-of-turn tokens (speed measurements).
    public var ignoreEOS = false

    public init() {}
}
