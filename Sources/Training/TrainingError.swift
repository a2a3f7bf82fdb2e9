/// Problems with training inputs and outputs, each naming what to fix.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// A data file that does not exist or cannot be read.
    case unreadableData(path: String, reason: String)
    /// A data row that is not valid JSON or lacks the fields of either row format.
    case malformedRow(path: String, line: Int, reason: String)
    /// A data file with no usable rows.
    case noExamples(path: String, reason: String)
    /// A checkpoint that could not be written.
    case checkpointWrite(path: String, reason: String)
    /// A checkpoint file that is not what it claims to be (a truncated or corrupt safetensors file).
    case corruptCheckpoint(path: String, detail: String)
    /// Settings that cannot work together.
    case invalidSettings(String)

    public var description: String {
        switch self {
        case .unreadableData(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedRow(let path, let line, let reason): "\(path):\(line): \(reason)"
        case .noExamples(let path, let reason): "no training examples in \(path): \(reason)"
        case .checkpointWrite(let path, let reason): "cannot write checkpoint \(path): \(reason)"
        case .corruptCheckpoint(let path, let detail): "\(path): not a valid checkpoint file: \(detail)"
        case .invalidSettings(let detail): "invalid training settings: \(detail)"
        }
    }
}
