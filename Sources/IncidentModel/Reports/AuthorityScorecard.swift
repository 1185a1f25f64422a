/// The local-authority scorecard (the inquiry's R2): one ``AuthorityScore`` per responsible
/// authority with incidents in the scope, one for incidents whose authority is unknown (when
/// there are any), and the total over all of them. Every count of the rows adds up to the
/// total's, except children: a child whose incidents name two authorities counts under each.
public struct AuthorityScorecard: Sendable {
    public let scope: ReportScope
    /// Authorities in code order, then "Authority unknown".
    public let rows: [AuthorityScore]
    public let total: AuthorityScore
    /// The sparkline's months.
    public let months: [MonthCode]

    /// Computes the scorecard in one pass over the scope's incidents, O(n + children), plus
    /// a sort of each authority's durations for the median.
    public init(_ data: ReportData, scope: ReportScope) {
        self.scope = scope
        months = scope.period.sparklineMonths(zone: data.zone)
        let unknown = data.authorities.count
        let groups = unknown + 1
        var scores = (0..<groups).map { g in
            g == unknown
                ? AuthorityScore(authority: nil, name: "Authority unknown")
                : AuthorityScore(authority: data.authorities[g], name: data.authorityName(Int32(g)))
        }
        var total = AuthorityScore(authority: nil, name: "All authorities")
        var durations = [[Int64]](repeating: [], count: groups)
        var allDurations: [Int64] = []
        var tallies = ChildTallies(children: data.childCount)
        var allTallies = ChildTallies(children: data.childCount)
        data.forEach(in: scope, sparkline: true) { fact, inPeriod, sparkMonth in
            let g = fact.authority >= 0 ? Int(fact.authority) : unknown
            if let m = sparkMonth {
                scores[g].monthly[m] += 1
                total.monthly[m] += 1
            }
            guard inPeriod else { return }
            scores[g].count(fact)
            total.count(fact)
            tallies.add(group: Int32(g), child: fact.child, start: fact.start)
            allTallies.add(group: 0, child: fact.child, start: fact.start)
            if fact.duration >= 0 {
                durations[g].append(fact.duration)
                allDurations.append(fact.duration)
            }
        }
        let perGroup = tallies.summary(groups: groups)
        for g in 0..<groups {
            scores[g].children = perGroup.children[g]
            scores[g].childrenWithThreeOrMore = perGroup.threeOrMore[g]
            scores[g].childrenRepeatedIn90Days = perGroup.repeated[g]
            scores[g].medianDurationHours = Self.medianHours(&durations[g])
            if let authority = scores[g].authority {
                scores[g].childrenLookedAfter = data.registers.authorities[authority]?.childrenLookedAfter
            }
        }
        let all = allTallies.summary(groups: 1)
        total.children = all.children[0]
        total.childrenWithThreeOrMore = all.threeOrMore[0]
        total.childrenRepeatedIn90Days = all.repeated[0]
        total.medianDurationHours = Self.medianHours(&allDurations)
        // The total's rate only when every authority in the register gives its denominator.
        let lookedAfter = data.registers.authorities.values.map(\.childrenLookedAfter)
        if !lookedAfter.isEmpty && !lookedAfter.contains(nil) {
            total.childrenLookedAfter = lookedAfter.reduce(0) { $0 + ($1 ?? 0) }
        }
        // No police record in the period: the share known to both is unknown, not 0.
        if total.incidents > 0 && total.knownToBoth + total.policeOnly == 0 {
            for g in scores.indices { scores[g].knownToBothUnknown = true }
            total.knownToBothUnknown = true
        }
        // Authorities with incidents, and the unknown row only when it has any.
        var rows = (0..<unknown).map { scores[$0] }.filter { $0.incidents > 0 }
        Self.flagBottomQuarter(&rows)
        if scores[unknown].incidents > 0 { rows.append(scores[unknown]) }
        self.rows = rows
        self.total = total
    }

    /// The median of durations in seconds, as hours; the mean of the middle two for an even
    /// count. By selection rather than sorting: O(n) on average. Reorders `seconds`.
    static func medianHours(_ seconds: inout [Int64]) -> Double? {
        guard !seconds.isEmpty else { return nil }
        let n = seconds.count
        let upper = Self.select(&seconds, rank: n / 2)
        guard n % 2 == 0 else { return Double(upper) / 3600 }
        // The other middle value is the largest of those placed below the upper one.
        let lower = seconds[0..<(n / 2)].max() ?? upper
        return (Double(lower) + Double(upper)) / 2 / 3600
    }

    /// The value that sorting would put at `rank`, leaving smaller or equal values before it
    /// and larger or equal ones after it (Hoare's selection, middle-of-three pivots).
    static func select(_ values: inout [Int64], rank: Int) -> Int64 {
        values.withUnsafeMutableBufferPointer { v in
            var low = 0, high = v.count - 1
            while low < high {
                let mid = low + (high - low) / 2
                // Middle of three as the pivot.
                if v[mid] < v[low] { v.swapAt(mid, low) }
                if v[high] < v[low] { v.swapAt(high, low) }
                if v[high] < v[mid] { v.swapAt(high, mid) }
                let pivot = v[mid]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while v[j] > pivot { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                // Now v[low...j] <= pivot <= v[i...high], and v[j+1..<i] == pivot.
                if rank <= j {
                    high = j
                } else if rank >= i {
                    low = i
                } else {
                    return v[rank]
                }
            }
            return v[rank]
        }
    }

    /// Flags the authorities in the bottom quarter of each rate: ranked from the lowest rate,
    /// the lowest quarter (rounded up, at least one) and any tied with the last of them.
    /// Authorities without a rate (no incidents, or no ended incident known to them whose
    /// interview was recorded) are not ranked: a flag is never raised from unknown inputs.
    static func flagBottomQuarter(_ rows: inout [AuthorityScore]) {
        func flag(_ rate: (AuthorityScore) -> Double?, _ mark: (inout AuthorityScore) -> Void) {
            let rates = rows.compactMap(rate).sorted()
            guard !rates.isEmpty else { return }
            let threshold = rates[(rates.count + 3) / 4 - 1]
            for k in rows.indices {
                if let r = rate(rows[k]), r <= threshold { mark(&rows[k]) }
            }
        }
        flag({ $0.knownToBothUnknown ? nil : $0.percentKnownToBoth }) { $0.lowShareKnownToBoth = true }
        flag(\.percentInterviewOffered) { $0.lowInterviewRate = true }
    }
}

extension AuthorityScore {
    /// Adds one incident in the period to the row's counts (children aside).
    mutating func count(_ fact: IncidentFact) {
        incidents += 1
        switch fact.provenance {
        case 0: knownToBoth += 1
        case 1: policeOnly += 1
        default: laOnly += 1
        }
        let t = fact.traits
        if t.contains(.highRisk) { highRisk += 1 }
        if t.contains(.riskGraded) { riskGraded += 1 }
        if t.contains(.cse) { cseConcern += 1 }
        if t.contains(.cseRecorded) { cseRecorded += 1 }
        if t.contains(.areaKnown) {
            areaKnown += 1
            if t.contains(.outOfArea) { outOfArea += 1 }
        }
        if t.contains(.interviewDue) {
            interviewsDue += 1
            if t.contains(.interviewRecorded) { interviewsRecorded += 1 }
            if t.contains(.interviewOffered) { interviewsOffered += 1 }
            if t.contains(.interviewInTime) { interviewsInTime += 1 }
        }
        if t.contains(.stillMissing) { stillMissing += 1 }
        if fact.duration > 24 * Instant.hour { over24Hours += 1 }
    }
}
