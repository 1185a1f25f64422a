import IncidentModel

/// The compact binary form of combined incidents that the workspace keeps as its linked
/// snapshot: a run of incidents, each a flags byte, six small codes, its times and its
/// strings (a varint length, then UTF-8).
///
/// The form is private to the workspace and versioned by ``format``: a snapshot in another
/// format is linked again, never read. Reading checks every length against the bytes left, so
/// a damaged snapshot is an error, never a crash.
enum IncidentCodec {
    /// Raise on any change to the layout below.
    static let format = 3

    /// A snapshot's bytes that cannot be read.
    struct Damaged: Error {}

    // Which optional values are present.
    private static let hasChild: UInt8 = 1 << 0
    private static let hasBirth: UInt8 = 1 << 1
    private static let hasResponsible: UInt8 = 1 << 2
    private static let hasHome: UInt8 = 1 << 3
    private static let hasHost: UInt8 = 1 << 4
    private static let hasForce: UInt8 = 1 << 5
    private static let hasEnd: UInt8 = 1 << 6
    private static let cseConcern: UInt8 = 1 << 7
    private static let noRisk: UInt8 = 255
    // The second flags byte.
    private static let isRepeat: UInt8 = 1 << 0
    /// Some source recorded whether there was a CSE concern (``cseConcern`` says which).
    private static let cseRecorded: UInt8 = 1 << 1

    /// The bytes of `incidents`, in order.
    static func encode(_ incidents: ArraySlice<CombinedIncident>) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes.reserveCapacity(incidents.count * 96)
        for incident in incidents {
            var flags: UInt8 = 0
            if incident.child != nil { flags |= hasChild }
            if incident.person.dateOfBirth != nil { flags |= hasBirth }
            if incident.responsibleAuthority != nil { flags |= hasResponsible }
            if incident.home != nil { flags |= hasHome }
            if incident.hostAuthority != nil { flags |= hasHost }
            if incident.force != nil { flags |= hasForce }
            if incident.end != nil { flags |= hasEnd }
            if incident.cseConcern == true { flags |= cseConcern }
            writer.byte(flags)
            writer.byte(code(incident.provenance))
            writer.byte(code(incident.person.sex))
            writer.byte(incident.highestRisk.map { UInt8($0.rawValue) } ?? noRisk)
            writer.byte(code(incident.returnInterview))
            writer.byte(incident.discrepancies.rawValue)
            writer.byte((incident.isRepeat ? isRepeat : 0) | (incident.cseConcern != nil ? cseRecorded : 0))
            writer.int(incident.start.secondsSinceEpoch)
            if let end = incident.end { writer.int(end.secondsSinceEpoch) }
            if let birth = incident.person.dateOfBirth { writer.int(Int64(birth.daysSinceEpoch)) }
            writer.string(incident.id.rawValue)
            writer.string(incident.person.givenName)
            writer.string(incident.person.familyName)
            if let child = incident.child { writer.string(child.rawValue) }
            if let code = incident.responsibleAuthority { writer.string(code.rawValue) }
            if let urn = incident.home { writer.string(urn.rawValue) }
            if let code = incident.hostAuthority { writer.string(code.rawValue) }
            if let code = incident.force { writer.string(code.rawValue) }
            writer.count(incident.episodeIDs.count)
            for id in incident.episodeIDs { writer.string(id.rawValue) }
            writer.count(incident.policeRefs.count)
            for ref in incident.policeRefs { writer.string(ref.rawValue) }
        }
        return writer.bytes
    }

    /// The incidents in `bytes`, which must hold exactly `count` of them.
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int) throws(Damaged) -> [CombinedIncident] {
        var failure: Damaged?
        let incidents = [CombinedIncident](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(Damaged) {
                if let base = buffer.baseAddress { try decode(bytes, count: count, into: base) }
                initialized = count
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return incidents
    }

    /// Decodes the `count` incidents in `bytes` into the uninitialised memory at `target`: all
    /// of them are initialised, or (when the bytes are damaged) none is.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, count: Int, into target: UnsafeMutablePointer<CombinedIncident>
    ) throws(Damaged) {
        var reader = ByteReader(bytes)
        var done = 0
        do throws(Damaged) {
            try decode(&reader, count: count, into: target, done: &done)
            guard reader.isAtEnd else { throw Damaged() }
        } catch {
            target.deinitialize(count: done)
            throw error
        }
    }

    private static func decode(
        _ reader: inout ByteReader, count: Int, into target: UnsafeMutablePointer<CombinedIncident>, done: inout Int
    ) throws(Damaged) {
        for _ in 0..<count {
            let flags = try reader.byte()
            let provenance = try value(Provenance.allCases, try reader.byte())
            let sex = try value(Sex.allCases, try reader.byte())
            let riskCode = try reader.byte()
            let risk: RiskLevel?
            if riskCode == noRisk {
                risk = nil
            } else {
                guard let level = RiskLevel(rawValue: Int(riskCode)) else { throw Damaged() }
                risk = level
            }
            let interview = try value(ReturnInterview.allCases, try reader.byte())
            let discrepancies = Discrepancies(rawValue: try reader.byte())
            let moreFlags = try reader.byte()
            let start = Instant(secondsSinceEpoch: try reader.int())
            let end = flags & hasEnd != 0 ? Instant(secondsSinceEpoch: try reader.int()) : nil
            let birth = flags & hasBirth != 0 ? CivilDate(daysSinceEpoch: Int(try reader.int())) : nil
            let id = IncidentID(try reader.string())
            let given = try reader.string()
            let family = try reader.string()
            let child = flags & hasChild != 0 ? ChildID(try reader.string()) : nil
            let responsible = flags & hasResponsible != 0 ? AuthorityCode(try reader.string()) : nil
            let home = flags & hasHome != 0 ? HomeURN(try reader.string()) : nil
            let host = flags & hasHost != 0 ? AuthorityCode(try reader.string()) : nil
            let force = flags & hasForce != 0 ? ForceCode(try reader.string()) : nil
            var episodes: [EpisodeID] = []
            let episodeCount = try reader.count()
            episodes.reserveCapacity(episodeCount)
            for _ in 0..<episodeCount { episodes.append(EpisodeID(try reader.string())) }
            var reports: [PoliceRef] = []
            let reportCount = try reader.count()
            reports.reserveCapacity(reportCount)
            for _ in 0..<reportCount { reports.append(PoliceRef(try reader.string())) }
            (target + done).initialize(to: CombinedIncident(
                id: id, provenance: provenance, child: child,
                person: PersonSummary(givenName: given, familyName: family, dateOfBirth: birth, sex: sex),
                responsibleAuthority: responsible, home: home, hostAuthority: host, force: force,
                start: start, end: end, highestRisk: risk, returnInterview: interview,
                cseConcern: moreFlags & cseRecorded != 0 ? flags & cseConcern != 0 : nil, discrepancies: discrepancies,
                episodeIDs: episodes, policeRefs: reports, isRepeat: moreFlags & isRepeat != 0))
            done += 1
        }
    }

    /// A case's position in `allCases`, as one byte.
    private static func code<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
        UInt8(T.allCases.firstIndex(of: value).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) } ?? 0)
    }

    /// The case at position `code` of `cases`.
    private static func value<C: Collection>(_ cases: C, _ code: UInt8) throws(Damaged) -> C.Element where C.Index == Int {
        guard Int(code) < cases.count else { throw Damaged() }
        return cases[cases.startIndex + Int(code)]
    }
}

/// Appends bytes: single bytes, little-endian 64-bit integers, varint counts and strings.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func int(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func count(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}

/// Reads what ``ByteWriter`` wrote, checking every length against the bytes left.
private struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(IncidentCodec.Damaged) -> UInt8 {
        guard offset < bytes.count else { throw IncidentCodec.Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(IncidentCodec.Damaged) -> Int64 {
        guard bytes.count - offset >= 8 else { throw IncidentCodec.Damaged() }
        defer { offset += 8 }
        return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }

    mutating func count() throws(IncidentCodec.Damaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { break }
            shift += 7
            guard shift < 35 else { throw IncidentCodec.Damaged() }
        }
        // Every string byte and every list item takes at least one byte.
        guard value <= UInt64(bytes.count - offset) else { throw IncidentCodec.Damaged() }
        return Int(value)
    }

    mutating func string() throws(IncidentCodec.Damaged) -> String {
        let length = try count()
        guard bytes.count - offset >= length else { throw IncidentCodec.Damaged() }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
    }
}
