import Foundation
import Synchronization

/// A one-line progress display with rate and ETA on stderr, redrawn at most every 0.2 s.
/// On a non-terminal it prints a line at every 10% of a long run (50 items or more) instead,
/// so logs stay readable.
public final class ProgressLine: Sendable {
    private let label: String
    private let start = Date()
    private let pacing = Mutex(ProgressPacing())
    private let interactive = isatty(STDERR_FILENO) != 0
    private let enabled: Bool

    public init(label: String, enabled: Bool = true) {
        self.label = label
        self.enabled = enabled
    }

    public func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let elapsed = Date().timeIntervalSince(start)
        // Drawn under the lock so that concurrent updates reach the terminal in order.
        pacing.withLock { pacing in
            guard pacing.admits(done: done, total: total, elapsed: elapsed, interactive: interactive) else { return }
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let eta = rate > 0 ? Double(total - done) / rate : 0
            let text = String(
                format: "%@ %d/%d (%.0f%%)  %.1f/s  elapsed %@  ETA %@", label, done, total,
                100 * Double(done) / Double(total), rate, Self.clock(elapsed), Self.clock(eta))
            let line = interactive ? "\r\u{1B}[2K" + text + (done == total ? "\n" : "") : text + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    public static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

/// When a progress line is drawn. Workers report completions concurrently, so counts can arrive
/// out of order: a count below one already seen is dropped, so the display never goes back.
struct ProgressPacing {
    private var lastDraw: Double = 0
    private var lastDecile = -1
    private var highest = 0

    /// Whether `done` of `total` at `elapsed` seconds is drawn: on a terminal at most every 0.2 s
    /// (and at the end), elsewhere once per 10% of a run of 50 items or more.
    mutating func admits(done: Int, total: Int, elapsed: Double, interactive: Bool) -> Bool {
        guard done >= highest else { return false }
        highest = done
        if interactive {
            guard done == total || elapsed - lastDraw >= 0.2 else { return false }
            lastDraw = elapsed
            return true
        }
        guard total >= 50 else { return false }
        let decile = done * 10 / total
        guard decile > lastDecile else { return false }
        lastDecile = decile
        return true
    }
}
