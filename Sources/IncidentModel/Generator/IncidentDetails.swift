/// What each agency recorded about one incident, drawn from the incident's own noise so that
/// every file that mentions the incident sees the same details, whatever order it is written in.
struct IncidentDetails {
    // The local authority's episode.
    var type = EpisodeType.missing
    var laAuthorityBlank = false
    var laEnd: Int64 = -1
    var policeRefRecorded = false
    /// `nil` while open; otherwise whether a return home interview was offered.
    var interviewOffered: Bool?
    var interviewCompleted: Int64 = -1
    var laCSE = false

    // The police report.
    var lastSeen: Int64 = 0
    var reported: Int64 = 0
    var found: Int64 = -1
    var risk = RiskLevel.low
    var policeCSE = false
    /// The second force's report, when there is one.
    var secondReported: Int64 = 0
    var secondRisk = RiskLevel.low

    private static let riskLevels: [RiskLevel] = [.noApparentRisk, .veryLow, .low, .medium, .high]
    private static let riskWeights = WeightedChoice([5, 10, 35, 38, 12])
    private static let riskWeightsWithCSE = WeightedChoice([0, 2, 18, 45, 35])

    init(_ incident: GeneratedWorld.Incident, cseProne: Bool, periodEnd: Int64, refShare: Double) {
        var random = SeededRandom(seed: incident.noise)
        let cse = random.chance(cseProne ? 0.45 : 0.035)
        type = random.chance(0.2) ? .away : .missing
        laAuthorityBlank = random.chance(0.01)
        laCSE = cse ? random.chance(0.9) : random.chance(0.01)
        policeCSE = cse ? random.chance(0.8) : random.chance(0.02)
        let riskTable = cse ? Self.riskWeightsWithCSE : Self.riskWeights
        risk = Self.riskLevels[riskTable.draw(&random)]
        secondRisk = Self.riskLevels[riskTable.draw(&random)]
        policeRefRecorded = incident.provenance == .both && random.chance(refShare)

        // The police are told 0-12 hours after the home notices, sooner for a short absence.
        let roll = random.unit()
        var delay = Int64(roll < 0.6 ? random.int(10...180) : roll < 0.9 ? random.int(180...480) : random.int(480...720))
        if !incident.isOpen { delay = min(delay, max(5, (incident.end - incident.start) * 7 / 10)) }
        lastSeen = incident.start - Int64(random.chance(0.9) ? random.int(0...90) : random.int(90...360))
        reported = min(periodEnd - 1, incident.start + delay)
        secondReported = min(periodEnd - 1, reported + Int64(random.int(30...600)))

        guard !incident.isOpen else { return }
        let end = incident.end
        // Now and then one agency leaves its record open after the child is back.
        let laLeftOpen = random.chance(0.004)
        let policeLeftOpen = random.chance(0.003)
        if !laLeftOpen { laEnd = end }
        if !policeLeftOpen {
            let jitter = Int64((random.normal() * 15).rounded())
            found = min(periodEnd - 1, max(reported + 5, end + jitter))
        }
        if !laLeftOpen {
            interviewOffered = random.chance(0.85)
            if interviewOffered == true {
                let outcome = random.unit()
                let after: Int64? = outcome < 0.58 ? Int64(random.int(120...71 * 60))
                    : outcome < 0.80 ? Int64(random.int(73 * 60...14 * 1440)) : nil
                if let after, end + after < periodEnd { interviewCompleted = end + after }
            }
        }
    }
}
