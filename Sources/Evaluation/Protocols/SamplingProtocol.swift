import Benchmarks
import Foundation

/// The two sampling protocols VerilogEval's papers report.
public enum SamplingProtocol: String, Sendable, Codable, CaseIterable {
    /// n = 1 at temperature 0: pass@1 of the most likely answer.
    case greedy
    /// n = 20 at temperature 0.85, top_p 0.95: pass@1, pass@5 and pass@10 by the unbiased estimator.
    case sampled

    public var samples: Int { self == .greedy ? 1 : 20 }
    public var temperature: Float { self == .greedy ? 0 : 0.85 }
    public var topP: Float { self == .greedy ? 1 : 0.95 }
    /// Upstream allows 1024 new tokens.
    public static let maxTokens = 1024
}

/// What the samples were drawn with, recorded in `summary.json`.
public struct GenerationSettings: Sendable, Hashable, Codable {
    public var model: String
    public var protocolName: String
    public var promptStyle: PromptStyle
    /// The answer format asked for under `promptStyle` verireason (runs recorded before it
    /// existed used think-answer).
    public var promptFormat: PromptFormat
    public var shots: Int
    public var n: Int
    public var temperature: Float
    public var topP: Float
    public var topK: Int
    public var maxTokens: Int
    public var seed: UInt64

    public init(
        model: String, protocolName: String, promptStyle: PromptStyle, promptFormat: PromptFormat = .code, shots: Int,
        n: Int, temperature: Float, topP: Float, topK: Int, maxTokens: Int, seed: UInt64
    ) {
        self.model = model
        self.protocolName = protocolName
        self.promptStyle = promptStyle
        self.promptFormat = promptFormat
        self.shots = shots
        self.n = n
        self.temperature = temperature
        self.topP = topP
        self.topK = topK
        self.maxTokens = maxTokens
        self.seed = seed
    }

    /// What differs between the settings an earlier run recorded (`earlier`) and these, one
    /// "name earlier -> now" item per setting; the model is compared by file name, so a run
    /// resumed on another machine (another home folder) still matches.
    public func differences(from earlier: GenerationSettings) -> [String] {
        func modelName(_ m: String) -> String { m.hasSuffix(".gguf") ? (m as NSString).lastPathComponent : m }
        let pairs: [(String, String, String)] = [
            ("model", modelName(earlier.model), modelName(model)),
            ("protocol", earlier.protocolName, protocolName),
            ("prompt_style", earlier.promptStyle.rawValue, promptStyle.rawValue),
            ("prompt_format", earlier.promptFormat.rawValue, promptFormat.rawValue),
            ("shots", "\(earlier.shots)", "\(shots)"), ("n", "\(earlier.n)", "\(n)"),
            ("temperature", "\(earlier.temperature)", "\(temperature)"), ("top_p", "\(earlier.topP)", "\(topP)"),
            ("top_k", "\(earlier.topK)", "\(topK)"), ("max_tokens", "\(earlier.maxTokens)", "\(maxTokens)"),
            ("seed", "\(earlier.seed)", "\(seed)"),
        ]
        return pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) -> \($0.2)" }
    }

    enum CodingKeys: String, CodingKey {
        case model, shots, n, temperature, seed
        case protocolName = "protocol"
        case promptStyle = "prompt_style"
        case promptFormat = "prompt_format"
        case topP = "top_p"
        case topK = "top_k"
        case maxTokens = "max_tokens"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(String.self, forKey: .model)
        protocolName = try c.decode(String.self, forKey: .protocolName)
        promptStyle = try c.decode(PromptStyle.self, forKey: .promptStyle)
        promptFormat = try c.decodeIfPresent(PromptFormat.self, forKey: .promptFormat) ?? .thinkAnswer
        shots = try c.decode(Int.self, forKey: .shots)
        n = try c.decode(Int.self, forKey: .n)
        temperature = try c.decode(Float.self, forKey: .temperature)
        topP = try c.decode(Float.self, forKey: .topP)
        topK = try c.decode(Int.self, forKey: .topK)
        maxTokens = try c.decode(Int.self, forKey: .maxTokens)
        seed = try c.decode(UInt64.self, forKey: .seed)
    }
}
