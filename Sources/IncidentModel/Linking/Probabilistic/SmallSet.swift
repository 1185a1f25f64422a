/// Up to four distinct small numbers kept inline, in the order first inserted: a record's
/// initials, name sounds or sex numbers while its block keys are made, with nothing allocated.
struct SmallSet {
    private var items: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    /// How many numbers it holds (at most four).
    private(set) var count = 0

    /// Adds `value` unless it is already held (or four are).
    mutating func insert(_ value: Int32) {
        guard count < 4, !contains(value) else { return }
        switch count {
        case 0: items.0 = value
        case 1: items.1 = value
        case 2: items.2 = value
        default: items.3 = value
        }
        count += 1
    }

    func contains(_ value: Int32) -> Bool {
        (count > 0 && items.0 == value) || (count > 1 && items.1 == value) || (count > 2 && items.2 == value)
            || (count > 3 && items.3 == value)
    }

    /// Calls `body` with each number, in the order inserted.
    @inline(__always)
    func forEach(_ body: (Int32) -> Void) {
        if count > 0 { body(items.0) }
        if count > 1 { body(items.1) }
        if count > 2 { body(items.2) }
        if count > 3 { body(items.3) }
    }
}
