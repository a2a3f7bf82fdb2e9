import Testing

@testable import Verilog

@Suite("Code extraction and module names")
struct CodeExtractionTests {
    let module = "module top_module(input a, output b);\n  assign b = a;\nendmodule\n"

    @Test("VeriReason's think/answer format")
    func thinkAnswer() {
        let text = "<think>wire it</think>\n<answer>\n```verilog\n\(module)```\n</answer>"
        let e = CodeExtraction.extract(from: text)
        #expect(e.format == .thinkAnswer)
        #expect(e.code == module)
    }

    @Test("an answer without a closed think block is only a fenced answer")
    func unclosedThink() {
        let e = CodeExtraction.extract(from: "<think>hmm <answer>\n```verilog\n\(module)```\n</answer>")
        #expect(e.format == .fenced)
    }

    @Test("plain fences, [BEGIN]/[DONE] and bare modules")
    func otherFormats() {
        #expect(CodeExtraction.extract(from: "Here:\n```\n\(module)```").format == .fenced)
        let begin = CodeExtraction.extract(from: "[BEGIN]\n\(module)[DONE]")
        #expect(begin.format == .beginDone)
        #expect(begin.code.contains("assign b = a;"))
        let bare = CodeExtraction.extract(from: "Sure. \(module) Hope it helps.")
        #expect(bare.format == .bare)
        #expect(bare.code.hasPrefix("module top_module"))
        #expect(bare.code.contains("endmodule"))
        #expect(CodeExtraction.extract(from: "I cannot help with that.").format == .none)
    }

    @Test("renames the root module to the expected top, leaving helpers alone")
    func renameTop() {
        let code =
            "module helper(input x, output y); assign y = ~x; endmodule\nmodule top_module(input a, output b); helper h(.x(a), .y(b)); endmodule\n"
        let renamed = ModuleNames.renamingTop(code, to: "TopModule")
        #expect(ModuleNames.declared(in: renamed) == ["helper", "TopModule"])
        #expect(ModuleNames.renamingTop(renamed, to: "TopModule") == renamed)
    }

    @Test("renaming touches identifiers only, not comments or strings")
    func renameSkipsStrings() {
        let code = "// RefModule here\nmodule RefModule; initial $display(\"RefModule\"); endmodule"
        let renamed = ModuleNames.renaming(code, ["RefModule": "TopModule"])
        #expect(renamed == "// RefModule here\nmodule TopModule; initial $display(\"RefModule\"); endmodule")
    }
}
