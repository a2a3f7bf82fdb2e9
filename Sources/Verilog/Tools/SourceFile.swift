import Foundation

/// A named text file to place in a run directory.
public struct SourceFile: Sendable, Hashable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// Writes the files into `directory`, refusing names that would leave it.
    static func write(_ files: [SourceFile], into directory: URL) throws {
        for file in files {
            guard !file.name.isEmpty, !file.name.contains("/"), file.name != "..", file.name != "." else {
                throw VerilogError.sandbox("refusing file name '\(file.name)': files stay inside the run directory")
            }
            do {
                try Data(file.text.utf8).write(to: directory.appendingPathComponent(file.name))
            } catch {
                throw VerilogError.sandbox("cannot write \(file.name): \(error.localizedDescription)")
            }
        }
    }
}
