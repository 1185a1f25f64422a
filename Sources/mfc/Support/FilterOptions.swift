import ArgumentParser
import IncidentModel

/// The filters shared by the commands that list incidents.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only incidents at this home (Ofsted URN or part of the name).", valueName: "home"))
    var home: [String] = []

    @Option(help: ArgumentHelp("Only incidents of children of this responsible authority (code or name).", valueName: "authority"))
    var authority: [String] = []

    @Option(name: .customLong("police-force"), help: ArgumentHelp("Only incidents in this police force's area (code or name).", valueName: "force"))
    var policeForce: [String] = []

    @Option(help: ArgumentHelp("Only incidents starting on or after this date (dd/mm/yyyy or yyyy-mm-dd).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Only incidents starting before this date (dd/mm/yyyy or yyyy-mm-dd).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Only incidents known to: both, police (police only) or la (LA only).", valueName: "provenance"))
    var provenance: [Provenance] = []

    @Option(help: ArgumentHelp("Only incidents whose highest police risk is this (no-apparent-risk, very-low, low, medium, high, none).", valueName: "risk"))
    var risk: [String] = []

    @Flag(name: .customLong("repeats"), help: "Only incidents that are one of 3 or more of the child's within 90 days.")
    var repeatsOnly = false

    /// Checks the dates before any data are read: each is a date, and `--to` is after `--from`.
    func check(zone: LocalTimeZone = .europeLondon) throws {
        try Self.checkPeriod(from: from, to: to, zone: zone)
    }

    /// `--from` and `--to` as dates, `--to` after `--from` (the period is `[from, to)`).
    static func checkPeriod(from: String?, to: String?, zone: LocalTimeZone) throws {
        let start = try from.map { try dayStart($0, option: "--from", zone: zone) }
        let end = try to.map { try dayStart($0, option: "--to", zone: zone) }
        if let start, let end, end <= start, let from, let to {
            throw ValidationError(
                "--to \(TextSanitiser.visible(to, limit: 30)) is not after --from \(TextSanitiser.visible(from, limit: 30)): "
                    + "the period runs from --from up to the day before --to; swap them?")
        }
    }

    /// The filter these options describe, with names resolved against the registers.
    func filter(registers: Registers, zone: LocalTimeZone) throws -> IncidentFilter {
        var filter = IncidentFilter()
        do {
            for text in home { filter.homes.insert(try registers.home(matching: text)) }
            for text in authority { filter.authorities.insert(try registers.authority(matching: text)) }
            for text in policeForce { filter.forces.insert(try registers.force(matching: text)) }
        } catch {
            throw ValidationError(error.description)
        }
        filter.from = try from.map { try Self.dayStart($0, option: "--from", zone: zone) }
        filter.to = try to.map { try Self.dayStart($0, option: "--to", zone: zone) }
        filter.provenances = Set(provenance)
        filter.repeatsOnly = repeatsOnly
        for text in risk {
            if text.lowercased() == "none" {
                filter.risks.insert(nil)
            } else if let level = RiskLevel(code: text) {
                filter.risks.insert(level)
            } else {
                throw ValidationError("--risk \"\(TextSanitiser.visible(text, limit: 30))\" is not a risk grade; expected \(RiskLevel.expected) or none")
            }
        }
        return filter
    }

    static func dayStart(_ text: String, option: String, zone: LocalTimeZone) throws -> Instant {
        switch DateTimeParser.parse(text) {
        case let .success(parsed): return parsed.timestamp(in: zone).earliest
        case .failure: throw ValidationError("\(option) \"\(TextSanitiser.visible(text, limit: 30))\" is not a date; expected \(DateTimeParser.expected)")
        }
    }
}

extension Provenance: ExpressibleByArgument {}
