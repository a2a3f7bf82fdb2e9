import Foundation
import Policy
import TestSupport
import Testing

@testable import Training

@Suite("Supervised fine-tuning")
struct SFTTests {
    @Test("prompt tokens carry no loss; the response and its end-of-turn marker do")
    func encoding() throws {
        let lm = try TinyModels.language("tiny-qwen2")
        let example = SFTExample(context: [ChatMessage(role: .user, content: "hi")], response: "module m; endmodule")
        let sequence = try #require(example.encode(tokenizer: lm.tokenizer, template: lm.chatTemplate, maxLength: 512))
        let prompt = lm.tokenizer.encode(lm.chatTemplate.prompt(example.context))
        #expect(Array(sequence.tokens.prefix(prompt.count)) == prompt)
        #expect(sequence.lossMask.prefix(prompt.count).allSatisfy { !$0 })
        #expect(sequence.lossMask.dropFirst(prompt.count).allSatisfy { $0 })
        let response = lm.tokenizer.decode(Array(sequence.tokens.dropFirst(prompt.count)), renderSpecial: true)
        #expect(response == "module m; endmodule<|im_end|>\n")
        #expect(example.encode(tokenizer: lm.tokenizer, template: lm.chatTemplate, maxLength: prompt.count) == nil)
        #expect(
            example.encode(tokenizer: lm.tokenizer, template: lm.chatTemplate, maxLength: sequence.tokens.count - 1) == nil,
            "a row one token too long is dropped, not cut")
    }

    @Test("rows of both formats parse; bad rows name their line")
    func parsing() throws {
        let chat = try SFTExample.parse(
            #"{"messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}, {"role": "assistant", "content": "a"}]}"#,
            path: "f", line: 1)
        #expect(chat.system == "s" && chat.context.count == 1 && chat.response == "a")
        // `datasets sft` writes both forms; the system message lives only in `messages`.
        let both = try SFTExample.parse(
            #"{"prompt": "u", "response": "a", "messages": [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}, {"role": "assistant", "content": "a"}]}"#,
            path: "f", line: 2)
        #expect(both == chat, "a row with both is read from its messages, system message included")
        #expect(throws: TrainingError.self) {
            try SFTExample.parse(#"{"messages": [{"role": "user", "content": "u"}]}"#, path: "f", line: 4)
        }
        do {
            _ = try SFTExample.parse("nonsense", path: "data.jsonl", line: 7)
        } catch let error as TrainingError {
            #expect(error.description.hasPrefix("data.jsonl:7:"))
        }
    }

    @Test("safetensors round-trips, with an aligned header")
    func safetensors() throws {
        let tensors = [
            Safetensors.Tensor(name: "b", shape: [2, 1], values: [1, -2]),
            Safetensors.Tensor(name: "a", shape: [3], values: [0.5, 3, 1e-8]),
        ]
        let data = try Safetensors.encode(tensors)
        let headerLength = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect((8 + headerLength) % 8 == 0)
        let back = try Safetensors.decode(data)
        let a: [Float]? = back["a"]?.values
        let b: [Float]? = back["b"]?.values
        #expect(a == [0.5, 3, 1e-8])
        #expect(b == [1, -2])
        #expect(back["b"]?.shape == [2, 1])
    }

    @Test("SFT rows with CRLF line endings read like LF")
    func sftRowsCRLF() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("rows.jsonl")
        try (#"{"prompt": "a", "response": "b"}"# + "\r\n" + #"{"prompt": "c", "response": "d"}"# + "\r\n")
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(try SFTExample.load(url).count == 2)
    }

    @Test("a corrupt safetensors file is an error naming it, never a crash")
    func corruptSafetensors() throws {
        let good = try Safetensors.encode([Safetensors.Tensor(name: "a", shape: [2, 2], values: [1, 2, 3, 4])])
        let headerLength = Int(good[0]) | Int(good[1]) << 8
        var hugeHeader = good
        hugeHeader[7] = 0x40  // a header length of 2^62
        var pastTheEnd = good
        // Claim eight tensors' worth of data in the same header: rewrite the shape [2, 2] as [2, 8].
        let header = String(decoding: good[8..<(8 + headerLength)], as: UTF8.self)
        let longer = Data(header.replacingOccurrences(of: "[2,2]", with: "[2,8]").utf8)
        #expect(longer.count == headerLength)
        pastTheEnd.replaceSubrange(8..<(8 + headerLength), with: longer)
        // A shape whose byte count overflows: [2^62] has the same length as [2,2] plus 16 digits.
        var overflowing = good
        let huge = Data(header.replacingOccurrences(of: "[2,2]", with: "[4611686018427387904]").utf8)
        overflowing.replaceSubrange(8..<(8 + headerLength), with: huge)
        overflowing.replaceSubrange(0..<8, with: withUnsafeBytes(of: UInt64(huge.count).littleEndian) { Data($0) })
        for (name, data) in [
            ("short", good.prefix(5)), ("huge header", hugeHeader), ("shape", pastTheEnd), ("overflow", overflowing),
        ] {
            #expect(throws: TrainingError.self, "\(name)") { try Safetensors.decode(Data(data), path: "x.safetensors") }
            do { _ = try Safetensors.decode(Data(data), path: "x.safetensors") } catch {
                #expect(String(describing: error).hasPrefix("x.safetensors: not a valid checkpoint file"), "\(error)")
            }
        }
    }

    @Test("llama's Q/K rows go back to Hugging Face's order; shapes are PEFT's")
    func adapterLayout() throws {
        // One head of size 4 with one column: GGUF rows (0, 1, 2, 3) hold HF rows (0, 2, 1, 3).
        #expect(AdapterCheckpoint.unpermuteRows([0, 1, 2, 3], heads: 1, HS: 4, columns: 1) == [0, 2, 1, 3])
        let model = try TinyModels.trainable("tiny-llama", lora: LoRAConfig(rank: 2, alpha: 4, targets: [.q, .down]))
        let tensors = AdapterCheckpoint.tensors(try #require(model.lora))
        let s = model.shape
        let byName = Dictionary(uniqueKeysWithValues: tensors.map { ($0.name, $0.shape) })
        #expect(byName["base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"] == [2, s.C])
        #expect(byName["base_model.model.model.layers.0.self_attn.q_proj.lora_B.weight"] == [s.QD, 2])
        #expect(byName["base_model.model.model.layers.1.mlp.down_proj.lora_A.weight"] == [2, s.F])
        #expect(tensors.count == 2 * 2 * s.L)
    }

    @Test("a full checkpoint splits the fused weights into Hugging Face's tensors", arguments: TinyModels.names)
    func modelCheckpoint(name: String) throws {
        let model = try TinyModels.trainable(name)
        let tensors = Dictionary(uniqueKeysWithValues: ModelCheckpoint.tensors(model).map { ($0.name, $0) })
        let gguf = try GGUFFile(path: TinyModels.path(name))
        let s = model.shape
        let k = try #require(tensors["model.layers.1.self_attn.k_proj.weight"])
        let ggufK = try gguf.floats(try #require(gguf.tensor("blk.1.attn_k.weight")))
        #expect(k.shape == [s.KVD, s.C])
        let expectedK = s.neox ? ggufK : AdapterCheckpoint.unpermuteRows(ggufK, heads: s.KVH, HS: s.HS, columns: s.C)
        #expect(k.values == expectedK)
        let up = try #require(tensors["model.layers.0.mlp.up_proj.weight"])
        #expect(up.values == (try gguf.floats(try #require(gguf.tensor("blk.0.ffn_up.weight")))))
        #expect((tensors["lm_head.weight"] == nil) == s.tiedOutput)
        #expect((tensors["model.layers.0.self_attn.q_proj.bias"] != nil) == s.qkvBias)
    }

    @Test("a trainer run lowers the training loss and holds out a split")
    func trainerRun() throws {
        let lm = try TinyModels.language("tiny-qwen2")
        let examples = (0..<6).map { i in
            SFTExample(context: [ChatMessage(role: .user, content: "gate \(i)")], response: "assign y = a & b; // \(i)")
        }
        var config = SFTConfig()
        config.lora = LoRAConfig(rank: 4, alpha: 16)
        config.learningRate = 1e-2
        config.schedule = .constant
        config.maxSteps = 12
        config.batchSize = 5
        config.evalSplit = 0.2
        let trainer = try SFTTrainer(model: lm, examples: examples, config: config, dataPath: "memory")
        #expect(trainer.plan.train == 5 && trainer.plan.eval == 1)
        var checkpoints: [Int] = []
        let rows = try trainer.run(onStep: { _ in }, checkpoint: { checkpoints.append($0) })
        #expect(checkpoints == [12])
        let first = try #require(rows.first?.loss), last = try #require(rows[rows.count - 2].loss)
        #expect(last < first / 2, "loss \(first) -> \(last)")
        #expect(rows.last?.evalLoss != nil)
    }
}
