import GRDB
import IncidentModel
