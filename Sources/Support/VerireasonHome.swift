// Support: what every part of verireason needs and none owns: where its cache lives.

import Foundation

/// The cache folder that `scripts/setup.sh` fills and the commands read: `$VERIREASON_HOME`,
/// default `~/.cache/verireason`, holding `models/` and `datasets/`.
public enum VerireasonHome {
    /// The environment variable that moves the cache.
    public static let environmentVariable = "VERIREASON_HOME"

    public static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = environment[environmentVariable], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/verireason")
    }
}
