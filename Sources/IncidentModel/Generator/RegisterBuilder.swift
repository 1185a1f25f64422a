/// Builds the registers of a generated world: forces, authorities and homes.
enum RegisterBuilder {
    static func build(_ world: inout GeneratedWorld, configuration: GeneratorConfiguration, random: inout SeededRandom) {
        let forceCount = configuration.forceCount
        let authorityCount = configuration.authorityCount
        for i in 0..<forceCount {
            let stem = NamePools.combination(i, NamePools.forceStems, NamePools.forceEnds)
            let kind = i % 3 == 2 ? "Constabulary" : "Police"
            world.forces.append(.init(code: forceCode(i), name: "\(stem) \(kind)"))
        }
        for i in 0..<authorityCount {
            let town = NamePools.combination(i, NamePools.placeStarts, NamePools.placeEnds)
            let kind = NamePools.authorityKinds[random.below(NamePools.authorityKinds.count)]
            // 901, 902, ... then 801, 802, ...: three digits, none a real DfE code's neighbour.
            let code = (9 - i / 99) * 100 + i % 99 + 1
            let area = NamePools.postcodeAreas[i % NamePools.postcodeAreas.count]
            world.authorities.append(.init(
                code: String(code), name: "\(town) \(kind)", town: town,
                force: i * forceCount / authorityCount,
                postcodeOutward: area + String(1 + i / NamePools.postcodeAreas.count),
                weight: random.logNormal(mu: 0, sigma: 0.5)))
        }
        buildHomes(&world, configuration: configuration, random: &random)
        sharePostcodes(&world, share: configuration.noise.rates.sharedPostcode, random: &random)
    }

    /// `XAA`, `XAB`, ...: short letter codes that no real force uses.
    static func forceCode(_ i: Int) -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return "X" + String(letters[i / letters.count % letters.count]) + String(letters[i % letters.count])
    }

    private static let placesWeights: [Double] = [4, 10, 15, 18, 15, 12, 7, 7, 4, 4, 2, 2]
    private static let ratings: [OfstedRating] = [.outstanding, .good, .requiresImprovement, .inadequate, .notYetInspected]
    private static let ratingWeights: [Double] = [12, 60, 15, 5, 8]

    private static func buildHomes(
        _ world: inout GeneratedWorld, configuration: GeneratorConfiguration, random: inout SeededRandom
    ) {
        let byWeight = WeightedChoice(world.authorities.map(\.weight))
        let places = WeightedChoice(placesWeights)
        let rating = WeightedChoice(ratingWeights)
        let providerCount = max(2, configuration.homeCount / 6)
        let urnBase = 100_000 + random.below(400_000)
        for i in 0..<configuration.homeCount {
            // Every authority hosts at least one home; the rest follow the authorities' sizes.
            let authority = i < world.authorities.count ? i : byWeight.draw(&random)
            let host = world.authorities[authority]
            let provider: String
            if random.chance(0.2) {
                provider = host.name
            } else {
                provider = NamePools.combination(
                    random.below(providerCount), NamePools.providerStarts, NamePools.providerEnds, joiner: " ")
            }
            let address = "\(random.int(1...180)) \(random.pick(NamePools.streets)), \(host.town)"
            let postcode = host.postcodeOutward + " " + String(random.int(1...9))
                + random.pick(NamePools.inwardLetters) + random.pick(NamePools.inwardLetters)
            world.homes.append(.init(
                urn: "SC" + pad((urnBase + i * 7919) % 900_000 + 100_000, 6),
                name: NamePools.combination(i, NamePools.homeStarts, homeSuffixes, joiner: " "),
                provider: provider, address: address, postcode: postcode, authority: authority,
                rating: ratings[rating.draw(&random)], places: places.draw(&random) + 1,
                missingFactor: random.logNormal(mu: -0.125, sigma: 0.5)))
        }
    }

    /// Gives a `share` of the homes the postcode and street of an earlier home of the same
    /// authority, at another number, as the homes in a block of flats or along one street share
    /// a postcode: a postcode then does not always name one home. Drawn after every home, so
    /// that the homes' other details are those of the same seed without sharing.
    private static func sharePostcodes(_ world: inout GeneratedWorld, share: Double, random: inout SeededRandom) {
        var earlier = Array(repeating: [Int](), count: world.authorities.count)
        for i in world.homes.indices {
            let authority = world.homes[i].authority
            if !earlier[authority].isEmpty, random.chance(share) {
                let neighbour = world.homes[random.pick(earlier[authority])]
                let number = Int(neighbour.address.prefix { $0.isNumber }) ?? 0
                let street = neighbour.address.drop { $0.isNumber }
                let own = random.int(1...179)
                world.homes[i].address = String(own < number ? own : own + 1) + street
                world.homes[i].postcode = neighbour.postcode
            }
            earlier[authority].append(i)
        }
    }

    /// "Sample House", "Example Lodge", ...
    private static let homeSuffixes: [String] = NamePools.homeKinds.flatMap { kind in
        NamePools.homeMarkers.map { "\($0) \(kind)" }
    }
}
