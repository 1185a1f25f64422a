/// Gives each distinct value a small integer code, in order of first appearance: a value's code
/// is its position in ``values``.
///
/// Coding a value is one dictionary look-up, and an insertion when the value is new: O(1)
/// expected. ``code(_:)`` is inlinable, so that a caller in another module of the package
/// codes a million values with its own value type's hashing, not through generic witnesses.
package struct Interner<Value: Hashable> {
    @usableFromInline var storedValues: [Value] = []
    @usableFromInline var codes: [Value: Int32] = [:]

    /// An interner with no values yet.
    package init() {}

    /// An interner whose first codes go to `initial`, in order (a repeated value keeps its
    /// first code).
    package init(_ initial: [Value]) {
        for value in initial { _ = code(value) }
    }

    /// The values coded, by code.
    package var values: [Value] { storedValues }

    /// Each value coded so far with its code: for looking codes up, on any thread, without
    /// adding any.
    package var existing: [Value: Int32] { codes }

    /// The code of `value`, assigning the next one when it is new.
    @inlinable
    package mutating func code(_ value: Value) -> Int32 {
        if let code = codes[value] { return code }
        let code = Int32(storedValues.count)
        storedValues.append(value)
        codes[value] = code
        return code
    }
}

extension Interner: Sendable where Value: Sendable {}
