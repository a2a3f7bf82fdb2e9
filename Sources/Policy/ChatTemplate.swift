/// Chat formatting for the supported families. Both SmolLM2 and Qwen2.5 use ChatML:
/// `<|im_start|>role\ncontent<|im_end|>\n` per message, then `<|im_start|>assistant\n`.
public struct ChatTemplate: Sendable, Hashable {
    /// The system message the model's own template inserts when none is given (SmolLM2:
    /// "You are a helpful AI assistant named SmolLM, ..."; Qwen2.5: "You are Qwen, ...").
    public var defaultSystem: String?

    public init(defaultSystem: String? = nil) {
        self.defaultSystem = defaultSystem
    }

    /// Reads the default system message out of the GGUF's Jinja template, if it has one.
    public init(_ gguf: GGUFFile) {
        let marker = "<|im_start|>system\n"
        guard let template = gguf.metadata["tokenizer.chat_template"]?.string,
            let start = template.range(of: marker),
            let end = template.range(of: "<|im_end|>", range: start.upperBound..<template.endIndex)
        else {
            self.init()
            return
        }
        let text = String(template[start.upperBound..<end.lowerBound])
        self.init(defaultSystem: text.contains("{") || text.isEmpty ? nil : text)
    }

    /// The prompt for one user turn, ending where the assistant's answer begins.
    public func prompt(user: String, system: String? = nil) -> String {
        prompt([ChatMessage(role: .user, content: user)], system: system)
    }

    /// The prompt for a dialogue, ending where the assistant's next answer begins.
    public func prompt(_ messages: [ChatMessage], system: String? = nil) -> String {
        var text = ""
        if let system = system ?? defaultSystem {
            text += "<|im_start|>system\n\(system)<|im_end|>\n"
        }
        for message in messages { text += "<|im_start|>\(message.role.rawValue)\n\(message.content)<|im_end|>\n" }
        return text + "<|im_start|>assistant\n"
    }
}
