import Foundation
import Benchmarks
import Rewards
import Verilog
let tc = Toolchain()
let checker = EquivalenceChecker(toolchain: tc)
let suite = SuiteName(rawValue: CommandLine.arguments[1])!
let probs = try VerilogEval.load(suite, datasetDir: URL(fileURLWithPath: "/work/shared/datasets/verilog-eval"))
var pass = 0
let t0 = Date()
for p in probs.prefix(Int(CommandLine.arguments[2]) ?? 1000) {
  let code = ModuleNames.renaming(p.reference!, [p.referenceTop: p.top])
  do {
  let v = try checker.check(CandidateSource(code: code, format: .bare), problem: p)
  if v.passed { pass += 1 } else { print(p.id, v.verdictClass, v.detail) }
  } catch { print(p.id, "ERROR", error) }
}
print(pass, probs.count, Date().timeIntervalSince(t0))
