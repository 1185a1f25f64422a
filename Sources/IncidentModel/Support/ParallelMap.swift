import Dispatch
import Foundation

/// Maps a range of indexes in contiguous chunks on every core, keeping the order of results.
///
/// Used where each item's work is independent (linking a report, building an incident,
/// formatting a row). Small inputs run on the calling thread. Inside a ``WorkShare`` the
/// chunks go to the share, so that a core another job left idle takes them up.
package enum ParallelMap {
    /// Runs `body(piece)` for every piece: on the current work share when there is one, else
    /// on every core.
    private static func perform(pieces: Int, _ body: @Sendable (Int) -> Void) {
        if let share = WorkShare.current {
            share.forEach(count: pieces, body)
        } else {
            DispatchQueue.concurrentPerform(iterations: pieces, execute: body)
        }
    }

    /// `transform` is called once per chunk with the chunk's indexes and returns that chunk's
    /// results; the chunks' results are joined in index order.
    package static func chunks<T: Sendable>(
        count: Int, minimumChunk: Int = 20_000, _ transform: @Sendable (Range<Int>) -> [T]
    ) -> [T] {
        let pieces = Self.pieces(count: count, minimumChunk: minimumChunk)
        guard pieces > 1 else { return transform(0..<count) }
        let slots = ResultSlots<[T]>(count: pieces)
        perform(pieces: pieces) { piece in
            let lower = count * piece / pieces
            let upper = count * (piece + 1) / pieces
            slots.store(piece, transform(lower..<upper))
        }
        let parts = slots.take()
        var result: [T] = []
        result.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
        for part in parts { result.append(contentsOf: part ?? []) }
        return result
    }
}

extension ParallelMap {
    /// `transform(i)` for every `i` in `0..<count`, computed in contiguous chunks on every core
    /// and written straight into the result (no joining copy). Small inputs run on the calling
    /// thread.
    package static func map<T: Sendable>(count: Int, minimumChunk: Int = 20_000, _ transform: @Sendable (Int) -> T) -> [T] {
        map(count: count, capacity: count, minimumChunk: minimumChunk, transform)
    }

    /// The same, in an array with room for `capacity` elements in all, so that appending the
    /// rest later moves none of them.
    package static func map<T: Sendable>(
        count: Int, capacity: Int, minimumChunk: Int = 20_000, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        map(count: count, capacity: capacity, pieces: Self.pieces(count: count, minimumChunk: minimumChunk), transform)
    }

    /// Calls `body` once for each of a few contiguous ranges that together cover `0..<count`,
    /// on every core: for work that writes its results in place.
    package static func forEachChunk(count: Int, minimumChunk: Int = 20_000, _ body: @Sendable (Range<Int>) -> Void) {
        let pieces = Self.pieces(count: count, minimumChunk: minimumChunk)
        guard pieces > 1 else {
            body(0..<count)
            return
        }
        perform(pieces: pieces) { piece in body((count * piece / pieces)..<(count * (piece + 1) / pieces)) }
    }

    /// How many contiguous pieces `count` items are cut into: four for each core, none smaller
    /// than `minimumChunk` (so that small inputs stay on the calling thread).
    private static func pieces(count: Int, minimumChunk: Int) -> Int {
        min(ProcessInfo.processInfo.activeProcessorCount * 4, count / max(1, minimumChunk))
    }

    /// `transform(i)` for every `i` in `0..<count`, each index a piece of its own: for a few
    /// large items (a file's pieces), so that idle cores can take up any of them.
    package static func each<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        map(count: count, capacity: count, pieces: count, transform)
    }

    /// `transform(i)` for every `i` in `0..<count`, written at `positions[i]` of the result:
    /// for items best computed in one order (the order their sources lie in memory) and kept in
    /// another. `positions` must hold every index of `0..<count` once.
    package static func scatter<T: Sendable>(
        count: Int, to positions: [Int32], minimumChunk: Int = 20_000, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        precondition(positions.count == count, "one position per item")
        let workers = ProcessInfo.processInfo.activeProcessorCount
        // Many pieces: items in one order often cost more at one end (the incidents the police
        // alone know come last, and cost more to build), and a last large piece would leave
        // the other cores idle.
        let pieces = max(1, min(workers * 16, count / max(1, minimumChunk)))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = SharedPointer(base: buffer.baseAddress)
            perform(pieces: pieces) { piece in
                guard let base = target.base else { return }
                // The positions are a permutation: each worker initialises its own elements.
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
                    (base + Int(positions[i])).initialize(to: transform(i))
                }
            }
            initialized = count
        }
    }

    private static func map<T: Sendable>(count: Int, capacity: Int, pieces: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard pieces > 1 else {
            var result: [T] = []
            result.reserveCapacity(max(count, capacity))
            for i in 0..<count { result.append(transform(i)) }
            return result
        }
        return [T](unsafeUninitializedCapacity: max(count, capacity)) { buffer, initialized in
            let target = SharedPointer(base: buffer.baseAddress)
            perform(pieces: pieces) { piece in
                guard let base = target.base else { return }
                // Each worker initialises its own disjoint range.
                for i in (count * piece / pieces)..<(count * (piece + 1) / pieces) {
                    (base + i).initialize(to: transform(i))
                }
            }
            initialized = count
        }
    }
}

extension ParallelMap {
    /// Sorts `items` on every core: each core sorts a contiguous part, then the parts are
    /// merged. `less` must be a strict total order (no two items equal under it), so that the
    /// result is the same as a sort on one core.
    package static func sort<T: Sendable>(_ items: inout [T], minimumPart: Int = 100_000, by less: @Sendable (T, T) -> Bool) {
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, items.count / max(1, minimumPart))
        guard parts > 1 else {
            items.sort(by: less)
            return
        }
        let source = items
        let sorted: [[T]] = each(parts) { k in
            var part = Array(source[(source.count * k / parts)..<(source.count * (k + 1) / parts)])
            part.sort(by: less)
            return part
        }
        var merged = sorted[0]
        for part in sorted.dropFirst() { merged = merge(merged, part, pieces: parts * 4, by: less) }
        items = merged
    }

    /// Two sorted arrays merged into one, in `pieces` on every core: each piece is a range of
    /// the result, and the items that fill it are found by a binary search in each array.
    /// Equal items keep `a`'s before `b`'s.
    private static func merge<T: Sendable>(_ a: [T], _ b: [T], pieces: Int, by less: @Sendable (T, T) -> Bool) -> [T] {
        let total = a.count + b.count
        let pieces = max(1, min(pieces, total))
        return a.withUnsafeBufferPointer { aBuffer in
            b.withUnsafeBufferPointer { bBuffer in
                let (first, second) = (BorrowedBuffer(buffer: aBuffer), BorrowedBuffer(buffer: bBuffer))
                return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
                    let target = SharedPointer(base: buffer.baseAddress)
                    perform(pieces: pieces) { piece in
                        guard let base = target.base else { return }
                        let (a, b) = (first.buffer, second.buffer)
                        let (kStart, kEnd) = (total * piece / pieces, total * (piece + 1) / pieces)
                        var i = fromFirst(a, b, among: kStart, by: less)
                        var j = kStart - i
                        let iEnd = fromFirst(a, b, among: kEnd, by: less)
                        for k in kStart..<kEnd {
                            if i < iEnd && (j >= kEnd - iEnd || !less(b[j], a[i])) {
                                (base + k).initialize(to: a[i])
                                i += 1
                            } else {
                                (base + k).initialize(to: b[j])
                                j += 1
                            }
                        }
                    }
                    initialized = total
                }
            }
        }
    }

    /// How many of the first `count` items of the merge of `a` and `b` come from `a`: the
    /// least `i` whose `a[i]` does not come before `b[count - i - 1]`.
    private static func fromFirst<T>(
        _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>, among count: Int, by less: (T, T) -> Bool
    ) -> Int {
        var low = max(0, count - b.count)
        var high = min(count, a.count)
        while low < high {
            let i = (low + high) / 2
            // a[i] comes before b[count - i - 1] unless that one is less: more of a is needed.
            if !less(b[count - i - 1], a[i]) { low = i + 1 } else { high = i }
        }
        return low
    }
}
