/// What a policy is asked to continue: a user message in the model's chat format, a longer
/// dialogue (earlier answers and feedback on them), or raw text.
public enum PromptInput: Sendable, Hashable {
    case chat(user: String, system: String?)
    case dialogue([ChatMessage], system: String?)
    case raw(String)

    /// The same prompt with further turns after it (a chat becomes a dialogue).
    public func continued(with turns: [ChatMessage]) -> PromptInput {
        switch self {
        case .chat(let user, let system): return .dialogue([ChatMessage(role: .user, content: user)] + turns, system: system)
        case .dialogue(let messages, let system): return .dialogue(messages + turns, system: system)
        case .raw(let text): return .raw(text + turns.map(\.content).joined(separator: "\n"))
        }
    }
}

/// One turn of a dialogue.
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable { case user, assistant }
    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// Anything that draws completions: the local engine (`LocalPolicy`) or an OpenAI-compatible
/// server (`RemotePolicy`). `sample`, `eval` and `train` talk to this.
public protocol CompletionSource: Sendable {
    /// The model's name as reports record it (a file path or a served model name).
    var modelName: String { get }
    /// `n` completions of one prompt.
    func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion]
    /// `n` completions of each prompt, with its own parameters; the same completions as asking
    /// for each prompt on its own, drawn together where the source can batch them.
    func complete(batch: [(prompt: PromptInput, parameters: SamplingParameters)], n: Int) async throws -> [[GeneratedCompletion]]
    /// How many sequences are worth drawing together (1: the source gains nothing from batches).
    var preferredBatchSequences: Int { get }
}

extension CompletionSource {
    public func complete(batch: [(prompt: PromptInput, parameters: SamplingParameters)], n: Int) async throws
        -> [[GeneratedCompletion]]
    {
        var out: [[GeneratedCompletion]] = []
        for item in batch { out.append(try await complete(item.prompt, n: n, parameters: item.parameters)) }
        return out
    }

    public var preferredBatchSequences: Int { 1 }
}

/// The local GGUF engine as a completion source.
public struct LocalPolicy: CompletionSource {
    public let model: LanguageModel
    public var modelName: String { model.path }

    public init(model: LanguageModel) { self.model = model }

    public func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
        model.generate(prompt: try tokens(prompt), n: n, parameters: parameters)
    }

    public func complete(batch: [(prompt: PromptInput, parameters: SamplingParameters)], n: Int) async throws
        -> [[GeneratedCompletion]]
    {
        let requests = try batch.map { GenerationRequest(prompt: try tokens($0.prompt), parameters: $0.parameters) }
        return model.generate(requests, n: n)
    }

    public var preferredBatchSequences: Int { model.preferredBatchSequences }

    func tokens(_ prompt: PromptInput) throws -> [Int] {
        let text: String
        switch prompt {
        case .chat(let user, let system): text = model.chatTemplate.prompt(user: user, system: system)
        case .dialogue(let messages, let system): text = model.chatTemplate.prompt(messages, system: system)
        case .raw(let raw): text = raw
        }
        let tokens = model.tokenizer.encode(text)
        guard !tokens.isEmpty else { throw PolicyError.emptyPrompt }
        return tokens
    }
}
