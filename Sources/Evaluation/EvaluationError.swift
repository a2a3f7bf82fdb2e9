/// Evaluation runs that cannot go on as asked, each naming what to change.
public enum EvaluationError: Error, CustomStringConvertible, Equatable {
    /// `--resume` of an output folder whose samples were drawn with other settings.
    case resumeSettingsDiffer(path: String, differences: [String])

    public var description: String {
        switch self {
        case .resumeSettingsDiffer(let path, let differences):
            "cannot resume: the samples in \(path) were drawn with other settings (\(differences.joined(separator: "; "))); "
                + "give the same settings, or a new --out, or drop --resume to start over"
        }
    }
}
