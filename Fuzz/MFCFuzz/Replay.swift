#if !FUZZING
import Foundation
import IncidentModel

/// Built without libFuzzer (the ordinary `swift build`), the target replays the files named on
/// its command line through the same checks, and exits 1 at the first that fails.
@main
enum Replay {
    static func main() {
        var failed = false
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = try? FileBytes.read(path: path) else {
                print("\(path): cannot read")
                failed = true
                continue
            }
            if let failure = FuzzHarness.check(bytes) {
                print("\(path): \(TextSanitiser.visible(failure))")
                failed = true
            }
        }
        exit(failed ? 1 : 0)
    }
}
#endif
