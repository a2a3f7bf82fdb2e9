extension Family {
    /// A synchronous FIFO with first-word fall-through output and empty/full flags.
    static let fifo = Family(
        name: "fifo", summary: "synchronous FIFO (depth 2-8) with push/pop, empty/full and optional count"
    ) { difficulty, rng in
        let pointerBits = difficulty.pick(1, 2, rng.pick([2, 3]))
        let depth = 1 << pointerBits
        let width = difficulty.pick(4, 8, rng.pick([8, 16]))
        let hasCount = difficulty == .hard
        let reset = rng.pick(ResetStyle.allCases)
        var text = rng.pick([
            "Implement a synchronous first-in first-out queue holding up to \(depth) words of \(width) bits.",
            "Write a FIFO buffer of depth \(depth) and width \(width).",
        ])
        text +=
            " At a rising clock edge, `push` = 1 appends `din` unless the FIFO is full (then the push is ignored, even if"
            + " a pop happens in the same cycle), and `pop` = 1 removes the oldest word unless the FIFO is empty. Both may"
            + " happen in the same cycle. `dout` always shows the oldest word (0 when empty); `empty` and `full` tell"
            + " whether it holds 0 or \(depth) words. Reset empties the FIFO."
        if hasCount { text += " `count` is the number of words held." }
        let k = pointerBits
        var body = """
              reg [\(width - 1):0] mem [0:\(depth - 1)];
              reg [\(k - 1):0] rd_ptr, wr_ptr;
              reg [\(k):0] used;
              wire do_push = push && (used != \(k + 1)'d\(depth));
              wire do_pop = pop && (used != \(k + 1)'d0);
              always @(\(reset.sensitivity)) begin
                if (\(reset.condition)) begin
                  rd_ptr <= \(k)'d0;
                  wr_ptr <= \(k)'d0;
                  used <= \(k + 1)'d0;
                end else begin
                  if (do_push) begin
                    mem[wr_ptr] <= din;
                    wr_ptr <= wr_ptr + 1'b1;
                  end
                  if (do_pop) rd_ptr <= rd_ptr + 1'b1;
                  used <= used + do_push - do_pop;
                end
              end
              assign empty = used == \(k + 1)'d0;
              assign full = used == \(k + 1)'d\(depth);
              assign dout = empty ? \(width)'d0 : mem[rd_ptr];
            """
        var outputs: [Port] = [
            .output("dout", width: width, "the oldest word, or 0 when empty"), .output("empty", "1 when no word is held"),
            .output("full", "1 when \(depth) words are held"),
        ]
        if hasCount {
            body += "\n  assign count = used;"
            outputs.append(.output("count", width: k + 1, "number of words held"))
        }
        let circuit = Circuit(
            inputs: [
                .input("push", "append din"), .input("pop", "remove the oldest word"),
                .input("din", width: width, "data to append"),
            ],
            outputs: outputs, reset: reset, body: body, behaviour: fifoModel(depth: depth, hasCount: hasCount))
        return Design(circuit: circuit, behaviourText: text)
    }

    /// The FIFO's model. State: the words, then read pointer, write pointer and count.
    private static func fifoModel(depth: Int, hasCount: Bool) -> Behaviour {
        Behaviour(
            resetState: Array(repeating: 0, count: depth + 3),
            outputs: { s, _ in
                let used = s[depth + 2]
                let values: [UInt64] = [used == 0 ? 0 : s[Int(s[depth])], used == 0 ? 1 : 0, used == UInt64(depth) ? 1 : 0]
                return hasCount ? values + [used] : values
            },
            next: { s, v in
                var state = s
                let used = s[depth + 2]
                let doPush = v[0] == 1 && used != UInt64(depth)
                let doPop = v[1] == 1 && used != 0
                if doPush {
                    state[Int(s[depth + 1])] = v[2]
                    state[depth + 1] = (s[depth + 1] + 1) % UInt64(depth)
                }
                if doPop { state[depth] = (s[depth] + 1) % UInt64(depth) }
                state[depth + 2] = used + (doPush ? 1 : 0) - (doPop ? 1 : 0)
                return state
            })
    }
}
