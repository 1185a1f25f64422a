/// A pointer handed to parallel workers that each write a disjoint range of its memory.
///
/// Not checked by the compiler: whoever shares it keeps the ranges apart and the memory alive
/// until every worker has finished.
package struct SharedPointer<T>: @unchecked Sendable {
    package let base: UnsafeMutablePointer<T>?

    package init(base: UnsafeMutablePointer<T>?) { self.base = base }
}
