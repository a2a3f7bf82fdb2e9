// Policy: the language model that writes the Verilog. GGUF files, tokenizer, chat templates,
// the forward pass and sampling. Knows nothing of rewards.

/// Failures of model files and the engine, always naming the file and what is wrong.
public enum PolicyError: Error, CustomStringConvertible, Equatable {
    case missingFile(path: String)
    case corruptModel(path: String, detail: String)
    case unsupported(path: String, detail: String)
    case missingMetadata(path: String, key: String)
    case missingTensor(path: String, name: String)
    case tensorShape(path: String, name: String, expected: [Int], found: [Int])
    case emptyPrompt
    /// A remote endpoint could not be reached or answered with an error, after all retries.
    case endpoint(url: String, detail: String)
    /// A remote endpoint answered with something that is not an OpenAI-style completion.
    case endpointResponse(url: String, detail: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file"
        case .corruptModel(let path, let detail):
            return "\(path): not a valid GGUF file: \(detail)"
        case .unsupported(let path, let detail):
            return "\(path): unsupported: \(detail)"
        case .missingMetadata(let path, let key):
            return "\(path): metadata key '\(key)' is missing"
        case .missingTensor(let path, let name):
            return "\(path): tensor '\(name)' is missing"
        case .tensorShape(let path, let name, let expected, let found):
            return "\(path): tensor '\(name)' has shape \(found), expected \(expected)"
        case .emptyPrompt:
            return "the prompt is empty (no tokens to condition on)"
        case .endpoint(let url, let detail):
            return "\(url): \(detail)"
        case .endpointResponse(let url, let detail):
            return "\(url): unexpected response: \(detail)"
        }
    }
}
