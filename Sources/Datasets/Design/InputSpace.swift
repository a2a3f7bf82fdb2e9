/// Helpers for designs whose inputs are 1-bit variables read as one number, first name most
/// significant (the order of a truth table's rows and of a Verilog concatenation).
enum InputSpace {
    /// The variables' values for row `row` of an `n`-variable table.
    static func values(row: Int, count n: Int) -> [Bool] {
        (0..<n).map { (row >> (n - 1 - $0)) & 1 == 1 }
    }

    /// The row number of 1-bit input values.
    static func row(_ inputs: [UInt64]) -> Int {
        inputs.reduce(0) { $0 * 2 + Int($1 & 1) }
    }

    /// A markdown table with one column per name.
    static func table(header: [String], rows: [[String]]) -> String {
        let head = "| " + header.joined(separator: " | ") + " |"
        let rule = "|" + String(repeating: "---|", count: header.count)
        return ([head, rule] + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
    }
}
