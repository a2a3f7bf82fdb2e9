// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The Policy engine's kernels compile for the build machine's vector extensions when it has
/// AVX2, FMA and F16C (as llama.cpp's GGML_NATIVE build does): about 2x faster decoding than the
/// baseline x86-64 (SSE2) code. The binary then needs such a CPU; VERIREASON_PORTABLE=1 at build
/// time turns this off (run `swift package clean` after changing it: the manifest is cached).
let cpuFeatures: Set<String> = {
    guard ProcessInfo.processInfo.environment["VERIREASON_PORTABLE"] == nil,
        let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    return Set(line.split(separator: " ").map(String.init))
}()
let policyFlags: [String] = {
    var flags = ["-O"]  // numeric code is 10-100x slower unoptimised; keeps debug builds usable
    if ["avx2", "fma", "f16c", "bmi2"].allSatisfy(cpuFeatures.contains) { flags += ["-target-cpu", "haswell"] }
    return flags
}()
/// The integer kernels (CKernels) pick AVX-512 VNNI, AVX-VNNI, AVX2 or plain C at compile time
/// from what the build machine has, as llama.cpp's native build does.
let kernelFlags: [String] = ["-O3"] + (cpuFeatures.isEmpty ? [] : ["-march=native"])

let package = Package(
    name: "verireason",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "verireason", targets: ["verireason"]),
        .library(name: "Rewards", targets: ["Rewards"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Process start with resource limits and a fresh process group: Swift on Linux has no
        // pre-exec hook. Bound at load time (-z now): its child runs in the parent's memory and
        // must not enter the dynamic linker's lazy binding.
        .target(name: "CSandbox", linkerSettings: [.unsafeFlags(["-Xlinker", "-z", "-Xlinker", "now"])]),
        // OpenBLAS through Debian's libopenblas-dev.
        .systemLibrary(name: "CBLAS"),
        .target(name: "Support"),
        .target(name: "Verilog", dependencies: ["CSandbox"]),
        // Integer dot products for decoding (C: Swift has no portable access to VNNI instructions).
        .target(name: "CKernels", cSettings: [.unsafeFlags(kernelFlags)]),
        .target(name: "Policy", dependencies: ["CBLAS", "CKernels", "Support"], swiftSettings: [.unsafeFlags(policyFlags)]),
        .target(name: "Benchmarks", dependencies: ["Verilog", "Support"]),
        .target(name: "Rewards", dependencies: ["Verilog", "Benchmarks"]),
        .target(
            name: "Evaluation", dependencies: ["Verilog", "Benchmarks", "Rewards", "Policy"],
            swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "Datasets", dependencies: ["Verilog", "Benchmarks"]),
        // Training is numeric code too: -O for the same reason as Policy.
        .target(
            name: "Training", dependencies: ["Benchmarks", "Rewards", "Evaluation", "Policy", "CBLAS"],
            swiftSettings: [.unsafeFlags(["-O"])]),
        .target(
            name: "Server",
            dependencies: [
                "Verilog", "Benchmarks", "Rewards", "Evaluation",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "verireason",
            dependencies: [
                "Verilog", "Benchmarks", "Rewards", "Evaluation", "Policy", "Training", "Datasets", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Verilog", "Benchmarks", "Support"], path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "VerilogTests", dependencies: ["Verilog", "CSandbox", "TestSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "TestSupport"]),
        .testTarget(name: "RewardsTests", dependencies: ["Rewards", "Benchmarks", "Verilog", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Benchmarks", "Rewards", "Policy", "TestSupport"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "DatasetsTests", dependencies: ["Datasets", "Rewards", "Benchmarks", "Verilog", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Policy", "Rewards", "Benchmarks", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Rewards", "Benchmarks", "Evaluation", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
