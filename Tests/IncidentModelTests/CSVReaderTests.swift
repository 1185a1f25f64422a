import Testing
@testable import IncidentModel
