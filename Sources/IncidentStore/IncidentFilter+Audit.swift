import IncidentModel

extension IncidentFilter {
    /// The filter as the audit log records it: ids, codes and dates only (`home SC123456;
    /// from 2024-01-01 00:00`), or `none`.
    package func auditText(formatter: TimestampFormatter) -> String {
        var parts: [String] = []
        if !homes.isEmpty { parts.append("home " + homes.map(\.rawValue).sorted().joined(separator: ",")) }
        if !authorities.isEmpty { parts.append("authority " + authorities.map(\.rawValue).sorted().joined(separator: ",")) }
        if !forces.isEmpty { parts.append("force " + forces.map(\.rawValue).sorted().joined(separator: ",")) }
        if !provenances.isEmpty { parts.append("provenance " + provenances.map(\.rawValue).sorted().joined(separator: ",")) }
        if !risks.isEmpty { parts.append("risk " + risks.map { $0?.label ?? "none" }.sorted().joined(separator: ",")) }
        if let from { parts.append("from " + formatter.string(from)) }
        if let to { parts.append("to " + formatter.string(to)) }
        return parts.isEmpty ? "none" : parts.joined(separator: "; ")
    }
}
