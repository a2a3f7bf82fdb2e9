import Benchmarks
import Verilog

/// A rough, static estimate of how long a problem's testbench simulates: the sum of its
/// `repeat (N)` counts. The scorer starts the most expensive problems first, so that a few
/// slow simulations (VerilogEval's `conwaylife` takes seconds, most take milliseconds) overlap
/// with the many short ones instead of trailing alone at the end of a batch.
enum SimulationCost {
    static func estimate(_ problem: Problem) -> Int {
        guard let testbench = problem.testbench else { return 0 }
        let tokens = Lexer().tokens(testbench)
        var total = 0
        for i in tokens.indices.dropLast(2) where tokens[i].text == "repeat" && tokens[i + 1].text == "(" {
            if tokens[i + 2].kind == .number, let n = Int(tokens[i + 2].text) { total += n }
        }
        return total
    }
}
