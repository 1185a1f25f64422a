extension Array where Element == Int32 {
    /// Sorts the numbers in ascending order and keeps each once. A short array (a report's
    /// candidates, a few dozen) is sorted by insertion, in place, with no buffer to allocate.
    mutating func sortAndRemoveDuplicates() {
        guard count > 1 else { return }
        if count <= 64 {
            withUnsafeMutableBufferPointer { items in
                for i in 1..<items.count {
                    let item = items[i]
                    var j = i
                    while j > 0 && items[j - 1] > item {
                        items[j] = items[j - 1]
                        j -= 1
                    }
                    items[j] = item
                }
            }
        } else {
            sort()
        }
        var kept = 1
        for i in 1..<count where self[i] != self[kept - 1] {
            self[kept] = self[i]
            kept += 1
        }
        removeLast(count - kept)
    }
}
