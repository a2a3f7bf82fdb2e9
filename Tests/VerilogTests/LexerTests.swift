import Testing

@testable import Verilog

@Suite("Lexer")
struct LexerTests {
    @Test("skips comments and keeps strings whole")
    func commentsAndStrings() {
        let tokens = Lexer().tokens("a // $finish\n/* tb.errors */ \"$fopen x\" b")
        #expect(tokens.map(\.text) == ["a", "\"$fopen x\"", "b"])
        #expect(tokens[1].kind == .string)
        #expect(tokens[2].line == 2)
    }

    @Test("reads based numbers, system names, directives and multi-character operators")
    func numbersAndSymbols() {
        let tokens = Lexer().tokens("q <= 4'b1010 + 8'hFF; `define X $display(a === b, c !== d, e <<< 2);")
        let texts = tokens.map(\.text)
        #expect(texts.contains("4'b1010"))
        #expect(texts.contains("8'hFF"))
        #expect(texts.contains("<="))
        #expect(texts.contains("==="))
        #expect(texts.contains("!=="))
        #expect(texts.contains("<<<"))
        #expect(tokens.first { $0.text == "`define" }?.kind == .directive)
        #expect(tokens.first { $0.text == "$display" }?.kind == .systemName)
    }

    @Test("escaped identifiers end at white space")
    func escapedIdentifier() {
        let tokens = Lexer().tokens("wire \\bus[0] ;")
        #expect(tokens.map(\.text) == ["wire", "\\bus[0]", ";"])
    }

    @Test("never fails on binary data")
    func binaryGarbage() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let tokens = Lexer().tokens(String(decoding: bytes, as: UTF8.self))
        #expect(!tokens.isEmpty)
    }
}
