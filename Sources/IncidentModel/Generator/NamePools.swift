/// The invented names the generator draws from. Forenames are ordinary English first names
/// (the police's nicknames need real ones); every surname, place, home, provider, authority and
/// force name is built from syllables that mark it as fictional ("Testerby", "Northmoor Sample
/// Council", "Sampleshire Police").
enum NamePools {
    /// A forename and the short forms or other spellings the police may record instead.
    struct Forename: Sendable {
        let name: String
        let variants: [String]
    }

    static let boys: [Forename] = [
        .init(name: "Oliver", variants: ["Ollie"]), .init(name: "George", variants: []),
        .init(name: "Harry", variants: []), .init(name: "Jack", variants: []),
        .init(name: "Jacob", variants: ["Jake"]), .init(name: "Charlie", variants: []),
        .init(name: "Thomas", variants: ["Tom", "Tommy"]), .init(name: "Oscar", variants: []),
        .init(name: "William", variants: ["Will", "Bill", "Billy"]), .init(name: "James", variants: ["Jamie", "Jim"]),
        .init(name: "Joshua", variants: ["Josh"]), .init(name: "Alfie", variants: []),
        .init(name: "Henry", variants: []), .init(name: "Leo", variants: []),
        .init(name: "Archie", variants: []), .init(name: "Ethan", variants: []),
        .init(name: "Joseph", variants: ["Joe"]), .init(name: "Freddie", variants: ["Freddy"]),
        .init(name: "Samuel", variants: ["Sam", "Sammy"]), .init(name: "Alexander", variants: ["Alex"]),
        .init(name: "Logan", variants: []), .init(name: "Daniel", variants: ["Dan", "Danny"]),
        .init(name: "Isaac", variants: []), .init(name: "Max", variants: []),
        .init(name: "Benjamin", variants: ["Ben"]), .init(name: "Mason", variants: []),
        .init(name: "Lucas", variants: ["Luke"]), .init(name: "Edward", variants: ["Eddie", "Ed"]),
        .init(name: "Harrison", variants: []), .init(name: "Dylan", variants: ["Dillon"]),
        .init(name: "Riley", variants: []), .init(name: "Finley", variants: ["Finlay"]),
        .init(name: "Theo", variants: []), .init(name: "Sebastian", variants: ["Seb"]),
        .init(name: "Matthew", variants: ["Matt"]), .init(name: "Lewis", variants: ["Louis"]),
        .init(name: "Liam", variants: []), .init(name: "Tyler", variants: []),
        .init(name: "Callum", variants: ["Calum"]), .init(name: "Connor", variants: ["Conor"]),
        .init(name: "Kyle", variants: []), .init(name: "Jordan", variants: []),
        .init(name: "Reece", variants: ["Rhys", "Reese"]), .init(name: "Michael", variants: ["Mike", "Mikey"]),
        .init(name: "Christopher", variants: ["Chris"]), .init(name: "Nathan", variants: ["Nate"]),
        .init(name: "Jayden", variants: ["Jaden"]), .init(name: "Kieran", variants: ["Kieron"]),
        .init(name: "Aaron", variants: []), .init(name: "Bradley", variants: ["Brad"]),
    ]

    static let girls: [Forename] = [
        .init(name: "Olivia", variants: ["Liv"]), .init(name: "Amelia", variants: ["Millie"]),
        .init(name: "Isla", variants: []), .init(name: "Ava", variants: []),
        .init(name: "Emily", variants: ["Em"]), .init(name: "Isabella", variants: ["Bella", "Izzy"]),
        .init(name: "Mia", variants: []), .init(name: "Poppy", variants: []),
        .init(name: "Ella", variants: []), .init(name: "Lily", variants: ["Lilly"]),
        .init(name: "Jessica", variants: ["Jess"]), .init(name: "Sophie", variants: ["Sophy"]),
        .init(name: "Grace", variants: []), .init(name: "Chloe", variants: []),
        .init(name: "Evie", variants: []), .init(name: "Ruby", variants: []),
        .init(name: "Charlotte", variants: ["Lottie", "Charlie"]), .init(name: "Megan", variants: ["Meg"]),
        .init(name: "Holly", variants: []), .init(name: "Ellie", variants: []),
        .init(name: "Kayleigh", variants: ["Kayley", "Kaylee"]), .init(name: "Courtney", variants: []),
        .init(name: "Chelsea", variants: []), .init(name: "Jade", variants: []),
        .init(name: "Shannon", variants: []), .init(name: "Leah", variants: ["Lea"]),
        .init(name: "Abigail", variants: ["Abbie", "Abby"]), .init(name: "Rebecca", variants: ["Becky", "Becca"]),
        .init(name: "Samantha", variants: ["Sam"]), .init(name: "Katherine", variants: ["Kate", "Katie"]),
        .init(name: "Elizabeth", variants: ["Beth", "Lizzie"]), .init(name: "Jasmine", variants: ["Jas"]),
        .init(name: "Amber", variants: []), .init(name: "Paige", variants: []),
        .init(name: "Demi", variants: []), .init(name: "Tia", variants: []),
        .init(name: "Zoe", variants: ["Zoey"]), .init(name: "Hannah", variants: []),
        .init(name: "Lauren", variants: []), .init(name: "Bethany", variants: ["Beth"]),
        .init(name: "Danielle", variants: ["Dani"]), .init(name: "Alexandra", variants: ["Alex", "Lexi"]),
        .init(name: "Victoria", variants: ["Vicky", "Tori"]), .init(name: "Natasha", variants: ["Tash"]),
        .init(name: "Stephanie", variants: ["Steph"]), .init(name: "Jennifer", variants: ["Jen", "Jenny"]),
        .init(name: "Nicole", variants: ["Nicky"]), .init(name: "Rachel", variants: []),
        .init(name: "Amy", variants: []), .init(name: "Caitlin", variants: ["Katelyn"]),
    ]

    /// Surnames are a stem and an ending: "Test" + "erby" = "Testerby".
    static let surnameStems = [
        "Test", "Sample", "Fake", "Mock", "Dummy", "Example", "Proxy", "Demo", "Pseudo", "Stub", "Sham",
        "Faux", "Trial", "Draft", "Specimen", "Decoy", "Bogus", "Ersatz", "Mimic", "Replica", "Token",
        "Fixture", "Spoof", "Notional", "Placebo", "Nominal", "Madeup", "Unreal",
    ]
    static let surnameEndings = [
        "erby", "ton", "worth", "ington", "field", "bury", "ley", "wick", "more", "shaw", "thorpe",
        "combe", "stead", "hurst", "dale", "ford", "croft", "well", "by", "ham", "son", "kins",
    ]

    /// Place stems for towns and authorities: "North" + "moor" = "Northmoor".
    static let placeStarts = [
        "North", "South", "East", "West", "Upper", "Lower", "Mid", "Great", "Little", "New", "Old", "High",
        "Long", "Broad", "Fair",
    ]
    static let placeEnds = [
        "moor", "dale", "field", "brook", "wood", "marsh", "ford", "haven", "combe", "ley", "ton", "bury",
        "wick", "stead", "holme", "thorpe", "minster", "bridge", "port", "cliffe",
    ]
    static let authorityKinds = ["Sample Council", "Example Borough Council", "Sample County Council", "Test City Council"]

    /// Force names: "Sample" + "shire" + " Police".
    static let forceStems = ["Sample", "Example", "Test", "Mock", "Dummy", "Fiction", "Proto", "Demo", "Pseudo", "Specimen", "Trial"]
    static let forceEnds = ["shire", "land", "mere", "vale"]

    /// Home names: "Rowan" + " Sample" + " House".
    static let homeStarts = [
        "Rowan", "Willow", "Larch", "Hazel", "Alder", "Birch", "Cedar", "Elm", "Holly", "Juniper", "Laurel",
        "Maple", "Oak", "Pine", "Rose", "Thistle", "Heather", "Bramble", "Ivy", "Fern", "Meadow", "Orchard",
        "Brook", "Hill", "River", "Sunny", "Cherry", "Aspen", "Poplar", "Linden", "Beech", "Ash", "Clover",
        "Daisy", "Primrose", "Harbour", "Lantern", "Compass", "Kestrel", "Robin",
    ]
    static let homeMarkers = ["Sample", "Example", "Test", "Mock", "Dummy"]
    static let homeKinds = ["House", "Lodge", "Cottage", "View", "Court", "Grange", "Place", "Villa", "Mews", "Barn"]

    static let providerStarts = ["Example", "Sample", "Test", "Mock", "Placeholder", "Dummy", "Fictional", "Pretend"]
    static let providerEnds = [
        "Care Ltd", "Futures Ltd", "Homes Group", "Childcare Ltd", "Pathways Ltd", "Horizons Ltd", "Care Partnership",
    ]

    static let streets = [
        "Example Road", "Sample Street", "Test Avenue", "Mock Lane", "Placeholder Close", "Dummy Crescent",
        "Fictional Way", "Specimen Drive", "Example Terrace", "Sample Grove",
    ]

    /// Postcode areas that do not exist in the UK.
    static let postcodeAreas = ["ZZ", "ZX", "ZY", "ZW", "ZV", "ZU", "ZT", "ZS"]
    /// Letters used in the inward part of real postcodes.
    static let inwardLetters = Array("ABDEFGHJLNPQRSTUWXYZ").map(String.init)

    /// The `index`-th of `count` distinct combinations of `first` x `second`, spread so that
    /// neighbours do not share a stem; repeats the combinations with a number once they run out.
    static func combination(_ index: Int, _ first: [String], _ second: [String], joiner: String = "") -> String {
        let total = first.count * second.count
        let spread = (index % total) * stride(for: total) % total
        let base = first[spread % first.count] + joiner + second[spread / first.count]
        let round = index / total
        return round == 0 ? base : base + " \(round + 1)"
    }

    /// A step coprime with `total`, so that `i * step % total` visits every value once.
    private static func stride(for total: Int) -> Int {
        var step = 7919
        while gcd(step, total) != 1 { step += 2 }
        return step
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
