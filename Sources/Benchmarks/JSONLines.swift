import Foundation

/// Reads a JSON Lines file into objects, with errors that name the file and line.
public enum JSONLines {
    /// Each non-blank line as a JSON object, with its 1-based line number.
    public static func objects(at url: URL) throws -> [(line: Int, object: [String: Any])] {
        let text = try readText(url)
        var rows: [(Int, [String: Any])] = []
        // Split on the scalar: a Character "\n" would not match the "\r\n" of CRLF files, which
        // Swift reads as one Character.
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
            } catch {
                throw BenchmarksError.malformed(
                    path: url.path, line: index + 1, field: nil,
                    detail: "not valid JSON (\(shortJSONError(error)))")
            }
            guard let object = parsed as? [String: Any] else {
                throw BenchmarksError.malformed(path: url.path, line: index + 1, field: nil, detail: "expected a JSON object")
            }
            rows.append((index + 1, object))
        }
        return rows
    }

    /// The whole file as UTF-8 text.
    public static func readText(_ url: URL) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw BenchmarksError.missingFile(path: url.path)
        }
        guard !isDirectory.boolValue else { throw BenchmarksError.unreadable(path: url.path, detail: "is a directory") }
        // A pipe (`<(...)` in a shell) is read to its end; a device such as /dev/null or
        // /dev/zero is no file of rows (and /dev/zero never ends).
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw BenchmarksError.unreadable(path: url.path, detail: String(cString: strerror(errno)))
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO else {
            throw BenchmarksError.unreadable(path: url.path, detail: "not a regular file or a pipe")
        }
        let read =
            kind == S_IFIFO
            ? try? FileHandle(forReadingFrom: url).readToEnd() ?? Data() : FileManager.default.contents(atPath: url.path)
        guard let data = read else {
            throw BenchmarksError.unreadable(path: url.path, detail: "permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw BenchmarksError.unreadable(path: url.path, detail: "not UTF-8 text")
        }
        return text
    }

    /// A required string field.
    public static func string(_ object: [String: Any], _ field: String, path: String, line: Int) throws -> String {
        guard let value = object[field] else {
            throw BenchmarksError.malformed(path: path, line: line, field: field, detail: "missing")
        }
        guard let s = value as? String else {
            throw BenchmarksError.malformed(path: path, line: line, field: field, detail: "expected a string")
        }
        return s
    }

    /// An optional string field (absent or null is nil; another type is an error).
    public static func optionalString(_ object: [String: Any], _ field: String, path: String, line: Int) throws -> String? {
        guard let value = object[field], !(value is NSNull) else { return nil }
        guard let s = value as? String else {
            throw BenchmarksError.malformed(path: path, line: line, field: field, detail: "expected a string")
        }
        return s
    }

    private static func shortJSONError(_ error: Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}
