import Testing

@testable import Evaluation

@Suite("pass@k")
struct PassAtKTests {
    @Test("matches the closed form 1 - C(n-c,k)/C(n,k)")
    func closedForm() {
        #expect(abs(PassAtK.estimate(samples: 10, correct: 3, k: 1) - 0.3) < 1e-12)
        #expect(abs(PassAtK.estimate(samples: 10, correct: 3, k: 5) - (1 - 21.0 / 252.0)) < 1e-12)
        #expect(abs(PassAtK.estimate(samples: 20, correct: 1, k: 10) - 0.5) < 1e-12)
        #expect(PassAtK.estimate(samples: 5, correct: 0, k: 1) == 0)
        #expect(PassAtK.estimate(samples: 5, correct: 5, k: 5) == 1)
        #expect(PassAtK.estimate(samples: 10, correct: 6, k: 5) == 1, "fewer than k failures")
    }

    @Test("averages over problems and is absent when some problem has fewer than k samples")
    func mean() {
        let counts = [(samples: 2, correct: 1), (samples: 2, correct: 2)]
        #expect(PassAtK.mean(counts, k: 1) == 0.75)
        #expect(PassAtK.mean(counts, k: 2) == 1)
        #expect(PassAtK.mean(counts, k: 5) == nil)
    }
}
