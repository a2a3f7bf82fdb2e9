import Foundation
import TestSupport
import Testing

@testable import Policy

/// The default model against figures from llama.cpp itself (scripts/llama_reference.py).
@Suite("Default model against llama.cpp")
struct LlamaReferenceTests {
    struct Reference: Decodable {
        struct Prompt: Decodable {
            var name: String
            var text: String
            var tokens: [Int]
            var top_logits: [[Double]]
            var greedy: [Int]
        }
        var prompts: [Prompt]
    }

    static let reference: Reference? = {
        let url = Fixtures.repoRoot.appendingPathComponent("Tests/PolicyTests/Fixtures/llama-reference.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Reference.self, from: $0) }
    }()
    static let model = Result { try LanguageModel(path: Fixtures.defaultModel.path) }

    @Test("tokenization is identical to llama.cpp on every prompt")
    func tokenization() throws {
        let lm = try Self.model.get()
        let reference = try #require(Self.reference)
        #expect(reference.prompts.count == 5)
        for p in reference.prompts {
            #expect(lm.tokenizer.encode(p.text) == p.tokens, "\(p.name)")
            #expect(lm.tokenizer.decode(p.tokens, renderSpecial: true) == p.text, "\(p.name) round trip")
        }
    }

    @Test("next-token logits agree with llama.cpp within 0.5, with the same top token")
    func logits() throws {
        let lm = try Self.model.get()
        let reference = try #require(Self.reference)
        var worst: Double = 0
        for p in reference.prompts {
            let out = lm.logits(p.tokens)
            let V = lm.config.vocabularySize
            let last = out[((p.tokens.count - 1) * V)...].map(Double.init)
            let best = last.indices.max { last[$0] < last[$1] }! - last.startIndex
            #expect(best == Int(p.top_logits[0][0]), "\(p.name): top token")
            for pair in p.top_logits {
                worst = max(worst, abs(last[last.startIndex + Int(pair[0])] - pair[1]))
            }
        }
        // A whole prompt goes through fp32 GEMMs here, while llama.cpp multiplies Q4_1 weights with
        // activations quantised to 8 bits, so logits differ by that rounding.
        #expect(worst < 0.5, "worst logit difference \(worst)")
    }

    @Test("greedy continuations match llama.cpp for 32 tokens on most prompts")
    func greedy() throws {
        let lm = try Self.model.get()
        let reference = try #require(Self.reference)
        var parameters = SamplingParameters()
        parameters.temperature = 0
        parameters.maxTokens = 48
        var matched: [String: Int] = [:]
        for p in reference.prompts {
            let ours = lm.generate(prompt: p.tokens, n: 1, parameters: parameters)[0].tokenIDs
            matched[p.name] = zip(ours, p.greedy).prefix { $0 == $1 }.count
        }
        // Both engines decode with activations quantised to 8 bits per block (with llama.cpp's f16
        // KV cache), but the prompt runs through fp32 GEMMs here and the sums differ in order.
        // Where two candidates are within that rounding of each other the engines can pick
        // different tokens and then diverge: measured here, the chat prompt after 3 tokens and the
        // long one after 31; the other three match all 34-48.
        #expect(matched.values.filter { $0 >= 32 }.count >= 3, "matched prefix lengths: \(matched)")
        print("greedy prefix matched with llama.cpp: \(matched.sorted { $0.key < $1.key })")
    }
}
