import Foundation

/// Decides every child's incidents: how many (a skewed distribution, so that a minority go
/// missing many times), when (evenings more than mornings), for how long, and which agencies
/// came to know of each.
enum IncidentSimulator {
    /// Relative chance of an absence starting in each hour of the day.
    private static let hourWeights: [Double] = [
        3, 2, 1.5, 1, 0.8, 0.6, 0.6, 0.8, 1.2, 1.5, 1.8, 2, 2.2, 2.5, 3, 4, 5.5, 6.5, 7, 7, 6.5, 6, 5, 4,
    ]
    /// The spread of the per-child rate (log-normal sigma): larger means more skew.
    private static let rateSigma = 1.0
    private static let maximumPerChild = 250
    /// Minutes between one absence's end and the next one's start, at least.
    private static let gap: Int64 = 60

    static func simulate(_ world: inout GeneratedWorld, configuration: GeneratorConfiguration, random: inout SeededRandom) {
        let hours = WeightedChoice(hourWeights)
        let days = Int((world.periodEnd - world.periodStart) / LocalMinute.perDay)
        // Each child gets 1 + Poisson(rate) incidents, the rate log-normal with mean (target - 1).
        let mu = log(max(0.1, configuration.meanIncidentsPerChild - 1)) - rateSigma * rateSigma / 2
        let provenance = WeightedChoice([
            configuration.bothShare, configuration.policeOnlyShare,
            max(0, 1 - configuration.bothShare - configuration.policeOnlyShare),
        ])
        world.incidents.reserveCapacity(Int(Double(configuration.children) * configuration.meanIncidentsPerChild * 1.05))
        var times: [(start: Int64, length: Int64)] = []
        for c in world.children.indices {
            let child = world.children[c]
            let factor = world.homes[Int(child.home)].missingFactor
            let count = min(maximumPerChild, 1 + random.poisson(random.logNormal(mu: mu, sigma: rateSigma) * factor))
            times.removeAll(keepingCapacity: true)
            for _ in 0..<count {
                let day = Int64(random.below(days))
                let minute = Int64(hours.draw(&random) * 60 + random.below(60))
                times.append((world.periodStart + day * LocalMinute.perDay + minute, length(&random)))
            }
            // Siblings placed together often go missing together.
            if c > 0, child.familyName == world.children[c - 1].familyName, child.home == world.children[c - 1].home {
                let sibling = world.children[c - 1]
                for i in sibling.incidentStart..<sibling.incidentEnd where random.chance(0.4) {
                    let shared = world.incidents[i]
                    let end = shared.isOpen ? world.periodEnd + 60 : shared.end
                    times.append((shared.start + Int64(random.below(30)), max(20, end - shared.start + Int64(random.int(-20...20)))))
                }
            }
            times.sort { $0.start < $1.start }
            world.children[c].incidentStart = world.incidents.count
            var lastEnd = Int64.min
            for (i, time) in times.enumerated() where time.start >= lastEnd &+ gap {
                var end = time.start + time.length
                if i + 1 < times.count, end > times[i + 1].start - gap {
                    end = max(time.start + 15, times[i + 1].start - gap)
                }
                lastEnd = end
                let open = end >= world.periodEnd
                world.incidents.append(.init(
                    child: Int32(c), home: child.home(at: time.start), start: time.start, end: open ? -1 : end,
                    provenance: GeneratedWorld.Incident.Provenance(rawValue: UInt8(provenance.draw(&random))) ?? .both,
                    noise: random.next(), secondReport: random.chance(0.015)))
            }
            world.children[c].incidentEnd = world.incidents.count
        }
    }

    /// How long an absence lasts, in minutes: half are over in about five hours, one in nine
    /// lasts more than a day, and one in a hundred lasts days or weeks.
    private static func length(_ random: inout SeededRandom) -> Int64 {
        if random.chance(0.01) { return Int64(random.int(3 * 1440...40 * 1440)) }
        return Int64(min(30 * 1440, max(20, random.logNormal(mu: 5.7, sigma: 1.3))))
    }
}
