import IncidentModel

/// libFuzzer's entry: one input through the CSV reader and every row decoder
/// (``FuzzHarness``). A broken check traps, which libFuzzer reports with the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let failure = FuzzHarness.check(bytes) {
        preconditionFailure(failure)
    }
    return 0
}
