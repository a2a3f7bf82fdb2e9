import CSandbox
import Foundation
import TestSupport
import Testing

@testable import Verilog

@Suite("Sandbox")
struct SandboxTests {
    @Test("a non-zero exit is a result, with output captured")
    func exitStatus() throws {
        let sandbox = Sandbox()
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], in: dir)
        }
        #expect(outcome.termination == .exited(3))
        #expect(outcome.stdout == "out\n")
        #expect(outcome.stderr == "err\n")
        #expect(!outcome.timedOut)
    }

    @Test("a timeout kills the whole process group, children included")
    func timeoutKillsGroup() throws {
        let root = try Fixtures.temporaryDirectory()
        let sandbox = Sandbox(scratchRoot: root)
        let start = Date()
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run(
                "/bin/sh", ["-c", "sleep 300 & sleep 300 & wait"], in: dir,
                limits: SandboxLimits(wallSeconds: 0.5))
        }
        #expect(outcome.timedOut)
        #expect(Date().timeIntervalSince(start) < 5)
        Thread.sleep(forTimeInterval: 0.1)
        #expect(Fixtures.processes(workingUnder: root).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty, "run directory removed")
    }

    @Test("children that outlive their parent are killed when the run ends")
    func orphansKilled() throws {
        let root = try Fixtures.temporaryDirectory()
        let sandbox = Sandbox(scratchRoot: root)
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run(
                "/bin/sh", ["-c", "(sleep 300 >/dev/null 2>&1 &) ; exit 0"], in: dir,
                limits: SandboxLimits(wallSeconds: 5))
        }
        #expect(outcome.termination == .exited(0))
        Thread.sleep(forTimeInterval: 0.1)
        #expect(Fixtures.processes(workingUnder: root).isEmpty)
    }

    @Test("output beyond the cap kills the run and keeps only the cap")
    func outputCap() throws {
        let sandbox = Sandbox()
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run("/bin/sh", ["-c", "yes flood"], in: dir, limits: SandboxLimits(wallSeconds: 10, outputBytes: 4096))
        }
        #expect(outcome.outputLimitExceeded)
        #expect(outcome.stdout.utf8.count == 4096)
        #expect(outcome.wallSeconds < 5)
    }

    @Test("file size and CPU limits are enforced in the child")
    func rlimits() throws {
        let sandbox = Sandbox()
        let big = try sandbox.withRunDirectory { dir in
            try sandbox.run(
                "/bin/sh", ["-c", "head -c 1000000 /dev/zero > f"], in: dir,
                limits: SandboxLimits(fileSizeBytes: 1000))
        }
        #expect(!big.succeeded)
        let spin = try sandbox.withRunDirectory { dir in
            try sandbox.run(
                "/bin/sh", ["-c", "while :; do :; done"], in: dir, limits: SandboxLimits(wallSeconds: 20, cpuSeconds: 1))
        }
        #expect(spin.exceededCPU || spin.termination == .signaled(9))
        #expect(spin.wallSeconds < 10)
    }

    @Test("started as root, tools run as nobody and cannot write outside their run directory")
    func dropsRoot() throws {
        let outside = try Fixtures.temporaryDirectory()  // root-owned, mode 0755 when we are root
        let sandbox = Sandbox()
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run(
                "/bin/sh", ["-c", "id -u; touch inside && echo inside-ok; touch \(outside.path)/x && echo outside-ok"], in: dir)
        }
        if geteuid() == 0 {
            #expect(outcome.stdout.hasPrefix("\(sandbox.user!.uid)\n"))
            #expect(sandbox.user!.uid != 0)
            #expect(outcome.stdout.contains("inside-ok"))
            #expect(!outcome.stdout.contains("outside-ok"))
            #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("x").path))
            // The child switched user in memory it shared with this process until exec.
            #expect(csandbox_dumpable() == 1, "this process stays dumpable")
        } else {
            #expect(sandbox.user == nil)
            #expect(outcome.stdout.hasPrefix("\(geteuid())\n"))
        }
    }

    @Test("refuses file names that would leave the run directory")
    func refusesPathEscape() throws {
        let sandbox = Sandbox()
        #expect(throws: VerilogError.self) {
            try sandbox.withRunDirectory { dir in
                try SourceFile.write([SourceFile(name: "../escape.v", text: "x")], into: dir)
            }
        }
    }

    @Test("the child starts clean: only stdin/stdout/stderr open, no signal blocked or ignored (SIGPIPE included)")
    func cleanChildState() throws {
        // A descriptor the parent holds open (not close-on-exec) must not reach the tool.
        // (Above 3, which ls uses for the folder it lists.)
        let opened = open("/dev/null", O_RDONLY)
        let held = fcntl(opened, F_DUPFD, 100)
        close(opened)
        defer { close(held) }
        // Servers ignore SIGPIPE (so does this test process from here on, which is harmless);
        // the tool must still get the default.
        signal(SIGPIPE, SIG_IGN)
        let sandbox = Sandbox()
        // The tools themselves report (a shell would reset its signal state on start).
        let (descriptors, status) = try sandbox.withRunDirectory { dir in
            (
                try sandbox.run("/bin/ls", ["/proc/self/fd"], in: dir),
                try sandbox.run("/bin/grep", ["-E", "^Sig(Blk|Ign):", "/proc/self/status"], in: dir)
            )
        }
        #expect(descriptors.termination == .exited(0))
        // ls has the directory it lists open as 3.
        #expect(descriptors.stdout.split(separator: "\n") == ["0", "1", "2", "3"])
        #expect(held >= 100)
        let fields = Dictionary(
            uniqueKeysWithValues: status.stdout.split(separator: "\n").compactMap { line -> (String, UInt64)? in
                let parts = line.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, let mask = UInt64(parts[1], radix: 16) else { return nil }
                return (parts[0], mask)
            })
        #expect(fields["SigBlk"] == 0)
        #expect(fields["SigIgn"] == 0)
    }

    @Test("a missing executable is an error, not a result")
    func missingExecutable() throws {
        let sandbox = Sandbox()
        let outcome = try sandbox.withRunDirectory { dir in
            try sandbox.run("/nonexistent/tool", [], in: dir)
        }
        #expect(outcome.termination == .exited(127))
    }
}
