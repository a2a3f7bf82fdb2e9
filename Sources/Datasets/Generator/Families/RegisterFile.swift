extension Family {
    /// A register file: N words of W bits, one synchronous write port, one or two read ports
    /// (combinational, or registered at the hard level). Reset clears every word.
    static let registerFile = Family(
        name: "register_file", summary: "small memory: N x W register file, 1 write port, 1-2 read ports, cleared by reset"
    ) { difficulty, rng in
        let addressBits = difficulty.pick(2, rng.pick([2, 3]), 3)
        let words = 1 << addressBits
        let width = difficulty.pick(4, 8, rng.pick([8, 16]))
        let readPorts = difficulty == .easy ? 1 : rng.pick([1, 2])
        let registeredRead = difficulty == .hard && rng.chance(1, in: 2)
        let reset = rng.pick(ResetStyle.allCases)
        var text = rng.pick([
            "Implement a register file of \(words) words of \(width) bits.",
            "Write a small memory with \(words) entries, each \(width) bits wide.",
        ])
        text += " At a rising clock edge with `we` = 1, word `waddr` takes the value `wdata`. Reset sets every word to 0."
        let names = readPorts == 1 ? [""] : ["1", "2"]
        if registeredRead {
            text +=
                " Reads are registered: at each rising edge, rdata\(names[0]) takes the value word raddr\(names[0]) held"
                + " before that edge (the old value if it is being written). Reset clears the read register(s) too."
        } else {
            text +=
                " Reads are combinational: rdata\(names[0]) always shows the current contents of word raddr\(names[0]);"
                + " a write becomes visible after the clock edge that performs it."
        }
        if readPorts == 2 { text += " Read port 2 (raddr2, rdata2) works the same way as port 1." }
        var inputs: [Port] = [
            .input("we", "write enable"), .input("waddr", width: addressBits, "write address"),
            .input("wdata", width: width, "data to write"),
        ]
        var outputs: [Port] = []
        for n in names {
            inputs.append(.input("raddr\(n)", width: addressBits, "read address\(n.isEmpty ? "" : " of port \(n)")"))
            outputs.append(
                .output("rdata\(n)", width: width, reg: registeredRead, "data read\(n.isEmpty ? "" : " by port \(n)")"))
        }
        var body = "  reg [\(width - 1):0] mem [0:\(words - 1)];\n  integer i;\n"
        body += "  always @(\(reset.sensitivity)) begin\n    if (\(reset.condition)) begin\n"
        body += "      for (i = 0; i < \(words); i = i + 1) mem[i] <= \(width)'d0;\n"
        if registeredRead { for n in names { body += "      rdata\(n) <= \(width)'d0;\n" } }
        body += "    end else begin\n      if (we) mem[waddr] <= wdata;\n"
        if registeredRead { for n in names { body += "      rdata\(n) <= mem[raddr\(n)];\n" } }
        body += "    end\n  end"
        if !registeredRead { for n in names { body += "\n  assign rdata\(n) = mem[raddr\(n)];" } }
        // State: the words, then the read registers when reads are registered.
        let circuit = Circuit(
            inputs: inputs, outputs: outputs, reset: reset, body: body,
            behaviour: Behaviour(
                resetState: Array(repeating: 0, count: words + (registeredRead ? readPorts : 0)),
                outputs: { s, v in
                    (0..<readPorts).map { registeredRead ? s[words + $0] : s[Int(v[3 + $0])] }
                },
                next: { s, v in
                    var memory = Array(s[0..<words])
                    let reads = registeredRead ? (0..<readPorts).map { memory[Int(v[3 + $0])] } : []
                    if v[0] == 1 { memory[Int(v[1])] = v[2] }
                    return memory + reads
                }))
        return Design(circuit: circuit, behaviourText: text)
    }
}
