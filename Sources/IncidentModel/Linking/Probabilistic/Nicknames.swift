/// Common English forenames and their usual short and pet forms. Two forenames are nicknames
/// of each other when some group holds both (`Kayleigh` and `Kayley`; `William`, `Bill` and
/// `Will`; `Alexander` and `Alex`). Names are compared by ``NameKey``.
public enum Nicknames {
    static let groups: [[String]] = [
        ["kayleigh", "kayley", "kaylee", "kaleigh", "kailey"],
        ["william", "will", "bill", "billy", "willie", "liam"],
        ["alexander", "alex", "xander", "sandy", "alec", "al"],
        ["alexandra", "alex", "lexi", "lexie", "sandra", "ali"],
        ["robert", "rob", "robbie", "bob", "bobby", "bert"],
        ["elizabeth", "liz", "lizzie", "beth", "eliza", "betty", "libby", "ellie"],
        ["katherine", "catherine", "kathryn", "kate", "katie", "kathy", "kat", "cat", "cathy"],
        ["thomas", "tom", "tommy"],
        ["james", "jim", "jimmy", "jamie"],
        ["john", "jack", "johnny", "jonny"],
        ["jonathan", "jon", "jonny", "nathan"],
        ["michael", "mike", "mikey", "mick", "micky"],
        ["daniel", "dan", "danny"],
        ["matthew", "matt", "matty"],
        ["christopher", "chris", "kit"],
        ["joseph", "joe", "joey"],
        ["samuel", "sam", "sammy"],
        ["samantha", "sam", "sammie", "sammy"],
        ["benjamin", "ben", "benny", "benji"],
        ["charlotte", "charlie", "lottie", "lotte"],
        ["charles", "charlie", "chas", "chuck"],
        ["jessica", "jess", "jessie"],
        ["rebecca", "becky", "becca", "bex"],
        ["victoria", "vicky", "vikki", "tori"],
        ["abigail", "abbie", "abby", "gail"],
        ["olivia", "liv", "livvy", "livia"],
        ["nicholas", "nick", "nicky"],
        ["nicola", "nicki", "nikki", "nicky"],
        ["anthony", "tony", "ant"],
        ["edward", "ed", "eddie", "ted", "teddy", "ned"],
        ["henry", "harry", "hal", "hank"],
        ["harrison", "harry"],
        ["frederick", "fred", "freddie", "freddy"],
        ["margaret", "maggie", "meg", "peggy", "megan"],
        ["jennifer", "jen", "jenny"],
        ["natasha", "tasha", "tash"],
        ["joshua", "josh"],
        ["nathaniel", "nathan", "nate", "nat"],
        ["zachary", "zach", "zack", "zak"],
        ["oliver", "ollie", "olly"],
        ["isabella", "isabelle", "bella", "izzy", "issy"],
        ["amelia", "millie", "amy", "mia"],
        ["sophia", "sophie", "soph"],
        ["gabriel", "gabe"],
        ["gabriella", "gabby", "ella"],
        ["madison", "maddie", "maddy"],
        ["theodore", "theo", "ted", "teddy"],
        ["archibald", "archie"],
        ["stephen", "steven", "steve", "stevie"],
        ["richard", "rich", "richie", "rick", "dick"],
        ["patrick", "pat", "paddy"],
        ["louise", "lou", "louisa"],
        ["eleanor", "ellie", "nell", "ella"],
        ["evelyn", "evie", "eve"],
        ["florence", "flo", "florrie"],
        ["lucas", "luke"],
        ["mohammed", "muhammad", "mohammad", "mo"],
        // Common spelling variants.
        ["jacob", "jake"], ["dylan", "dillon"], ["finley", "finlay"], ["sebastian", "seb", "sebby"],
        ["lewis", "louis"], ["callum", "calum"], ["connor", "conor"], ["reece", "reese", "rhys"],
        ["jayden", "jaden", "jaiden"], ["kieran", "kieron", "ciaran"], ["bradley", "brad"],
        ["emily", "em", "emmy", "emma"], ["lily", "lilly", "lillie"], ["sophie", "sophy", "sophia"],
        ["leah", "lea", "lia"], ["jasmine", "jas", "jazz", "yasmin"], ["zoe", "zoey", "zoë"],
        ["bethany", "beth"], ["danielle", "dani", "danni"], ["stephanie", "steph", "stef"],
        ["nicole", "nicky", "nikki", "nicola"], ["caitlin", "katelyn", "kaitlyn", "caitlyn"],
    ]

    private static let groupsOfName: [String: [Int]] = {
        var result: [String: [Int]] = [:]
        for (n, group) in groups.enumerated() {
            for name in group { result[name, default: []].append(n) }
        }
        return result
    }()

    /// The groups holding a name, as bits (group `n` is bit `n`).
    struct GroupSet: Hashable, Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        /// Whether the two sets share a group.
        func meets(_ other: GroupSet) -> Bool { low & other.low != 0 || high & other.high != 0 }
    }

    /// The groups holding a normalised name; empty when none does. (There are at most 128
    /// groups, which a test checks.)
    static func groupSet(of name: String) -> GroupSet {
        var set = GroupSet()
        for n in groupsOfName[name] ?? [] {
            if n < 64 { set.low |= 1 << UInt64(n) } else { set.high |= 1 << UInt64(n - 64) }
        }
        return set
    }

    /// Whether two normalised forenames are nicknames of each other (not the same name).
    public static func areNicknames(_ a: String, _ b: String) -> Bool {
        guard a != b, let first = groupsOfName[a], let second = groupsOfName[b] else { return false }
        return first.contains { second.contains($0) }
    }
}
