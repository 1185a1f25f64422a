import Testing
@testable import IncidentModel

/// The registers of a generated world: here, the homes that share a postcode.
struct RegisterBuilderTests {
    /// The homes of a large register (about 3,000) at a noise level.
    private func homes(_ noise: NoiseLevel) -> [GeneratedWorld.Home] {
        var configuration = GeneratorConfiguration(seed: 8, children: 150_000)
        configuration.noise = noise
        var world = GeneratedWorld(configuration: configuration)
        var random = SeededRandom(seed: configuration.seed)
        RegisterBuilder.build(&world, configuration: configuration, random: &random)
        return world.homes
    }

    /// The share of homes whose postcode another home has too.
    private func sharedShare(_ homes: [GeneratedWorld.Home]) -> Double {
        let counts = Dictionary(homes.map { ($0.postcode, 1) }, uniquingKeysWith: +)
        return Double(homes.count { counts[$0.postcode, default: 0] >= 2 }) / Double(homes.count)
    }

    @Test func aShareOfHomesSharesItsPostcodeAndStreetWithAnotherHomeOfItsAuthority() {
        let homes = homes(.medium)
        #expect((0.12...0.20).contains(sharedShare(homes)), "\(sharedShare(homes))")
        let groups = Dictionary(grouping: homes, by: \.postcode).values.filter { $0.count >= 2 }
        for group in groups {
            #expect(Set(group.map(\.authority)).count == 1)
        }
        // Most share their street too; a few postcodes were drawn twice by chance.
        let sameStreet = groups.count { group in Set(group.map { $0.address.drop { $0.isNumber } }).count == 1 }
        #expect(sameStreet * 10 >= groups.count * 9, "\(sameStreet) of \(groups.count)")
    }

    @Test func moreNoiseMeansMoreSharedPostcodes() {
        let low = sharedShare(homes(.low))
        let medium = sharedShare(homes(.medium))
        let high = sharedShare(homes(.high))
        #expect(low < medium && medium < high, "\(low), \(medium), \(high)")
        #expect(high > 2 * medium)
    }
}
