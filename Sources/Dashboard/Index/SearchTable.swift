/// Names folded by ``TextFold`` and packed into one buffer, for substring search over many names at once.
struct SearchTable: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    init(_ names: [String]) {
        for name in names {
            bytes.append(contentsOf: TextFold.fold(name).utf8)
            starts.append(bytes.count)
        }
    }

    /// For each name, whether it contains `needle` (already folded by ``TextFold``).
    func matches(_ needle: String) -> [Bool] {
        let pattern = Array(needle.utf8)
        let count = starts.count - 1
        guard let first = pattern.first else { return Array(repeating: true, count: count) }
        var result = Array(repeating: false, count: count)
        bytes.withUnsafeBufferPointer { buffer in
            for n in 0..<count {
                let end = starts[n + 1] - pattern.count
                var i = starts[n]
                while i <= end {
                    if buffer[i] == first {
                        var k = 1
                        while k < pattern.count && buffer[i + k] == pattern[k] { k += 1 }
                        if k == pattern.count {
                            result[n] = true
                            break
                        }
                    }
                    i += 1
                }
            }
        }
        return result
    }
}
