/// Builds the children of a generated world: who they are, which authority looks after them,
/// and where they are placed.
enum ChildBuilder {
    /// Ages at the end of the period: mostly teenagers, as in the DfE statistics.
    private static let ages = Array(10...17)
    private static let ageWeights: [Double] = [3, 4, 6, 10, 16, 22, 22, 17]

    static func build(_ world: inout GeneratedWorld, configuration: GeneratorConfiguration, random: inout SeededRandom) {
        let authorityChoice = WeightedChoice(world.authorities.map(\.weight))
        let allHomes = WeightedChoice(world.homes.map { Double($0.places) })
        var homesByAuthority = Array(repeating: [Int](), count: world.authorities.count)
        for (i, home) in world.homes.enumerated() { homesByAuthority[home.authority].append(i) }
        let localHomes = homesByAuthority.map { list in WeightedChoice(list.map { Double(world.homes[$0].places) }) }
        var nextNumber = Array(repeating: 0, count: world.authorities.count)
        let ageChoice = WeightedChoice(ageWeights)
        let periodEndDay = configuration.periodEnd.daysSinceEpoch
        let periodMinutes = world.periodEnd - world.periodStart

        func placement(for authority: Int, random: inout SeededRandom) -> Int32 {
            if random.chance(configuration.outOfAreaShare) {
                for _ in 0..<64 {
                    let home = allHomes.draw(&random)
                    if world.homes[home].authority != authority { return Int32(home) }
                }
            }
            return Int32(homesByAuthority[authority][localHomes[authority].draw(&random)])
        }

        world.children.reserveCapacity(configuration.children)
        for _ in 0..<configuration.children {
            let previous = world.children.last
            // Siblings (a few of them twins) are looked after by the same authority and placed together.
            let sibling = previous != nil && random.chance(0.03)
            let authority = sibling ? previous?.authority ?? 0 : authorityChoice.draw(&random)
            nextNumber[authority] += 1
            let sex: Sex = random.chance(0.55) ? .male : .female
            let pool = sex == .female ? NamePools.girls : NamePools.boys
            let dob: CivilDate
            if let previous, sibling {
                dob = random.chance(0.4)
                    ? previous.dob
                    : CivilDate(daysSinceEpoch: previous.dob.daysSinceEpoch + random.int(300...1200) * (random.chance(0.5) ? 1 : -1))
            } else {
                let age = ages[ageChoice.draw(&random)]
                dob = CivilDate(daysSinceEpoch: periodEndDay - age * 365 - age / 4 - random.below(365))
            }
            var given = Int32(random.below(pool.count))
            if let previous, sibling, previous.dob == dob, previous.sex == sex, previous.givenName == given {
                given = (given + 1) % Int32(pool.count)
            }
            let home = sibling ? previous?.home ?? 0 : placement(for: authority, random: &random)
            let moved = !sibling && random.chance(0.25)
            world.children.append(.init(
                id: world.authorities[authority].code + "-" + pad(nextNumber[authority], 6),
                authority: authority, givenName: given,
                familyName: sibling ? previous?.familyName ?? "" : familyName(&random),
                dob: dob, sex: sex, home: home,
                previousHome: sibling ? previous?.previousHome ?? -1 : moved ? placement(for: authority, random: &random) : -1,
                movedAt: sibling ? previous?.movedAt ?? 0 : world.periodStart + Int64(random.below(Int(periodMinutes))),
                cseProne: sibling ? previous?.cseProne ?? false : random.chance(0.15)))
        }
        var counts = Array(repeating: 0, count: world.authorities.count)
        for child in world.children { counts[child.authority] += 1 }
        for i in world.authorities.indices {
            world.authorities[i].childrenLookedAfter = counts[i] * random.int(50...80) / 10 + random.int(5...40)
        }
    }

    /// An invented surname: "Testerby", now and then double-barrelled or with an O'.
    static func familyName(_ random: inout SeededRandom) -> String {
        let base = random.pick(NamePools.surnameStems) + random.pick(NamePools.surnameEndings)
        let roll = random.unit()
        if roll < 0.06 { return base + "-" + random.pick(NamePools.surnameStems) + random.pick(NamePools.surnameEndings) }
        if roll < 0.09 { return "O'" + base }
        return base
    }
}
