import CSandbox
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs tools on untrusted input: each run gets a private temporary directory (removed
/// afterwards), a new process group that is killed as a whole on timeout and after exit
/// (so no simulator outlives its run), rlimits, and capped output.
public struct Sandbox: Sendable {
    /// Where run directories are created; the sandbox user must be able to pass through it.
    public var scratchRoot: URL
    /// The unprivileged user tools run as when this process is root (`nobody`); nil keeps the
    /// current user.
    public var user: (uid: UInt32, gid: UInt32)?

    public init(scratchRoot: URL = FileManager.default.temporaryDirectory, dropRootTo userName: String? = "nobody") {
        self.scratchRoot = scratchRoot
        user = geteuid() == 0 ? userName.flatMap(Self.lookUpUser) : nil
    }

    /// uid and gid of `name` from /etc/passwd, read directly: NSS lookups load shared libraries
    /// at run time, which is best kept away from a process that starts tools from many threads.
    static func lookUpUser(_ name: String) -> (uid: UInt32, gid: UInt32)? {
        guard let text = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count >= 4, fields[0] == name, let uid = UInt32(fields[2]), let gid = UInt32(fields[3]) {
                return (uid, gid)
            }
        }
        return nil
    }

    /// Creates a private directory, lets `body` fill and use it, and removes it afterwards.
    public func withRunDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = scratchRoot.appendingPathComponent("verireason-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: dir, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw VerilogError.sandbox("cannot create run directory \(dir.path): \(error.localizedDescription)")
        }
        if let user, chown(dir.path, user.uid, user.gid) != 0 {
            try? FileManager.default.removeItem(at: dir)
            throw VerilogError.sandbox("cannot hand run directory \(dir.path) to the sandbox user: errno \(errno)")
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    /// Runs `executable` with `arguments` in `directory` under `limits`; blocks until the process
    /// group is gone. Throws only when the process cannot be started.
    public func run(
        _ executable: String, _ arguments: [String], in directory: URL,
        limits: SandboxLimits = .simulation
    ) throws -> ProcessOutcome {
        let start = DispatchTime.now()
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard csandbox_pipe(&outPipe) == 0 else { throw VerilogError.sandbox("pipe failed: errno \(errno)") }
        guard csandbox_pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw VerilogError.sandbox("pipe failed: errno \(errno)")
        }
        let environment = [
            "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C", "LC_ALL=C", "HOME=\(directory.path)",
            "TMPDIR=\(directory.path)",
        ]
        var cLimits = csandbox_limits(
            cpu_seconds: UInt64(limits.cpuSeconds),
            address_space: UInt64(limits.addressSpaceBytes),
            file_size: UInt64(limits.fileSizeBytes),
            process_count: UInt64(limits.processCount),
            open_files: 256,
            run_as_uid: user.map { Int32(bitPattern: $0.uid) } ?? -1,
            run_as_gid: user.map { Int32(bitPattern: $0.gid) } ?? -1)
        let pid: pid_t = withCStrings([executable] + arguments) { argv in
            withCStrings(environment) { envp in
                csandbox_spawn(executable, argv, envp, directory.path, &cLimits, outPipe[1], errPipe[1])
            }
        }
        close(outPipe[1]); close(errPipe[1])
        guard pid > 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw VerilogError.sandbox("cannot start \(executable): errno \(-pid)")
        }

        let deadline = start.uptimeNanoseconds + UInt64(limits.wallSeconds * 1e9)
        var reader = CappedReader(fds: [outPipe[0], errPipe[0]], cap: limits.outputBytes)
        var timedOut = false
        var flooded = false
        var status: Int32 = 0
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline { timedOut = true; break }
            if reader.isOpen {
                let waitMs = Int32(min(100, max(1, (deadline - now) / 1_000_000)))
                reader.poll(milliseconds: waitMs)
                if reader.overflowed { flooded = true; break }
            } else {
                // Output closed; wait for the leader to exit (without reaping it yet).
                if csandbox_exited(pid) != 0 { break }
                usleep(2_000)
            }
        }
        // Tear down the whole group in every case: children of the tool must not outlive the run.
        // The leader is not reaped yet, so the group id still names this run's group.
        kill(-pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        reader.drainAndClose()

        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let termination: ProcessOutcome.Termination
        if status & 0x7f == 0 {
            termination = .exited((status >> 8) & 0xff)
        } else {
            termination = .signaled(status & 0x7f)
        }
        return ProcessOutcome(
            termination: termination,
            stdout: reader.text(0), stderr: reader.text(1),
            timedOut: timedOut, outputLimitExceeded: flooded, wallSeconds: elapsed)
    }
}

/// Reads several pipes without blocking, keeping at most `cap` bytes of each.
private struct CappedReader {
    var fds: [Int32]
    var open: [Bool]
    var buffers: [[UInt8]]
    let cap: Int
    private(set) var overflowed = false

    init(fds: [Int32], cap: Int) {
        self.fds = fds
        self.open = fds.map { _ in true }
        self.buffers = fds.map { _ in [] }
        self.cap = cap
    }

    var isOpen: Bool { open.contains(true) }

    mutating func poll(milliseconds: Int32) {
        var pfds = fds.indices.filter { open[$0] }.map { pollfd(fd: fds[$0], events: Int16(POLLIN), revents: 0) }
        let indices = fds.indices.filter { open[$0] }
        let ready = Glibc.poll(&pfds, nfds_t(pfds.count), milliseconds)
        guard ready > 0 else { return }
        for (slot, i) in indices.enumerated() where pfds[slot].revents != 0 {
            readOnce(i)
        }
    }

    private mutating func readOnce(_ i: Int) {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { read(fds[i], $0.baseAddress, $0.count) }
        if n > 0 {
            let room = cap - buffers[i].count
            if n > room {
                buffers[i].append(contentsOf: chunk[0..<max(0, room)])
                overflowed = true
            } else {
                buffers[i].append(contentsOf: chunk[0..<n])
            }
        } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
            open[i] = false
            close(fds[i])
        }
    }

    /// After the group is dead, collect whatever is still buffered in the pipes, then close them.
    mutating func drainAndClose() {
        for i in fds.indices where open[i] {
            _ = fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK)
            while open[i] && !overflowed { readOnce(i) }
            if open[i] { open[i] = false; close(fds[i]) }
        }
    }

    func text(_ i: Int) -> String {
        String(decoding: buffers[i], as: UTF8.self)
    }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
