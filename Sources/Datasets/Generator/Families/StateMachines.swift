extension Family {
    /// A Moore machine given by its state-transition table.
    static let mooreMachine = Family(
        name: "fsm_moore", summary: "Moore FSM from a state-transition table (3-7 states, 1-2 input bits)"
    ) { difficulty, rng in
        stateMachine(mealy: false, difficulty: difficulty, rng: &rng)
    }

    /// A Mealy machine given by its state-transition table.
    static let mealyMachine = Family(
        name: "fsm_mealy", summary: "Mealy FSM from a state-transition table (3-7 states, 1-2 input bits)"
    ) { difficulty, rng in
        stateMachine(mealy: true, difficulty: difficulty, rng: &rng)
    }

    private static func stateMachine(mealy: Bool, difficulty: Difficulty, rng: inout SplitMix64) -> Design {
        let states = difficulty.pick(
            Int.random(in: 3...4, using: &rng), Int.random(in: 4...5, using: &rng), Int.random(in: 5...7, using: &rng))
        let inputBits = difficulty.pick(1, rng.pick([1, 2]), 2)
        let outputBits = difficulty.pick(1, 1, rng.pick([1, 2]))
        let reset = rng.pick(ResetStyle.allCases)
        let table = StateTable.random(states: states, inputBits: inputBits, outputBits: outputBits, mealy: mealy, rng: &rng)
        let kind = mealy ? "Mealy" : "Moore"
        var text = rng.pick([
            "Implement the \(kind) state machine described by the state-transition table below.",
            "Write a \(kind) finite-state machine with states \(table.names.joined(separator: ", ")) that follows this table.",
            "The table below defines a \(kind) machine: its next state for each value of the input x, and its output z.",
        ])
        text += " The machine moves to the next state on each rising clock edge; reset puts it in state A."
        text +=
            mealy
            ? " The output z depends on the current state and the current input x (entries are next state / z)."
            : " The output z depends only on the current state."
        text += "\n\n" + table.markdown
        let circuit = Circuit(
            inputs: [.input("x", width: inputBits, "the machine's input")],
            outputs: [.output("z", width: outputBits, reg: true, "the machine's output")],
            reset: reset,
            body: table.verilog(reset: reset),
            behaviour: Behaviour(
                resetState: [0],
                outputs: { s, v in [table.output(state: Int(s[0]), input: Int(v[0]))] },
                next: { s, v in [UInt64(table.next[Int(s[0])][Int(v[0])])] }))
        return Design(circuit: circuit, behaviourText: text)
    }
}
