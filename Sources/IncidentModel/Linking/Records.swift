/// The dataset's records, borrowed for the length of a parallel step (pairing, building
/// incidents): read through these, the workers count no references to the arrays (which both
/// cores would contend on, record by record), and a field is read in place, the record never
/// copied.
///
/// Not checked by the compiler: valid only inside ``borrowing(_:_:)``.
struct Records: @unchecked Sendable {
    let episodes: UnsafeBufferPointer<LAEpisode>
    let reports: UnsafeBufferPointer<PoliceReport>
    let children: UnsafeBufferPointer<Child>

    static func borrowing<R>(_ dataset: Dataset, _ body: (Records) -> R) -> R {
        dataset.episodes.withUnsafeBufferPointer { episodes in
            dataset.policeReports.withUnsafeBufferPointer { reports in
                dataset.children.withUnsafeBufferPointer { children in
                    body(Records(episodes: episodes, reports: reports, children: children))
                }
            }
        }
    }
}
