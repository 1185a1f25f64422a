/// Every distinct normalised name (``NameKey``) of one linking run, numbered once, with what the
/// comparisons and the blocks need of it computed once: its Unicode scalars for Jaro-Winkler,
/// its nickname groups, its Soundex code and its first character.
///
/// Comparing two names is then comparing two numbers, and the hot loops touch no strings (no
/// reference counting, no hashing of text). Id 0 is the empty name.
struct NameTable: Sendable {
    /// Each name's scalars, one after another; name `n`'s are `scalars[offsets[n]..<offsets[n + 1]]`.
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var offsets: [Int32] = [0]
    /// Each name's nickname groups (``Nicknames``), as a bit set.
    private(set) var nicknameGroups: [Nicknames.GroupSet] = []
    /// Each name's Soundex code as a number (``Soundex/number(_:)``): a block key part.
    private(set) var sounds: [Int32] = []
    /// Each name's first character, numbered (0 for the empty name): a block key part.
    private(set) var initials: [Int32] = []
    /// Each name's letters counted (``LetterCounts``).
    private(set) var letters: [LetterCounts] = []
    private var ids: [String: Int32] = [:]
    private var initialIDs: [Character: Int32] = [:]

    /// The id of the empty name.
    static let empty: Int32 = 0

    init() {
        _ = id(of: "")
    }

    /// How many distinct names the table holds.
    var count: Int { sounds.count }

    /// The id of a normalised name, adding it when it is new.
    mutating func id(of name: String) -> Int32 {
        if let known = ids[name] { return known }
        let id = Int32(sounds.count)
        ids[name] = id
        scalars.append(contentsOf: name.unicodeScalars)
        offsets.append(Int32(scalars.count))
        nicknameGroups.append(Nicknames.groupSet(of: name))
        letters.append(LetterCounts(name.unicodeScalars))
        sounds.append(Soundex.number(Soundex.code(name)))
        if let first = name.first {
            if let known = initialIDs[first] {
                initials.append(known)
            } else {
                let initial = Int32(initialIDs.count + 1)
                initialIDs[first] = initial
                initials.append(initial)
            }
        } else {
            initials.append(0)
        }
        return id
    }

    /// The id of a normalised name already in the table.
    func existingID(of name: String) -> Int32? { ids[name] }

    /// Calls `body` with borrowed views of the per-name arrays, for loops on every core.
    func withNames<R>(_ body: (BorrowedNames) -> R) -> R {
        scalars.withUnsafeBufferPointer { scalars in
            offsets.withUnsafeBufferPointer { offsets in
                nicknameGroups.withUnsafeBufferPointer { groups in
                    initials.withUnsafeBufferPointer { initials in
                        letters.withUnsafeBufferPointer { letters in
                            body(BorrowedNames(
                                scalars: scalars, offsets: offsets, nicknameGroups: groups, initials: initials, letters: letters))
                        }
                    }
                }
            }
        }
    }
}

/// Borrowed views of a ``NameTable``, valid only inside ``NameTable/withNames(_:)``.
struct BorrowedNames: @unchecked Sendable {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let offsets: UnsafeBufferPointer<Int32>
    let nicknameGroups: UnsafeBufferPointer<Nicknames.GroupSet>
    /// Each name's first character, numbered (``NameTable/initials``).
    let initials: UnsafeBufferPointer<Int32>
    /// Each name's letters counted (``NameTable/letters``).
    let letters: UnsafeBufferPointer<LetterCounts>

    /// The scalars of name `id`.
    @inline(__always)
    func scalars(_ id: Int32) -> UnsafeBufferPointer<Unicode.Scalar> {
        let lower = Int(offsets[Int(id)])
        let upper = Int(offsets[Int(id) + 1])
        return UnsafeBufferPointer(rebasing: scalars[lower..<upper])
    }
}
