import Foundation

/// The body of an OpenAI-style completion request. Fields beyond OpenAI's (`top_k`,
/// `repetition_penalty` for vLLM, `repeat_penalty` for llama.cpp) are sent only when they
/// change something, so that strict servers never see them by default.
struct OpenAIRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    var model: String
    var messages: [Message]?
    var prompt: String?
    var n: Int
    var temperature: Float
    var topP: Float
    var maxTokens: Int
    var seed: UInt64
    var stop: [String]?
    var topK: Int?
    var repetitionPenalty: Float?
    var repeatPenalty: Float?

    enum CodingKeys: String, CodingKey {
        case model, messages, prompt, n, temperature, seed, stop
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case topK = "top_k"
        case repetitionPenalty = "repetition_penalty"
        case repeatPenalty = "repeat_penalty"
    }

    init(model: String, prompt input: PromptInput, n: Int, parameters: SamplingParameters) {
        self.model = model
        switch input {
        case .chat(let user, let system):
            messages = (system.map { [Message(role: "system", content: $0)] } ?? []) + [Message(role: "user", content: user)]
        case .dialogue(let turns, let system):
            messages =
                (system.map { [Message(role: "system", content: $0)] } ?? [])
                + turns.map { Message(role: $0.role.rawValue, content: $0.content) }
        case .raw(let text):
            prompt = text
        }
        self.n = n
        temperature = parameters.temperature
        topP = parameters.topP
        maxTokens = parameters.maxTokens
        seed = parameters.seed
        stop = parameters.stop.isEmpty ? nil : parameters.stop
        topK = parameters.topK > 0 ? parameters.topK : nil
        if parameters.repetitionPenalty != 1 {
            repetitionPenalty = parameters.repetitionPenalty
            repeatPenalty = parameters.repetitionPenalty
        }
    }
}

/// Reading OpenAI-style answers.
enum OpenAIResponse {
    private struct Body: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var text: String?
            var message: Message?
            var finishReason: String?
            enum CodingKeys: String, CodingKey {
                case text, message
                case finishReason = "finish_reason"
            }
        }
        struct Usage: Decodable {
            var completionTokens: Int?
            enum CodingKeys: String, CodingKey { case completionTokens = "completion_tokens" }
        }
        var choices: [Choice]
        var usage: Usage?
    }

    private struct ErrorBody: Decodable {
        struct Detail: Decodable { var message: String? }
        var error: Detail?
        var message: String?
        var detail: String?
    }

    /// The completions of an answer, in choice order. Token ids are not part of the API and stay
    /// empty; tokens per second come from `usage.completion_tokens` when the server reports it.
    static func completions(from data: Data, chat: Bool, seconds: Double, url: URL) throws -> [GeneratedCompletion] {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: data)
        } catch {
            let start = String(decoding: data.prefix(200), as: UTF8.self)
            throw PolicyError.endpointResponse(url: url.absoluteString, detail: "not a completion object (\(start))")
        }
        let tokens = body.usage?.completionTokens ?? 0
        let rate = seconds > 0 ? Double(tokens) / seconds : 0
        return try body.choices.enumerated().map { i, choice in
            guard let text = chat ? choice.message?.content : choice.text else {
                throw PolicyError.endpointResponse(
                    url: url.absoluteString, detail: "choice \(i) has no \(chat ? "message.content" : "text")")
            }
            return GeneratedCompletion(
                text: text, tokenIDs: [], logProbs: [], finishReason: choice.finishReason ?? "stop", tokensPerSecond: rate)
        }
    }

    /// The server's error message, if the body carries one.
    static func errorMessage(_ data: Data) -> String? {
        if let body = try? JSONDecoder().decode(ErrorBody.self, from: data),
            let message = body.error?.message ?? body.message ?? body.detail
        {
            return message
        }
        let text = String(decoding: data.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
