/// How one kind of native file becomes records: its columns and how a row is decoded.
protocol RecordDecoding {
    associatedtype Record: Sendable
    /// The kind of file.
    static var kind: SourceFileKind { get }
    /// The columns, in the order the decoder refers to them by index.
    static var columns: [ColumnSpec] { get }
    /// The column whose value must be unique within the file.
    static var keyColumn: Int { get }
    /// Decodes a row; returns `nil` only when it has rejected the row through `row`.
    static func decode(_ row: inout RowDecoder) -> Record?
    /// The record's unique key.
    static func key(of record: Record) -> String
}

/// The records read from one file, the line each came from, and the report.
public struct ImportedTable<Record: Sendable>: Sendable {
    public var records: [Record]
    /// The 1-based line of each record, parallel to `records`.
    public var lines: [Int32]
    public var report: FileReport
}
