import Foundation
import Testing
@testable import IncidentModel

/// The command line's typed JSON (``JSONValue``).
struct JSONValueTests {
    @Test func writesTypedValuesThatParseBack() throws {
        let value: JSONValue = .object([
            ("name", "Oak \"House\"\n"), ("count", 3), ("share", .decimal(-0.125, places: 2)), ("open", true),
            ("unknown", .null), ("ids", .array(["0012", "P/1"])), ("nested", .array([.object([("a", 1)])])),
            ("nan", .decimal(.nan, places: 1)), ("empty", .array([])),
        ])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
        #expect(parsed["name"] as? String == "Oak \"House\"\n")
        #expect(parsed["count"] as? Int == 3)
        #expect(parsed["share"] as? Double == -0.13)
        #expect(parsed["unknown"] is NSNull)
        #expect(parsed["nan"] is NSNull)
        #expect(parsed["ids"] as? [String] == ["0012", "P/1"])
        #expect(value.text.contains(#""open": true"#))
        #expect(value.text.contains(#""ids": ["0012", "P/1"]"#))
        #expect(value.field("count") == 3)
        #expect(value.field("missing") == .null)
    }
}
