import Foundation

/// What `datasets filter` measured and decided, per problem and per family.
public struct FilterReport: Sendable, Codable {
    public struct Row: Sendable, Codable {
        public var group: GroupRewards
        public var mean: Double
        public var std: Double
        /// Why the problem was dropped; nil when kept.
        public var dropped: DifficultyFilter.Rejection?
    }

    public struct FamilySummary: Sendable, Codable, Equatable {
        public var problems: Int
        public var kept: Int
        /// Problems with at least one correct completion out of G.
        public var solved: Int
        public var solvedShare: Double
        /// Share of all completions that passed.
        public var passRate: Double
        public var meanReward: Double

        enum CodingKeys: String, CodingKey {
            case problems, kept, solved
            case solvedShare = "solved_share"
            case passRate = "pass_rate"
            case meanReward = "mean_reward"
        }
    }

    public var model: String
    public var groupSize: Int
    public var filter: DifficultyFilter
    public var problems: Int
    public var kept: Int
    public var droppedBy: [String: Int]
    public var families: [String: FamilySummary]
    public var rows: [Row]

    public init(model: String, groupSize: Int, filter: DifficultyFilter, groups: [GroupRewards]) {
        self.model = model
        self.groupSize = groupSize
        self.filter = filter
        rows = groups.map { Row(group: $0, mean: $0.mean, std: $0.standardDeviation, dropped: filter.rejection($0)) }
        problems = rows.count
        kept = rows.filter { $0.dropped == nil }.count
        var droppedBy: [String: Int] = [:]
        for row in rows { if let reason = row.dropped { droppedBy[reason.rawValue, default: 0] += 1 } }
        self.droppedBy = droppedBy
        var families: [String: FamilySummary] = [:]
        for (family, members) in Dictionary(grouping: rows, by: { $0.group.family ?? "(none)" }) {
            let samples = members.reduce(0) { $0 + $1.group.rewards.count }
            let solved = members.filter { $0.group.passed > 0 }.count
            families[family] = FamilySummary(
                problems: members.count, kept: members.filter { $0.dropped == nil }.count, solved: solved,
                solvedShare: Double(solved) / Double(members.count),
                passRate: samples == 0 ? 0 : Double(members.reduce(0) { $0 + $1.group.passed }) / Double(samples),
                meanReward: members.reduce(0) { $0 + $1.mean } / Double(members.count))
        }
        self.families = families
    }

    /// Ids of the kept problems, in input order.
    public var keptIDs: [String] { rows.filter { $0.dropped == nil }.map(\.group.id) }

    /// A Markdown table of the families, hardest first, with a total row.
    public func familyTable() -> String {
        var lines = [
            "| family | problems | solved (>= 1 of \(groupSize)) | solved share | pass rate | mean reward | kept |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        let ordered = families.sorted { ($0.value.solvedShare, $0.key) < ($1.value.solvedShare, $1.key) }
        for (name, f) in ordered {
            lines.append(
                String(
                    format: "| %@ | %d | %d | %.0f%% | %.1f%% | %.2f | %d |", name, f.problems, f.solved, 100 * f.solvedShare,
                    100 * f.passRate, f.meanReward, f.kept))
        }
        let solved = rows.filter { $0.group.passed > 0 }.count
        let samples = rows.reduce(0) { $0 + $1.group.rewards.count }
        let passes = rows.reduce(0) { $0 + $1.group.passed }
        lines.append(
            String(
                format: "| **all** | %d | %d | %.0f%% | %.1f%% | %.2f | %d |", problems, solved,
                problems == 0 ? 0 : 100 * Double(solved) / Double(problems),
                samples == 0 ? 0 : 100 * Double(passes) / Double(samples),
                problems == 0 ? 0 : rows.reduce(0) { $0 + $1.mean } / Double(problems), kept))
        return lines.joined(separator: "\n") + "\n"
    }

    enum CodingKeys: String, CodingKey {
        case model, filter, problems, kept, families, rows
        case groupSize = "n"
        case droppedBy = "dropped_by"
    }
}
