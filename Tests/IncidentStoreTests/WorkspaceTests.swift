import Testing
@testable import IncidentStore
