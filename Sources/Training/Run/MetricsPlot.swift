import Foundation

/// Training curves as a self-contained SVG (no plotting library): one panel per metric, each
/// with its own vertical scale, steps along the bottom.
public enum MetricsPlot {
    public static func svg(_ rows: [GRPOMetrics], panels: [(name: String, metric: String)]) -> String {
        let width = 640.0
        let panelHeight = 150.0
        let margin = (left: 56.0, right: 16.0, top: 26.0, bottom: 24.0)
        let height = Double(panels.count) * (panelHeight + margin.top + margin.bottom)
        var svg =
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(width))" height="\#(Int(height))" font-family="sans-serif" font-size="11">"#
            + "\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let steps = rows.map { Double($0.step) }
        let x0 = steps.min() ?? 0
        let x1 = max(x0 + 1, steps.max() ?? 1)
        for (i, panel) in panels.enumerated() {
            let top = Double(i) * (panelHeight + margin.top + margin.bottom) + margin.top
            let points = rows.compactMap { row in row[panel.metric].map { (Double(row.step), $0) } }.filter { $0.1.isFinite }
            var lo = points.map(\.1).min() ?? 0
            var hi = points.map(\.1).max() ?? 1
            if hi - lo < 1e-9 {
                lo -= 0.5
                hi += 0.5
            }
            let plotWidth = width - margin.left - margin.right
            func x(_ v: Double) -> Double { margin.left + (v - x0) / (x1 - x0) * plotWidth }
            func y(_ v: Double) -> Double { top + panelHeight - (v - lo) / (hi - lo) * panelHeight }
            svg +=
                "<text x=\"\(margin.left)\" y=\"\(top - 8)\" font-weight=\"bold\">\(escape(panel.name)) (\(escape(panel.metric)))</text>\n"
            svg +=
                "<rect x=\"\(margin.left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(panelHeight)\" fill=\"none\" stroke=\"#999\"/>\n"
            svg += "<text x=\"\(margin.left - 4)\" y=\"\(top + 10)\" text-anchor=\"end\">\(format(hi))</text>\n"
            svg += "<text x=\"\(margin.left - 4)\" y=\"\(top + panelHeight)\" text-anchor=\"end\">\(format(lo))</text>\n"
            svg += "<text x=\"\(margin.left)\" y=\"\(top + panelHeight + 14)\">step \(Int(x0))</text>\n"
            svg +=
                "<text x=\"\(width - margin.right)\" y=\"\(top + panelHeight + 14)\" text-anchor=\"end\">step \(Int(x1))</text>\n"
            if !points.isEmpty {
                let path = points.map { "\(format(x($0.0), 1)),\(format(y($0.1), 1))" }.joined(separator: " ")
                svg += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"\(path)\"/>\n"
                for p in points {
                    svg += "<circle cx=\"\(format(x(p.0), 1))\" cy=\"\(format(y(p.1), 1))\" r=\"2\" fill=\"#1f77b4\"/>\n"
                }
            }
        }
        return svg + "</svg>\n"
    }

    static func format(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
