// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "verireason",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "verireason", targets: ["verireason"]),
        .library(name: "Rewards", targets: ["Rewards"]),
        .library(name: "Evaluation", targets: ["Evaluation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // fork/exec with resource limits and a fresh process group: Swift on Linux has no pre-exec hook.
        .target(name: "CSandbox"),
        // OpenBLAS through Debian's libopenblas-dev.
        .systemLibrary(name: "CBLAS"),
        .target(name: "Verilog", dependencies: ["CSandbox"]),
        // Numeric code is 10-100x slower unoptimised; keep debug builds (and so `swift test`) usable.
        .target(name: "Policy", dependencies: ["CBLAS"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "Benchmarks", dependencies: ["Verilog"]),
        .target(name: "Rewards", dependencies: ["Verilog", "Benchmarks"]),
        .target(name: "Evaluation", dependencies: ["Verilog", "Benchmarks", "Rewards"]),
        .executableTarget(
            name: "verireason",
            dependencies: [
                "Verilog", "Benchmarks", "Rewards", "Evaluation", "Policy",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Verilog", "Benchmarks"], path: "Tests/TestSupport"),
        .testTarget(name: "VerilogTests", dependencies: ["Verilog", "TestSupport"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "TestSupport"]),
        .testTarget(name: "RewardsTests", dependencies: ["Rewards", "Benchmarks", "Verilog", "TestSupport"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Benchmarks", "Rewards", "TestSupport"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
