import ArgumentParser
import Benchmarks
import Foundation
import Policy
import Rewards
import Verilog

/// Limits for each sandboxed tool run.
struct SandboxOptions: ParsableArguments {
    @Option(help: "Wall-clock seconds allowed for each compile and each simulation (upstream uses 30).")
    var timeout: Double = 30

    @Option(help: "Parallel simulations (default: cores + 1).")
    var workers: Int?

    var limits: SandboxLimits {
        var l = SandboxLimits.simulation
        l.wallSeconds = timeout
        l.cpuSeconds = max(1, Int(timeout.rounded(.up)))
        return l
    }

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most 86400 (a day)")
        }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }
}

/// Which checker and reward weights to use.
struct RewardOptions: ParsableArguments {
    @Option(
        help:
            "Functional checker: testbench, equivalence (differential simulation against the reference), or auto (testbench when the problem has one)."
    )
    var checker: CheckerKind = .auto

    @Option(help: "Reward for the <think>/<answer> format.")
    var formatWeight: Double = 0.1

    @Option(help: "Reward for a functional pass (VeriReason's paper: 2.0; its released code: 2.1).")
    var functionalWeight: Double = 2.0

    @Option(help: "Reward for a design that compiles but fails.")
    var compilesWeight: Double = 0.1

    @Option(help: "Weight of the structural similarity (0..1) of a design that compiles but fails.")
    var structuralWeight: Double = 1.0

    @Flag(help: "Grant functional weight x pass fraction instead of all-or-nothing.")
    var partialCredit = false

    func weights() throws -> RewardWeights {
        let w = RewardWeights(
            format: formatWeight, functional: functionalWeight, compiles: compilesWeight,
            structural: structuralWeight, partialCredit: partialCredit)
        do { try w.validate() } catch { throw ValidationError(String(describing: error)) }
        return w
    }
}

extension CheckerKind: ExpressibleByArgument {}
extension PromptFormat: ExpressibleByArgument {}

/// Where VerilogEval is read from (`VerilogEvalLocation`: this flag, else
/// `$VERIREASON_VERILOG_EVAL`, else the cache that scripts/setup.sh fills).
struct VerilogEvalOptions: ParsableArguments {
    @Option(
        help:
            "VerilogEval in the upstream layout (v1/ and v2/, or an upstream clone); default: $VERIREASON_VERILOG_EVAL, else $VERIREASON_HOME/datasets/verilog-eval."
    )
    var datasetDir: String?

    func resolve() throws -> URL { try VerilogEvalLocation.resolve(datasetDir: datasetDir) }
}

/// Where completions come from when not from a local GGUF: an OpenAI-compatible server.
struct RemoteOptions: ParsableArguments {
    @Option(help: "Base URL of an OpenAI-compatible server (vLLM, llama.cpp server, Ollama), e.g. http://localhost:8000/v1.")
    var endpoint: String?

    @Option(help: "The model name the server knows (required with --endpoint).")
    var modelName: String?

    @Option(help: "Seconds before a request to --endpoint is abandoned and retried.")
    var requestTimeout: Double = 600

    @Option(help: "Further attempts after a failed request (transport errors, timeouts, 408, 429, 5xx).")
    var retries: Int = 3

    @Option(help: "Environment variable holding the API key sent as a bearer token.")
    var apiKeyEnv: String = "OPENAI_API_KEY"

    func validate(localModel: String) throws {
        guard let endpoint else {
            if modelName != nil { throw ValidationError("--model-name goes with --endpoint") }
            return
        }
        guard let url = URL(string: endpoint), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil
        else {
            throw ValidationError("--endpoint must be an http(s) URL, got '\(endpoint)'")
        }
        guard modelName != nil else { throw ValidationError("--endpoint needs --model-name") }
        guard localModel == "default" else { throw ValidationError("give either --model or --endpoint, not both") }
        guard requestTimeout > 0 else { throw ValidationError("--request-timeout must be positive") }
        guard retries >= 0 else { throw ValidationError("--retries must not be negative") }
    }

    /// The remote policy if --endpoint is given, else the local model.
    func source(localModel: String) throws -> any CompletionSource {
        if let endpoint, let url = URL(string: endpoint), let modelName {
            var remote = RemotePolicy(
                endpoint: url, modelName: modelName, apiKey: ProcessInfo.processInfo.environment[apiKeyEnv])
            remote.timeout = requestTimeout
            remote.retries = retries
            return remote
        }
        return LocalPolicy(model: try LanguageModel(path: try ModelStore.resolve(localModel).path))
    }

    /// The prompt format a local GGUF records it was trained with (`verireason.prompt_format`);
    /// nil for a remote model or a model trained elsewhere.
    func recordedPromptFormat(localModel: String) throws -> PromptFormat? {
        guard endpoint == nil else { return nil }
        let gguf = try GGUFFile(path: try ModelStore.resolve(localModel).path)
        return gguf.metadata[PromptFormat.ggufMetadataKey]?.string.flatMap(PromptFormat.init(rawValue:))
    }
}

/// The sampling options `sample` and `eval` share, checked before any model loads (a NaN
/// temperature would otherwise fail only when the results are written).
enum SamplingOptionCheck {
    static func validate(temperature: Float?, topP: Float?, topK: Int, repetitionPenalty: Float? = nil) throws {
        if let temperature, !(temperature.isFinite && temperature >= 0) {
            throw ValidationError("--temperature must be a finite number, 0 or more")
        }
        if let topP, !(topP > 0 && topP <= 1) { throw ValidationError("--top-p must be in (0, 1]") }
        guard topK >= 0 else { throw ValidationError("--top-k must be 0 (keep all) or more") }
        if let repetitionPenalty, !(repetitionPenalty.isFinite && repetitionPenalty > 0) {
            throw ValidationError("--repetition-penalty must be a finite number above 0 (1 is off)")
        }
    }
}

/// Checks an output path before any work starts, so a bad `--out` is a clear message naming the
/// option rather than a Foundation error after minutes of sampling.
enum OutputPath {
    /// A folder that exists and is writable, or can be created (its nearest existing ancestor is
    /// a writable folder).
    static func checkFolder(_ path: String, option: String = "--out") throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ValidationError("\(option) \(path) is a file; give a folder") }
            guard access(path, W_OK) == 0 else { throw ValidationError("\(option) \(path): the folder is not writable") }
            return
        }
        try checkCreatable(path, option: option)
    }

    /// A file path whose folder exists and is writable, or can be created; not a folder itself.
    static func checkFile(_ path: String, option: String = "--out") throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("\(option) \(path) is a folder; give a file name")
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            guard isDirectory.boolValue, access(parent, W_OK) == 0 else {
                throw ValidationError("\(option) \(path): cannot write into \(parent)")
            }
            return
        }
        try checkCreatable(parent, option: option)
    }

    private static func checkCreatable(_ path: String, option: String) throws {
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL
        var isDirectory: ObjCBool = false
        while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor.deleteLastPathComponent()
        }
        guard isDirectory.boolValue, access(ancestor.path, W_OK) == 0 else {
            throw ValidationError(
                "\(option) \(path): cannot create it (\(ancestor.path) is \(isDirectory.boolValue ? "not writable" : "a file"))")
        }
    }
}
