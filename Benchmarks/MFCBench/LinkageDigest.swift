// `mfc-bench DIR --digest`: the probabilistic linker's complete result on a folder, as one
// checksum and a few counts, so that a change meant to make it faster can be shown to change
// nothing: every report's link (child, method, exact weight), every review candidate (child,
// weight, runner-up) and every m and u of the model.
import Foundation
import IncidentModel

/// FNV-1a over the bytes fed to it.
struct Digest {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        value ^= 0xFF
        value = value &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ number: Double) { add(String(number.bitPattern)) }
}

/// Links the folder with the probabilistic model and prints the checksum of the result.
func printProbabilisticDigest(directory: String) throws {
    let dataset = try DatasetLoader.load(paths: [directory], zone: .europeLondon)
    let (linkage, seconds) = time { ProbabilisticPersonLinker().run(LinkContext(dataset: dataset)) }
    var digest = Digest()
    var linked = 0
    for (r, link) in linkage.links.enumerated() {
        guard let link else { continue }
        linked += 1
        digest.add("\(r) \(link.child) \(link.method.rawValue)")
        if let weight = link.weight { digest.add(weight) }
    }
    for review in linkage.review {
        digest.add("review \(review.report) \(review.child)")
        digest.add(review.weight)
        if let runnerUp = review.runnerUp { digest.add(runnerUp) }
    }
    for table in [linkage.model.m, linkage.model.u] {
        for levels in table { for value in levels { digest.add(value) } }
    }
    digest.add(linkage.model.matchShare)
    // Review candidates that score enough to link but are too close to the next candidate.
    let close = linkage.review.filter { $0.weight >= ProbabilisticPersonLinker().thresholds.link }.count
    print("digest=\(String(digest.value, radix: 16)) reports=\(linkage.links.count) linked=\(linked) review=\(linkage.review.count) review_close=\(close) compared=\(linkage.comparedPairs) context_and_link=\(format(seconds))")
}

/// CPU seconds used so far by every thread of this process.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// `mfc-bench DIR --phases`: the probabilistic linker's phases one by one, in
/// elapsed and in CPU seconds (all threads; the CPU figure is steadier on a busy machine),
/// after the context that every linker shares.
func printProbabilisticPhases(directory: String) throws {
    let dataset = try DatasetLoader.load(paths: [directory], zone: .europeLondon)
    var figures: [String] = []
    var wall = ContinuousClock.now
    var cpu = processCPUSeconds()
    func lap(_ name: String) {
        let now = ContinuousClock.now
        let nowCPU = processCPUSeconds()
        let elapsed = now - wall
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        figures.append("\(name)=\(format(seconds))/\(format(nowCPU - cpu))")
        wall = now
        cpu = nowCPU
    }
    let context = LinkContext(dataset: dataset)
    lap("context")
    let linkage = ProbabilisticPersonLinker().run(context, phaseEnded: lap)
    let start = (ContinuousClock.now, processCPUSeconds())
    _ = IncidentLinker().link(context, links: linkage.links)
    wall = start.0
    cpu = start.1
    lap("pair_and_build")
    print("seconds elapsed/cpu: " + figures.joined(separator: " ") + " compared=\(linkage.comparedPairs)")
}
