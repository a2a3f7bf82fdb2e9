import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import TestSupport
import Testing

@Suite("POST /get_reward (OpenRLHF contract)")
struct OpenRLHFTests {
    @Test("a correct, a wrong, a non-compiling and a forging completion in one chat-template batch")
    func batch() async throws {
        let c = try ServerFixtures.counterCompletions()
        let responses = [c.correct, c.wrong, c.broken, c.forging]
        let rendered = responses.map { ServerFixtures.chatML(prompt: "Design a 4-bit counter.", response: $0) }
        let request: [String: Any] = [
            "query": rendered.map(\.query), "prompts": rendered.map(\.prompt), "labels": Array(repeating: "counter4", count: 4),
        ]
        let body = try ServerFixtures.body(request)
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/get_reward", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let object = try ServerFixtures.object(response)
                let rewards = try #require(object["rewards"] as? [Double])
                let scores = try #require(object["scores"] as? [Double])
                let logs = try #require(object["extra_logs"] as? [String: [Double]])
                #expect(rewards.count == 4)
                #expect(abs(rewards[0] - 2.1) < 1e-9, "format 0.1 + functional 2.0")
                #expect(rewards[1] > 0.1 && rewards[1] < 1.3, "format + compiles + structural, below a pass")
                #expect(rewards[2] == 0, "fenced but not compiling: no format bonus, nothing else")
                #expect(rewards[3] == 0, "a forger earns nothing, not even for its format")
                #expect(scores == [1, 0, 0, 0])
                #expect(logs["passed"] == [1, 0, 0, 0])
                // failure_class codes: pass 0, mismatch 6, syntax/compile error 3 or 4, forbidden 2.
                let codes = try #require(logs["failure_class"])
                #expect(codes[0] == 0 && codes[1] == 6 && [3, 4].contains(codes[2]) && codes[3] == 2, "\(codes)")
                for name in RewardService.extraLogNames { #expect(logs[name]?.count == 4, "\(name)") }
            }
        }
    }

    @Test("one sample per request, Llama 3 template, no prompts field: correct, wrong, non-compiling and forging each scored")
    func singleSampleLlama() async throws {
        let c = try ServerFixtures.counterCompletions()
        @Sendable func query(_ response: String) -> String {
            "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nWrite a counter like ```verilog\nmodule TopModule(); endmodule\n```<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n" + response + "<|eot_id|>"
        }
        // The user turn holds a fenced module of its own: only the last assistant turn may be scored.
        // failure_class codes as in the batch test: pass 0, mismatch 6, syntax/compile error 3 or 4, forbidden 2.
        let cases: [(response: String, score: Double, passed: Bool, classes: Set<Double>)] = [
            (c.correct, 1, true, [0]), (c.wrong, 0, false, [6]), (c.broken, 0, false, [3, 4]), (c.forging, 0, false, [2]),
        ]
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            var rewards: [Double] = []
            for item in cases {
                let body = try ServerFixtures.body(["query": [query(item.response)], "labels": ["counter4"]])
                let reward = try await client.execute(uri: "/get_reward", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                    let object = try ServerFixtures.object(response)
                    #expect(object["scores"] as? [Double] == [item.score])
                    let logs = object["extra_logs"] as? [String: [Double]]
                    #expect(logs?["passed"] == [item.passed ? 1 : 0])
                    #expect(
                        item.classes.contains(logs?["failure_class"]?.first ?? -1),
                        "\(String(describing: logs?["failure_class"]))")
                    return try #require((object["rewards"] as? [Double])?.first)
                }
                rewards.append(reward)
            }
            #expect(rewards.count == 4)
            #expect(abs(rewards[0] - 2.1) < 1e-9, "format 0.1 + functional 2.0")
            #expect(rewards[1] > 0.1 && rewards[1] < 1.3, "wrong: partial credit below a pass")
            #expect(rewards[2] == 0 && rewards[3] == 0, "non-compiling and forging earn nothing")
        }
    }

    @Test("a label may carry the problem inline, as a JSON string or an object")
    func inlineLabel() async throws {
        let c = try ServerFixtures.counterCompletions()
        var problem = try #require(
            try String(contentsOf: Fixtures.examples, encoding: .utf8).split(separator: "\n")
                .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { $0["id"] as? String == "counter4" })
        problem["id"] = "my-counter"
        let asString = String(decoding: try JSONSerialization.data(withJSONObject: problem), as: UTF8.self)
        let rendered = ServerFixtures.chatML(prompt: "Counter", response: c.correct)
        let request: [String: Any] = [
            "query": [rendered.query, rendered.query], "prompts": [rendered.prompt, rendered.prompt],
            "labels": [asString, problem],
        ]
        let body = try ServerFixtures.body(request)
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/get_reward", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let scores = try ServerFixtures.object(response)["scores"] as? [Double]
                #expect(scores == [1, 1])
            }
        }
    }
}

@Suite("Last assistant turn of a chat transcript")
struct ChatTranscriptTests {
    @Test("the prompt prefix is dropped but an assistant prefill it opened is kept")
    func prefill() {
        let prompt = "<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n<think>"
        let query = prompt + "reasoning</think><answer>A</answer><|im_end|><|endoftext|><|endoftext|>"
        #expect(
            ChatTranscript.lastAssistantTurn(query: query, prompt: prompt) == "<think>reasoning</think><answer>A</answer>")
    }

    @Test("without a matching prompt the last assistant marker wins, whatever the template")
    func markers() {
        #expect(ChatTranscript.lastAssistantTurn(query: "[INST] q [/INST] answer</s>", prompt: "other") == "answer")
        #expect(
            ChatTranscript.lastAssistantTurn(
                query: "<start_of_turn>user\nq<end_of_turn>\n<start_of_turn>model\nanswer<end_of_turn>", prompt: nil)
                == "answer")
        #expect(ChatTranscript.lastAssistantTurn(query: "just text", prompt: nil) == "just text")
    }
}
