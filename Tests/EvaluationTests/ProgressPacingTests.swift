import Testing

@testable import Evaluation

@Suite struct ProgressPacingTests {
    @Test func logLinesAdvanceOncePerTenthAndNeverGoBack() {
        var pacing = ProgressPacing()
        // Counts as concurrent workers report them: 656 lands before 655.
        let reported = [1, 328, 656, 655, 657, 983, 982, 1311, 3276]
        let drawn = reported.filter { pacing.admits(done: $0, total: 3276, elapsed: 1, interactive: false) }
        #expect(drawn == [1, 328, 656, 983, 1311, 3276])
    }

    @Test func shortRunsPrintNoLogLines() {
        var pacing = ProgressPacing()
        let drawn = (0...49).filter { pacing.admits(done: $0, total: 49, elapsed: 1, interactive: false) }
        #expect(drawn.isEmpty)
    }

    @Test func terminalRedrawsAtMostFiveTimesASecondButAlwaysAtTheEnd() {
        var pacing = ProgressPacing()
        let reports: [(done: Int, elapsed: Double)] = [(1, 0.3), (2, 0.4), (1, 0.6), (3, 0.7), (10, 0.75)]
        let drawn = reports.map { pacing.admits(done: $0.done, total: 10, elapsed: $0.elapsed, interactive: true) }
        // The second comes too soon, the third is an older count; the end is always drawn.
        #expect(drawn == [true, false, false, true, true])
    }
}
