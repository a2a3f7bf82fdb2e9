import Testing

@testable import Datasets

@Suite("Text similarity")
struct TextSimilarityTests {
    func texts(_ a: String, _ b: String, n: Int = 2) -> (TokenizedText, TokenizedText) {
        var vocabulary = TokenVocabulary()
        return (TokenizedText(a, ngram: n, vocabulary: &vocabulary), TokenizedText(b, ngram: n, vocabulary: &vocabulary))
    }

    @Test("words are lowercased and split at everything but letters and digits")
    func normalisation() {
        #expect(TokenizedText.words("Out[3:0] = A_b+c2;") == ["out", "3", "0", "a", "b", "c2"])
        let (a, b) = texts("The  Counter, counts!", "the counter counts")
        #expect(a.tokens == b.tokens)
    }

    @Test("identical texts score 1, disjoint texts 0")
    func extremes() {
        let (a, b) = texts("a b c d e f", "a b c d e f")
        #expect(TextSimilarity.ngramJaccard(a, b) == 1)
        #expect(TextSimilarity.rougeL(a, b) == 1)
        let (c, d) = texts("a b c d", "w x y z")
        #expect(TextSimilarity.ngramJaccard(c, d) == 0)
        #expect(TextSimilarity.rougeL(c, d) == 0)
        let (e, f) = texts("", "a b")
        #expect(TextSimilarity.ngramJaccard(e, f) == 0 && TextSimilarity.rougeL(e, f) == 0)
    }

    @Test("known cases: bigram Jaccard and Rouge-L by hand")
    func knownValues() {
        // Bigrams {ab, bc, cd} and {ab, bc, ce}: 2 shared of 4.
        let (a, b) = texts("a b c d", "a b c e")
        #expect(TextSimilarity.ngramJaccard(a, b) == 0.5)
        // LCS("a b c d e f g", "a c x e g") = "a c e g" = 4; F = 2*4/(7+5).
        let (c, d) = texts("a b c d e f g", "a c x e g")
        #expect(TextSimilarity.naiveLCSLength(c.tokens, d.tokens) == 4)
        #expect(abs(TextSimilarity.rougeL(c, d) - 8.0 / 12.0) < 1e-12)
        // A text shorter than n is one n-gram of its own.
        let (e, f) = texts("x y", "x y", n: 5)
        #expect(TextSimilarity.ngramJaccard(e, f) == 1)
        #expect(TextSimilarity.rougeLBound(10, 30) == 0.5)
    }

    @Test("the bit-parallel LCS equals the dynamic programme, across word boundaries")
    func bitParallelMatchesNaive() {
        var rng = SplitMix64(seed: 1)
        var pattern = LCSPattern()
        for round in 0..<200 {
            let alphabet = Int32(2 + round % 7)
            let a = (0..<Int(rng.next() % 200)).map { _ in Int32(rng.next() % UInt64(alphabet)) }
            let b = (0..<Int(rng.next() % 200)).map { _ in Int32(rng.next() % UInt64(alphabet + 2)) }
            pattern.load(a)
            #expect(pattern.lcsLength(b) == TextSimilarity.naiveLCSLength(a, b), "round \(round): \(a.count)x\(b.count)")
            pattern.unload(a)
        }
    }

    @Test("comments and layout do not count in Verilog")
    func verilogNormalisation() {
        var vocabulary = TokenVocabulary()
        let a = TokenizedText(
            verilog: "module m; // a comment\n  assign y = a; /* more */ endmodule", ngram: 3, vocabulary: &vocabulary)
        let b = TokenizedText(verilog: "module m;\nassign y=a;\nendmodule", ngram: 3, vocabulary: &vocabulary)
        #expect(a == b)
    }
}
