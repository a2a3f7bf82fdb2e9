import Benchmarks
import Foundation
import TestSupport
import Testing

@testable import Datasets

@Suite("SFT rows")
struct SFTDatasetTests {
    static let fsm = Problem(
        id: "fsm1",
        prompt: """
            Write a Verilog module named TopModule that does the following.

            Build a Moore machine with states IDLE, RUN and DONE. It leaves IDLE when start is 1.

            Ports:
            - `clk` (input): the clock
            """,
        moduleHeader: "module TopModule (\n    input clk,\n    input aresetn,\n    input start,\n    output reg [1:0] phase\n);",
        reference: """
            // The reference.
            module RefModule (
                input clk,
                input aresetn,
                input start,
                output reg [1:0] phase
            );
              localparam [1:0] IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
              reg [1:0] state, next_state;
              always @(posedge clk or negedge aresetn) begin
                if (!aresetn) state <= IDLE;
                else state <= next_state;
              end
              always @(*) begin
                case (state)
                  IDLE: next_state = start ? RUN : IDLE;
                  RUN: next_state = DONE;
                  default: next_state = IDLE;
                endcase
                phase = state;
              end
            endmodule
            """, referenceTop: "RefModule", family: "fsm")

    static let counter = Problem(
        id: "count1",
        prompt: "Implement a 4-bit counter with a synchronous active-high reset.",
        reference: """
            module RefModule(input clk, input reset, input en, output [3:0] q);
              reg [3:0] count;
              always @(posedge clk)
                if (reset) count <= 4'd0;
                else if (en) count <= count + 1'b1;
              assign q = count;
            endmodule
            """, referenceTop: "RefModule")

    static let adder = Problem(
        id: "add1", prompt: "Add a and b.",
        reference: "module top_module(input [7:0] a, b, output [8:0] sum);\n  assign sum = a + b;\nendmodule\n",
        referenceTop: "top_module")

    static let testbenchOnly = Problem(id: "tb-only", prompt: "No reference here.", testbench: "module tb; endmodule")

    func decode(_ data: Data) throws -> [[String: Any]] {
        try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("a reasoning row has VeriReason's exact shape and the renamed reference in its answer")
    func reasoningRow() throws {
        let dataset = SFTDataset(problems: [Self.fsm], format: .thinkAnswer)
        let rows = try decode(try dataset.jsonLines())
        let row = try #require(rows.first)
        #expect(Set(row.keys) == ["prompt", "response", "messages", "id", "family"])
        #expect(row["id"] as? String == "fsm1" && row["family"] as? String == "fsm")
        let messages = try #require(row["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] } == ["system", "user", "assistant"])
        #expect(messages.allSatisfy { Set($0.keys) == ["role", "content"] })
        #expect(messages[0]["content"] == VeriReasonPrompt.systemPrompt)
        #expect(messages[1]["content"] == row["prompt"] as? String)
        #expect(messages[1]["content"] == VeriReasonPrompt.userMessage(for: Self.fsm))
        let response = try #require(row["response"] as? String)
        #expect(messages[2]["content"] == response)
        #expect(response.hasPrefix("<think>\n"))
        let expected = try #require(Self.fsm.referenceAsCandidate).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(response.hasSuffix("</think>\n<answer>\n```verilog\n" + expected + "\n```\n</answer>"))
        #expect(expected.contains("module TopModule (") && !expected.contains("RefModule"))
    }

    @Test("the rationale names the ports, the clock, the async active-low reset and the FSM states")
    func fsmRationale() throws {
        let row = try #require(SFTDataset.row(for: Self.fsm, format: .thinkAnswer))
        let think = try #require(row.response.components(separatedBy: "</think>").first)
        for fact in [
            "inputs clk (1 bit), aresetn (1 bit), start (1 bit)", "outputs phase (2 bits)", "rising edge of clk",
            "always @(posedge clk or negedge aresetn)", "aresetn is an active-low asynchronous reset",
            "3 states (IDLE, RUN, DONE)", "state (2 bits)", "The task: Build a Moore machine",
        ] {
            #expect(think.contains(fact), "missing '\(fact)' in\n\(think)")
        }
    }

    @Test("a synchronous reset, registers and a combinational design are told apart")
    func otherRationales() throws {
        let facts = DesignFacts(source: try #require(Self.counter.reference), top: "RefModule")
        #expect(facts.clock == "clk")
        #expect(facts.reset == DesignFacts.Reset(name: "reset", isAsynchronous: false, isActiveLow: false))
        #expect(facts.registers.map(\.described) == ["count (4 bits)"])
        #expect(facts.usesContinuousAssign && facts.stateMachine == nil)
        let think = try #require(SFTDataset.row(for: Self.counter, format: .thinkAnswer)?.response)
        #expect(think.contains("reset is an active-high synchronous reset"))

        let adder = DesignFacts(source: try #require(Self.adder.reference), top: "top_module")
        #expect(adder.inputs.map(\.described) == ["a (8 bits)", "b (8 bits)"])
        #expect(adder.outputs.map(\.described) == ["sum (9 bits)"])
        #expect(!adder.isSequential && adder.reset == nil && adder.registers.isEmpty)
        let answer = try #require(SFTDataset.row(for: Self.adder, format: .thinkAnswer)?.response)
        #expect(answer.contains("It is combinational") && answer.contains("module TopModule(input [7:0] a, b"))
    }

    @Test("a state reached only by arithmetic is counted; `if (reset || clear)` is still a reset")
    func harderReferences() throws {
        let lights = DesignFacts(
            source: """
                module RefModule(input clk, input reset, output reg [2:0] ns);
                  localparam NSG = 2'd0, NSY = 2'd1, EWG = 2'd2, EWY = 2'd3, LIMIT = 3'd7;
                  reg [1:0] phase;
                  always @(posedge clk) begin
                    if (reset || 1'b0) phase <= NSG;
                    else phase <= phase + 2'd1;
                  end
                  always @* case (phase) NSG: ns = 3'b001; NSY: ns = 3'b010; EWG: ns = 3'b100; default: ns = 0; endcase
                endmodule
                """, top: "RefModule")
        #expect(lights.stateMachine?.states == ["NSG", "NSY", "EWG", "EWY"])
        #expect(lights.stateMachine?.register.name == "phase")
        #expect(lights.reset?.name == "reset" && lights.reset?.isAsynchronous == false)
    }

    @Test("the code style is the fenced block alone; problems without a reference are skipped and counted")
    func codeStyleAndSkips() throws {
        let dataset = SFTDataset(problems: [Self.counter, Self.testbenchOnly, Self.adder], format: .code)
        #expect(dataset.rows.map(\.id) == ["count1", "add1"])
        #expect(dataset.skipped == ["tb-only"])
        let expected = try #require(Self.adder.referenceAsCandidate).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(dataset.rows[1].response == "```verilog\n" + expected + "\n```")
        #expect(dataset.rows[1].messages.count == 3)
        let shuffled = SFTDataset(problems: [Self.counter, Self.testbenchOnly, Self.adder], format: .code, seed: 4)
        #expect(Set(shuffled.rows.map(\.id)) == ["count1", "add1"])
        #expect(shuffled.rows == SFTDataset(problems: [Self.counter, Self.adder], format: .code, seed: 4).rows)
    }

    @Test("every generated family gets a rationale that matches its interface")
    func generatedFamilies() throws {
        let problems = try DatasetGenerator(seed: 11).generate(count: Family.all.count * 2)
        for problem in problems {
            let row = try #require(SFTDataset.row(for: problem, format: .thinkAnswer))
            let facts = DesignFacts(source: try #require(problem.reference), top: "RefModule")
            #expect(!facts.outputs.isEmpty, "\(problem.id)")
            #expect(row.response.contains("```verilog\nmodule TopModule"), "\(problem.id)")
            if problem.prompt.contains("reset") && facts.isSequential {
                #expect(facts.reset != nil, "\(problem.id): no reset found")
            }
            if problem.family?.hasPrefix("fsm") == true { #expect(facts.stateMachine != nil, "\(problem.id)") }
        }
    }

    @Test("every VerilogEval v2 reference is read without a crash and with its ports")
    func verilogEvalReferences() throws {
        let problems = try VerilogEval.load(.v2SpecToRTL, datasetDir: Fixtures.verilogEval)
        var withPorts = 0
        for problem in problems {
            let facts = DesignFacts(source: try #require(problem.reference), top: problem.referenceTop)
            if !facts.outputs.isEmpty { withPorts += 1 }
        }
        #expect(withPorts == problems.count)
    }
}
