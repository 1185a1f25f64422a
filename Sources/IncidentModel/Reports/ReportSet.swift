/// Every report of one scope, computed together: what the dashboard's tabs show.
public struct ReportSet: Sendable {
    public let scope: ReportScope
    public let authorities: ReportTable
    public let homes: ReportTable
    public let forces: ReportTable
    /// The forces' register of homes (``ForceRegister/homesTable(zone:)``).
    public let forceHomes: ReportTable
    public let outOfArea: ReportTable
    /// Responsible (rows) x host (columns) authority (``OutOfAreaMatrix/matrixTable(zone:)``).
    public let outOfAreaMatrix: ReportTable
    public let trends: ReportTable
    /// `byHour[weekday][hour]` of the trends.
    public let byHour: [[Int]]

    /// Computes the five reports (five passes over the scope's incidents) and the forces'
    /// register and the out-of-area matrix from them.
    public init(_ data: ReportData, scope: ReportScope, watchThreshold: Int = HomeReport.defaultWatchThreshold) {
        self.scope = scope
        let zone = data.zone
        authorities = AuthorityScorecard(data, scope: scope).table(zone: zone)
        homes = HomeReport(data, scope: scope, watchThreshold: watchThreshold).table(zone: zone)
        let register = ForceRegister(data, scope: scope)
        forces = register.table(zone: zone)
        forceHomes = register.homesTable(zone: zone)
        let matrix = OutOfAreaMatrix(data, scope: scope)
        outOfArea = matrix.table(zone: zone)
        outOfAreaMatrix = matrix.matrixTable(zone: zone)
        let trends = Trends(data, scope: scope)
        self.trends = trends.table(zone: zone)
        byHour = trends.byHour
    }
}
