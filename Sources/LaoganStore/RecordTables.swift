import GRDB
import LaoganModel
import LaoganText

// Each record of the model as a row of its table, and each value as a column's value: the only place the
// model meets GRDB. The model's `CodingKeys` name the columns, for reading and writing; a record stored by one
// prepared statement a table (`ColumnList`) says only which of them it never writes and which it works out.

extension Permit: FetchableRecord, ColumnList {
  public static let databaseTableName = "permit"

  /// The day the open loan of permit row `permit` began.
  static let openLoan = "(SELECT lent_on FROM permit_loan WHERE permit_id = permit.id AND returned_on IS NULL)"

  public static let selection = "permit.*, \(openLoan) AS lent_on"

  /// Every request for permits reads the open loan too, so `lentOn` is always filled.
  public static var databaseSelection: [any SQLSelectable] {
    [AllColumns(), SQL(sql: openLoan).forKey("lent_on")]
  }

  package static let readOnlyColumns: Set<String> = ["lent_on"]
}

extension PermitLoan: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "permit_loan"
}

extension Trip: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "trip"
}

extension Cadre: FetchableRecord, ColumnList {
  public static let databaseTableName = "cadre"

  /// The name of the organization whose membership is open, for a cadre row named `cadre`.
  static let currentOrganization = """
    (SELECT o.name FROM membership m JOIN party_organization o ON o.id = m.organization_id \
    WHERE m.cadre_id = cadre.id AND m.left_on IS NULL)
    """

  public static let selection = "cadre.*, \(currentOrganization) AS party_organization"

  /// Every request for cadres reads the current organization too, so `partyOrganization` is always filled.
  public static var databaseSelection: [any SQLSelectable] {
    [AllColumns(), SQL(sql: currentOrganization).forKey("party_organization")]
  }

  package static let readOnlyColumns: Set<String> = ["party_organization"]

  /// The pinyin keys that name search matches are stored with the row.
  package var derivedColumns: [(column: String, value: (any SQLValueConvertible)?)] {
    [("search_keys", PinyinKeys.shared.keys(for: name))]
  }
}

extension BenefitRule: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "benefit_rule"
}

extension Payment: FetchableRecord, ColumnList {
  public static let databaseTableName = "payment"
}

extension FundEntry: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "fund_entry"
}

extension HealthCheck: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "health_check"
}

extension GreenCard: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "green_card"
}

extension PartyOrganization: FetchableRecord, ColumnList {
  public static let databaseTableName = "party_organization"

  /// The cadre holding the 书记 post of organization row `party_organization` today.
  static var currentSecretary: String {
    "(SELECT cadre_id FROM officer WHERE \(Officer.secretaryInForce(of: "party_organization.id")) LIMIT 1)"
  }

  public static var selection: String { "party_organization.*, \(currentSecretary) AS secretary_id" }

  /// Every request for organizations reads the current 书记 too, so `secretaryID` is always filled.
  public static var databaseSelection: [any SQLSelectable] {
    [AllColumns(), SQL(sql: currentSecretary).forKey("secretary_id")]
  }

  package static let readOnlyColumns: Set<String> = ["secretary_id"]
}

extension Officer: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "officer"

  /// The 书记 term of organization `organization` (an SQL expression) in force today, over the officer table:
  /// begun by today (or on an unknown day), not ended by today — a term with a planned 离任日期 is current
  /// until then.
  package static func secretaryInForce(of organization: String, on day: String = SQLDialect.today) -> String {
    """
    organization_id = \(organization) AND post = '书记' AND \(RecordSQL.inForce()) \
    AND (started_on IS NULL OR started_on <= \(day)) \
    AND (ended_on IS NULL OR ended_on > \(day))
    """
  }
}

extension Membership: FetchableRecord, ColumnList {
  public static let databaseTableName = "membership"
}

extension LaoganModel.Association: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "association"
}

extension AssociationMember: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "association_member"
}

extension Venue: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "venue"
}

extension Activity: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "activity"
}

extension Meeting: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "meeting"
}

extension TreatmentEvent: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "treatment_event"
}

extension Contribution: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "contribution"
}

extension Honor: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "honor"
}

extension DuesStandard: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "dues_standard"
}

extension Pension: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "pension"
}

extension DuesPayment: FetchableRecord, ColumnList {
  public static let databaseTableName = "dues_payment"
}

extension Transfer: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "transfer"
}

extension HospitalStay: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "hospital_stay"
}

extension FamilyMember: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "family_member"
}

extension Term: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "term"
}

extension Course: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "course"
}

extension Enrolment: FetchableRecord, AuditedRecord {
  public static let databaseTableName = "enrolment"
}

// MARK: - Values

/// A value GRDB stores by its `SQLValueConvertible` form, the same on every engine.
protocol StoredBySQLValue: DatabaseValueConvertible, SQLValueConvertible {}

extension StoredBySQLValue {
  public var databaseValue: DatabaseValue { sqlValue.databaseValue }
  public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? { Self(sqlValue: SQLValue(dbValue)) }
}

extension CalendarDate: StoredBySQLValue {}
extension Month: StoredBySQLValue {}
extension Fen: StoredBySQLValue {}

/// Stored by its 族 name, as `RawRepresentable` values are.
extension Ethnicity: DatabaseValueConvertible {}

// Each closed list stored by its label (`ClosedSet`), which the schema's CHECK holds to the list.

extension ActivityPlace: DatabaseValueConvertible {}
extension ActivityType: DatabaseValueConvertible {}
extension Advantage: DatabaseValueConvertible {}
extension AssociationCategory: DatabaseValueConvertible {}
extension BenefitItem: DatabaseValueConvertible {}
extension CadreCategory: DatabaseValueConvertible {}
extension ContributionArea: DatabaseValueConvertible {}
extension Custody: DatabaseValueConvertible {}
extension FamilyRelation: DatabaseValueConvertible {}
extension FundEntryType: DatabaseValueConvertible {}
extension HonorLevel: DatabaseValueConvertible {}
extension MeetingType: DatabaseValueConvertible {}
extension ModelLevel: DatabaseValueConvertible {}
extension OfficerPost: DatabaseValueConvertible {}
extension OrganizationType: DatabaseValueConvertible {}
extension PartyStatus: DatabaseValueConvertible {}
extension PermitType: DatabaseValueConvertible {}
extension Rank: DatabaseValueConvertible {}
extension ResettlementScope: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension TransferDirection: DatabaseValueConvertible {}
extension TreatmentType: DatabaseValueConvertible {}
extension UnitType: DatabaseValueConvertible {}
extension VenueType: DatabaseValueConvertible {}
extension VisitOccasion: DatabaseValueConvertible {}
