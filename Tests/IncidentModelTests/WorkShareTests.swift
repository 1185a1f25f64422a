import Foundation
import Testing
@testable import IncidentModel

#if canImport(Glibc)
import Glibc
#endif

/// Jobs sharing the cores: every job and every piece runs exactly once, results keep their
/// order, and a core with no job left takes up another job's pieces.
struct WorkShareTests {
    /// Counts calls by key, from any thread.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int: Int] = [:]
        private var threads: [Int: Set<UInt>] = [:]

        func record(_ key: Int, group: Int = 0) {
            lock.lock()
            counts[key, default: 0] += 1
            threads[group, default: []].insert(UInt(pthread_self()))
            lock.unlock()
        }

        var all: [Int: Int] {
            lock.lock()
            defer { lock.unlock() }
            return counts
        }

        func threadCount(group: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return threads[group]?.count ?? 0
        }
    }

    @Test func runsEveryJobOnce() {
        let tally = Tally()
        WorkShare.run(jobs: 40) { n in tally.record(n) }
        #expect(tally.all == Dictionary(uniqueKeysWithValues: (0..<40).map { ($0, 1) }))
    }

    @Test func parallelMapInsideJobsKeepsEveryResultInOrder() {
        let results = ResultSlots<([Int], [Int], [Int])>(count: 6)
        WorkShare.run(jobs: 6) { n in
            let count = 10_000 * (n + 1)
            results.store(n, (
                ParallelMap.map(count: count, minimumChunk: 500) { $0 * 3 + n },
                ParallelMap.chunks(count: count, minimumChunk: 500) { range in range.map { $0 - n } },
                ParallelMap.each(7) { $0 * n }))
        }
        for (n, value) in results.take().enumerated() {
            let count = 10_000 * (n + 1)
            #expect(value?.0 == (0..<count).map { $0 * 3 + n })
            #expect(value?.1 == (0..<count).map { $0 - n })
            #expect(value?.2 == (0..<7).map { $0 * n })
        }
    }

    @Test func piecesOfNestedCallsRunOnce() {
        let tally = Tally()
        WorkShare.run(jobs: 3) { n in
            _ = ParallelMap.each(5) { k in
                _ = ParallelMap.each(4) { m in tally.record(n * 100 + k * 10 + m) }
            }
        }
        let expected = (0..<3).flatMap { n in (0..<5).flatMap { k in (0..<4).map { n * 100 + k * 10 + $0 } } }
        #expect(tally.all == Dictionary(uniqueKeysWithValues: expected.map { ($0, 1) }))
    }

    /// One long job of slow pieces and one short job: the core that finishes the short job
    /// must take some of the long job's pieces.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores"))
    func anIdleCoreTakesUpAnotherJobsPieces() {
        let tally = Tally()
        WorkShare.run(jobs: 2) { n in
            guard n == 0 else { return }
            _ = ParallelMap.each(12) { k in
                usleep(20_000)
                tally.record(k, group: 1)
            }
        }
        #expect(tally.all.count == 12)
        #expect(tally.threadCount(group: 1) > 1)
    }
}
