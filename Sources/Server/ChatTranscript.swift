import Foundation

/// The response text inside a chat-template transcript. OpenRLHF sends `query` as prompt plus
/// response rendered with the policy's chat template, special tokens included; the reward must
/// judge only the model's last assistant turn, never code quoted in the prompt.
public enum ChatTranscript {
    /// Markers that open an assistant turn, by template family.
    static let assistantMarkers = [
        "<|im_start|>assistant",  // ChatML: Qwen, SmolLM, many fine-tunes
        "<|start_header_id|>assistant<|end_header_id|>",  // Llama 3
        "<｜Assistant｜>",  // DeepSeek-R1 and its Qwen distills
        "<|assistant|>",  // Phi-3, Zephyr
        "<start_of_turn>model",  // Gemma
        "[/INST]",  // Llama 2, Mistral
    ]

    /// Plain-text templates; tried only when no special-token marker is present, since a
    /// response may well contain these words itself.
    static let plainMarkers = ["Assistant:", "### Response:"]

    /// Tokens that end a turn or pad a sequence: the response stops at the first of them.
    static let endMarkers = [
        "<|im_end|>", "<|eot_id|>", "<|end_of_text|>", "<|endoftext|>", "<｜end▁of▁sentence｜>", "<|end|>",
        "<end_of_turn>", "</s>", "<pad>", "<|pad|>",
    ]

    /// The text of the last assistant turn of `query`. When `prompt` is a prefix of `query` the
    /// prompt is dropped, keeping any assistant prefill the prompt opened (`<think>` forced by the
    /// template belongs to the answer); otherwise the split is on the last assistant marker.
    public static func lastAssistantTurn(query: String, prompt: String?) -> String {
        var turn: Substring
        if let prompt, !prompt.isEmpty, query.hasPrefix(prompt) {
            let response = query.dropFirst(prompt.count)
            turn = Substring(openPrefill(prompt) + response)
        } else if let start = afterLastMarker(query) {
            turn = query[start...]
        } else {
            turn = Substring(query)
        }
        turn = beforeFirstEnd(turn)
        return String(turn).trimmingWhitespace()
    }

    /// Text after the prompt's last assistant marker when that turn is still open (no end token
    /// after it), else empty.
    static func openPrefill(_ prompt: String) -> String {
        guard let start = afterLastMarker(prompt) else { return "" }
        let tail = prompt[start...]
        if endMarkers.contains(where: { tail.contains($0) }) { return "" }
        return String(tail.drop(while: { $0 == "\n" }))
    }

    /// The index just past the last assistant marker (of any family) and its line break.
    static func afterLastMarker(_ text: String) -> String.Index? {
        func last(of markers: [String]) -> Range<String.Index>? {
            var best: Range<String.Index>?
            for marker in markers {
                if let r = text.range(of: marker, options: .backwards), best.map({ r.lowerBound > $0.lowerBound }) ?? true {
                    best = r
                }
            }
            return best
        }
        guard var index = (last(of: assistantMarkers) ?? last(of: plainMarkers))?.upperBound else { return nil }
        while index < text.endIndex, text[index] == "\n" { index = text.index(after: index) }
        return index
    }

    static func beforeFirstEnd(_ text: Substring) -> Substring {
        var end = text.endIndex
        for marker in endMarkers {
            if let r = text.range(of: marker), r.lowerBound < end { end = r.lowerBound }
        }
        return text[..<end]
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
