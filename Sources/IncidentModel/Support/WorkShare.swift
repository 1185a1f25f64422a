import Dispatch
import Foundation

/// Several jobs run on every core at once, each free to split its own work into pieces that
/// any idle core takes up.
///
/// `DispatchQueue.concurrentPerform` called inside another runs on one thread, so a job that
/// splits its work (a large file read in pieces) would keep to its own core while a core whose
/// job finished early sat idle. Inside ``run(jobs:_:)``, ``ParallelMap`` hands its pieces to the
/// share instead: a core that runs out of work takes the next piece of any job, the oldest job
/// first.
///
/// A thread waits only while every piece it waits for is being run by another thread, and a
/// waiting thread runs any piece offered, so the jobs cannot wait on each other forever.
package final class WorkShare: @unchecked Sendable {
    /// The share whose workers the current thread belongs to, if any.
    @TaskLocal package static var current: WorkShare?

    /// One call's pieces: `body(k)` for `k` in `0..<count`.
    private final class Batch {
        /// Cleared by the owner once every piece is done, so no helper keeps it past the call.
        var body: ((Int) -> Void)?
        let count: Int
        var next = 0
        var done = 0

        init(body: @escaping (Int) -> Void, count: Int) {
            self.body = body
            self.count = count
        }
    }

    private let condition = NSCondition()
    /// Batches with pieces not yet taken, oldest first.
    private var open: [Batch] = []
    private let jobs: Int
    private var nextJob = 0
    private var jobsLeft: Int

    private init(jobs: Int) {
        self.jobs = jobs
        jobsLeft = jobs
    }

    /// Runs `job(n)` for every `n` in `0..<jobs` on every core: each core takes the next job,
    /// and between and after its jobs runs the pieces of the others. Returns when all are done.
    package static func run(jobs: Int, _ job: @Sendable (Int) -> Void) {
        let share = WorkShare(jobs: jobs)
        let workers = min(jobs, ProcessInfoCores.count)
        guard workers > 1 else {
            for n in 0..<jobs { job(n) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            WorkShare.$current.withValue(share) {
                while let n = share.takeJob() {
                    job(n)
                    share.finishJob()
                }
                share.helpUntilJobsDone()
            }
        }
    }

    /// Runs `body(k)` for every `k` in `0..<count`, on this thread and on any idle worker of
    /// the share; returns when all are done. This thread runs its own pieces first.
    package func forEach(count: Int, _ body: (Int) -> Void) {
        guard count > 1 else {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let batch = Batch(body: body, count: count)
            condition.lock()
            open.append(batch)
            condition.broadcast()
            while batch.done < batch.count {
                if let (taken, k, task) = takePiece(preferring: batch) {
                    runPiece(taken, k, task)
                } else {
                    condition.wait()
                }
            }
            batch.body = nil
            condition.unlock()
        }
    }

    /// Called with the lock held; returns with it held.
    private func runPiece(_ batch: Batch, _ k: Int, _ task: (Int) -> Void) {
        condition.unlock()
        task(k)
        condition.lock()
        batch.done += 1
        if batch.done == batch.count { condition.broadcast() }
    }

    /// The next piece, from `preferred` while it has any, else from the oldest batch. Called
    /// with the lock held.
    private func takePiece(preferring preferred: Batch?) -> (Batch, Int, (Int) -> Void)? {
        let batch: Batch
        if let preferred, preferred.next < preferred.count {
            batch = preferred
        } else if let oldest = open.first {
            batch = oldest
        } else {
            return nil
        }
        guard let body = batch.body else { return nil }
        let k = batch.next
        batch.next += 1
        if batch.next == batch.count, let index = open.firstIndex(where: { $0 === batch }) { open.remove(at: index) }
        return (batch, k, body)
    }

    private func takeJob() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard nextJob < jobs else { return nil }
        nextJob += 1
        return nextJob - 1
    }

    private func finishJob() {
        condition.lock()
        jobsLeft -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Runs other jobs' pieces until every job is done.
    private func helpUntilJobsDone() {
        condition.lock()
        while jobsLeft > 0 {
            if let (taken, k, task) = takePiece(preferring: nil) {
                runPiece(taken, k, task)
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }
}
