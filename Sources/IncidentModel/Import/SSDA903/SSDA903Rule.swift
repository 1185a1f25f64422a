/// The checks mfc applies to an SSDA903 `Missing` table, each shown in diagnostics by its code.
///
/// The numbered ones are the DfE's own validation rules for the return; `no-placement` is mfc's
/// (the DfE has no number for it): a period that no placement episode covers has no home.
public enum SSDA903Rule: String, Hashable, Sendable, CaseIterable {
    /// `MISSING` is not `M` (missing) or `A` (away without authorisation). Kept, read as `M`.
    case typeNotMissingOrAway = "1006"
    /// `MIS_START` is blank or not a valid date. Rejected: the period has no start.
    case startNotADate = "1004"
    /// `MIS_END` is not a valid date. Rejected: a closed period must never be read as open.
    case endNotADate = "1005"
    /// `MIS_END` is before `MIS_START`. Rejected.
    case endBeforeStart = "567"
    /// The period starts while the child's previous period is still open, or before it ended.
    /// Kept with a warning on the later period.
    case overlapsPrevious = "574"
    /// The period starts before the child's date of birth. Kept with a warning.
    case startBeforeBirth = "586"
    /// No placement episode of the child covers `MIS_START`. Kept with a warning; the home is
    /// unknown.
    case outsidePlacements = "no-placement"
}
