/// What a policy is asked to continue: a user message in the model's chat format, or raw text.
public enum PromptInput: Sendable, Hashable {
    case chat(user: String, system: String?)
    case raw(String)
}

/// Anything that draws completions: the local engine (`LocalPolicy`) or an OpenAI-compatible
/// server (`RemotePolicy`). `sample`, and later `eval` and `train`, talk to this.
public protocol CompletionSource: Sendable {
    /// The model's name as reports record it (a file path or a served model name).
    var modelName: String { get }
    /// `n` completions of one prompt.
    func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion]
}

/// The local GGUF engine as a completion source.
public struct LocalPolicy: CompletionSource {
    public let model: LanguageModel
    public var modelName: String { model.path }

    public init(model: LanguageModel) { self.model = model }

    public func complete(_ prompt: PromptInput, n: Int, parameters: SamplingParameters) async throws -> [GeneratedCompletion] {
        let text: String
        switch prompt {
        case .chat(let user, let system): text = model.chatTemplate.prompt(user: user, system: system)
        case .raw(let raw): text = raw
        }
        let tokens = model.tokenizer.encode(text)
        guard !tokens.isEmpty else { throw PolicyError.emptyPrompt }
        return model.generate(prompt: tokens, n: n, parameters: parameters)
    }
}
