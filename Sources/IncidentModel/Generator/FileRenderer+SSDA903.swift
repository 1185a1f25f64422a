/// The SSDA903 form of the LA's records: for each authority, the `Header`, `Episodes` and
/// `Missing` tables of its children (in `ssda903/<code>/`), and `ssda903/truth.csv`, which
/// names each police report's LA episode by the id mfc gives a missing period
/// (``SSDA903Assembler/episodeID(child:start:repeat:)``).
///
/// Only the columns mfc reads are written. `CHILD` is the native `child_id`; `SEX` is `1` or
/// `2`; dates are `dd/mm/yyyy`. Each child has one placement episode in its current home,
/// begun before the period (a day between 1 and 900 days before, fixed by the child's place in
/// the register), and a child that moved has one before it in its earlier home, which ends on
/// the day of the move, when the next begins.
extension FileRenderer {
    /// The SSDA903 files, in order: each authority's three tables, then the truth.
    func ssda903() -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var episodeIDs = [String](repeating: "", count: world.incidents.count)
        var episodesByAuthority = [[Int]](repeating: [], count: world.authorities.count)
        for i in order where world.incidents[i].hasEpisode {
            episodesByAuthority[world.children[Int(world.incidents[i].child)].authority].append(i)
        }
        for (a, authority) in world.authorities.enumerated() {
            let folder = "ssda903/" + authority.code + "/"
            let children = world.children.indices.filter { world.children[$0].authority == a }
                .sorted { world.children[$0].id < world.children[$1].id }
            var header = CSVWriter()
            header.append(header: ["CHILD", "SEX", "DOB"])
            var placements = CSVWriter()
            placements.append(header: ["CHILD", "DECOM", "DEC", "PLACE", "PL_POST", "URN"])
            var placementRows = 0
            for c in children {
                let child = world.children[c]
                header.append(row: [
                    .text(child.id), .formatted(child.sex == .male ? "1" : child.sex == .female ? "2" : "U"),
                    .formatted(LocalMinute.ukDate(child.dob)),
                ])
                let firstDay = Int(world.periodStart / LocalMinute.perDay) - 1 - (c * 37) % 900
                var homes: [(home: Int32, from: Int, to: Int?)] = []
                if child.previousHome >= 0 {
                    let moved = Int(child.movedAt / LocalMinute.perDay)
                    homes = [(child.previousHome, firstDay, moved), (child.home, moved, nil)]
                } else {
                    homes = [(child.home, firstDay, nil)]
                }
                for stay in homes {
                    let home = world.homes[Int(stay.home)]
                    placements.append(row: [
                        .text(child.id), .formatted(LocalMinute.ukDate(CivilDate(daysSinceEpoch: stay.from))),
                        stay.to.map { .formatted(LocalMinute.ukDate(CivilDate(daysSinceEpoch: $0))) } ?? .empty,
                        .text("K2"), .text(home.postcode), .text(home.urn),
                    ])
                    placementRows += 1
                }
            }
            var missing = CSVWriter()
            missing.append(header: ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"])
            var missingRows = 0
            var sameDay: [String: Int] = [:]
            for i in episodesByAuthority[a] {
                let incident = world.incidents[i]
                let child = world.children[Int(incident.child)]
                let details = details(of: incident)
                let start = CivilDate(daysSinceEpoch: Int(incident.start / LocalMinute.perDay))
                missing.append(row: [
                    .text(child.id), .formatted(LocalMinute.ukDate(child.dob)), .text(details.type.rawValue),
                    .formatted(LocalMinute.ukDate(start)),
                    details.laEnd >= 0
                        ? .formatted(LocalMinute.ukDate(CivilDate(daysSinceEpoch: Int(details.laEnd / LocalMinute.perDay))))
                        : .empty,
                ])
                missingRows += 1
                let key = child.id + "/" + start.description
                let number = (sameDay[key] ?? 0) + 1
                sameDay[key] = number
                episodeIDs[i] = SSDA903Assembler.episodeID(child: ChildID(child.id), start: start, repeat: number).rawValue
            }
            files.append(GeneratedFile(name: folder + "header.csv", bytes: header.bytes, rows: children.count))
            files.append(GeneratedFile(name: folder + "episodes.csv", bytes: placements.bytes, rows: placementRows))
            files.append(GeneratedFile(name: folder + "missing.csv", bytes: missing.bytes, rows: missingRows))
        }
        var truth = CSVWriter()
        truth.append(header: ["police_ref", "episode_id", "child_id"])
        var rows = 0
        for i in order where world.incidents[i].hasPoliceReport {
            let incident = world.incidents[i]
            let child = world.children[Int(incident.child)]
            for second in incident.secondReport ? [false, true] : [false] {
                truth.append(row: [
                    .text(policeRef(i, second: second)), incident.hasEpisode ? .text(episodeIDs[i]) : .empty, .text(child.id),
                ])
                rows += 1
            }
        }
        files.append(GeneratedFile(name: "ssda903/truth.csv", bytes: truth.bytes, rows: rows))
        return files
    }
}
