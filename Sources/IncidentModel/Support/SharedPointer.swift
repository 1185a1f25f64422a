/// A pointer handed to parallel workers that each write a disjoint range of its memory.
///
/// Not checked by the compiler: whoever shares it keeps the ranges apart and the memory alive
/// until every worker has finished.
package struct SharedPointer<T>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<T>?

    package init(base: UnsafeMutablePointer<T>?) { self.base = base }
}

/// An array's storage, handed read-only to parallel workers (inside the array's
/// `withUnsafeBufferPointer`), so that they read its elements in place: reading them through
/// the array would retain its buffer on every access, and copying one out would retain each of
/// its strings.
///
/// Not checked by the compiler: whoever shares it keeps the array alive and unchanged until
/// every worker has finished.
struct BorrowedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
}
