import Foundation
import TestSupport
import Testing

/// `verireason serve` as a user starts it, and the Python integration clients against it.
@Suite("Command line: serve")
struct ServeCLITests {
    static let python3: URL? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repoRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("serve without problems is refused with a reason")
    func needsProblems() throws {
        let out = try run(Fixtures.cliExecutable, ["serve", "--port", "0"])
        #expect(out.status != 0)
        #expect(out.output.contains("--problems"))
    }

    @Test(
        "the verl and TRL clients score through a live 'serve --port 0'",
        .enabled(if: python3 != nil, "python3 is not installed"))
    func pythonClients() throws {
        let script = Fixtures.repoRoot.appendingPathComponent("scripts/integrations/test_clients.py")
        let out = try run(try #require(Self.python3), [script.path, Fixtures.cliExecutable.path])
        #expect(out.status == 0, "\(out.output)")
        #expect(out.output.contains(" 0 failed"), "\(out.output)")
    }
}
