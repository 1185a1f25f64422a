/// Every report of one scope, computed together: what the dashboard's tabs show.
public struct ReportSet: Sendable {
    public let scope: ReportScope
    public let authorities: ReportTable
    public let homes: ReportTable
    public let forces: ReportTable
    public let outOfArea: ReportTable
    public let trends: ReportTable
    /// `byHour[weekday][hour]` of the trends.
    public let byHour: [[Int]]

    /// Computes the five reports: five passes over the scope's incidents.
    public init(_ data: ReportData, scope: ReportScope, watchThreshold: Int = HomeReport.defaultWatchThreshold) {
        self.scope = scope
        let zone = data.zone
        authorities = AuthorityScorecard(data, scope: scope).table(zone: zone)
        homes = HomeReport(data, scope: scope, watchThreshold: watchThreshold).table(zone: zone)
        forces = ForceRegister(data, scope: scope).table(zone: zone)
        outOfArea = OutOfAreaMatrix(data, scope: scope).table(zone: zone)
        let trends = Trends(data, scope: scope)
        self.trends = trends.table(zone: zone)
        byHour = trends.byHour
    }
}
