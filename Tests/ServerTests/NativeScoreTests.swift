import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import TestSupport
import Testing

@Suite("POST /v1/score (full reward breakdowns)")
struct NativeScoreTests {
    @Test("the four kinds of completion come back with their ScoreRecord fields and classes")
    func fourKinds() async throws {
        let c = try ServerFixtures.counterCompletions()
        let items = [c.correct, c.wrong, c.broken, c.forging].map { ["problem_id": "counter4", "completion": $0] }
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/v1/score", method: .post, body: try ServerFixtures.body(["items": items])) {
                response in
                #expect(response.status == .ok)
                let results = try #require(try ServerFixtures.object(response)["results"] as? [[String: Any]])
                #expect(results.count == 4)
                let classes = results.map { $0["result"] as? String ?? "?" }
                #expect(classes[0] == "pass" && classes[1] == "mismatch" && classes[3] == "forbidden", "\(classes)")
                #expect(["syntax_error", "compile_error"].contains(classes[2]), "\(classes)")
                #expect(results[0]["reward"] as? Double == 2.1)
                #expect(results[3]["reward"] as? Double == 0)
                for key in [
                    "id", "passed", "format", "compiles", "functional", "structural", "pass_fraction", "checker", "failure_code",
                ] {
                    #expect(results[1][key] != nil, "missing \(key)")
                }
            }
        }
    }

    @Test("an inline problem is judged like a loaded one")
    func inlineProblem() async throws {
        let c = try ServerFixtures.counterCompletions()
        let problem = try Fixtures.exampleProblem("counter4")
        let inline: [String: Any] = [
            "id": "inline-counter", "prompt": problem.prompt, "testbench": problem.testbench ?? "",
            "reference": problem.reference ?? "", "reference_top": problem.referenceTop,
        ]
        let body = try ServerFixtures.body(["items": [["problem": inline, "completion": c.correct]]])
        // A testbench that writes a host file is refused before anything runs.
        var hostile = inline
        hostile["testbench"] = (problem.testbench ?? "").replacingOccurrences(
            of: "initial begin", with: "initial begin $fclose($fopen(\"/tmp/verireason-pwned\", \"w\"));")
        #expect(hostile["testbench"] as? String != problem.testbench)
        let refused = try ServerFixtures.body(["items": [["problem": hostile, "completion": c.correct]]])
        // The same through token pasting, which the lexer never sees as `$fopen`.
        var pasted = inline
        pasted["testbench"] = "`define S(x) $``x\n" + (problem.testbench ?? "")
        let refusedPaste = try ServerFixtures.body(["items": [["problem": pasted, "completion": c.correct]]])
        try await ServerFixtures.withServer(try ServerFixtures.service()) { client in
            try await client.execute(uri: "/v1/score", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let results = try #require(try ServerFixtures.object(response)["results"] as? [[String: Any]])
                #expect(results.first?["id"] as? String == "inline-counter")
                #expect(results.first?["passed"] as? Bool == true)
            }
            try await client.execute(uri: "/v1/score", method: .post, body: refused) { response in
                #expect(response.status == .badRequest)
                let text = String(buffer: response.body)
                #expect(text.contains("field 'testbench'") && text.contains("$fclose"), "\(text)")
            }
            try await client.execute(uri: "/v1/score", method: .post, body: refusedPaste) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("token pasting"))
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/verireason-pwned"))
        }
    }
}
