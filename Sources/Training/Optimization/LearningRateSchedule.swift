import Foundation

/// The learning rate over a run: linear warm-up from 0 to the peak over `warmupSteps`, then
/// constant, linear decay to 0, or cosine decay to 0 at `totalSteps` (as transformers'
/// `get_*_schedule_with_warmup`).
public struct LearningRateSchedule: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case constant, linear, cosine
    }

    public var kind: Kind
    public var peak: Float
    public var warmupSteps: Int
    public var totalSteps: Int

    public init(kind: Kind = .constant, peak: Float, warmupSteps: Int = 0, totalSteps: Int) {
        self.kind = kind
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.totalSteps = totalSteps
    }

    /// The rate for update `step` (0-based).
    public func rate(at step: Int) -> Float {
        if step < warmupSteps { return peak * Float(step + 1) / Float(warmupSteps + 1) }
        let span = max(1, totalSteps - warmupSteps)
        let progress = min(1, Float(step - warmupSteps) / Float(span))
        switch kind {
        case .constant: return peak
        case .linear: return peak * (1 - progress)
        case .cosine: return peak * 0.5 * (1 + cosf(.pi * progress))
        }
    }
}
