import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// A kind of record clerks import, add, edit, list and export (SPEC §3, §4). Each kind says how a row of
/// cells becomes a record and back; the import, the one-at-a-time commands and the exports are shared.
public protocol RecordKind: SendableMetatype {
  associatedtype Field: ImportField
  associatedtype Record: AuditedRecord & Decodable & Equatable & Sendable & Voidable

  /// The word of `import KIND` and `export KIND`: `activities`.
  static var name: String { get }
  /// What a clerk calls one record: 活动.
  static var label: String { get }
  /// For records a clerk names — cadres by 身份证号, organizations by 名称 — the cell that identifies one, so
  /// importing a roster again updates it instead of duplicating. Nil for facts (events, payments): two alike
  /// rows are two facts.
  static var keyField: Field? { get }
  /// The stored form of a key as typed (a 15-digit 身份证号 upgraded); nil when it cannot be one.
  static func storedKey(_ text: String) -> String?
  /// The stored key a row names, for kinds with one: its key cell's `storedKey`, or, for a kind named by
  /// several cells (a family member: cadre, 关系, 姓名), those put together; nil when the row names none.
  static func key(of row: FieldReader<Field>, _ lookup: Lookup) throws -> String?
  /// The column holding the key.
  static var keyColumn: String { get }
  /// The `participant.event_table` under which the cadres a record lists are linked, if it lists any.
  static var participantTable: String? { get }
  /// The `participant.event_table` of a second list of cadres a record keeps apart from the first: those
  /// excused from a meeting (请假) beside those who attended it.
  static var excusedTable: String? { get }
  /// The columns a short list shows.
  static var listFields: [Field] { get }
  /// The record's own date as an SQL expression over its table, which `--from/--to` bound and lists sort
  /// by; nil for named records.
  static var dateSQL: String? { get }
  /// The column `--type` filters on; nil when the kind has no type.
  static var typeColumn: String? { get }
  /// The column naming one cadre, for kinds that name one rather than list participants (honours).
  static var cadreColumn: String? { get }
  /// Where the record counts for `--region` and the reports' scope.
  static var region: RecordRegion { get }
  /// The record a command line names: by id, or by its key for named kinds.
  static func find(_ reference: String, in db: any SQLSession) throws -> Record?

  /// Reads one row; problems and notes go to the reader.
  static func parse(_ cells: inout FieldReader<Field>, _ lookup: Lookup) throws -> Parsed<Record>?
  /// A record as unmasked cells: what export writes and what an edit starts from.
  static func cells(of record: Record, _ lookup: Lookup) throws -> [Field: String]
  /// Whether an import's reading thread may look up a row's stored record and read the row into its record
  /// ahead of the writer (`WorkAhead`), through a connection that sees the database as the command found it.
  /// True only for a kind whose rows read nothing the import writes — a row's parse no record of any kind
  /// the import writes, its save no record of its own kind but its own — so that what the reading thread
  /// saw is what the writer would see.
  static var parsesAhead: Bool { get }
  /// Writes what belongs with a row's record but not in it (a cadre's membership); after insert (`added`) or
  /// update.
  static func afterSave(_ parsed: Parsed<Record>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup) throws
  /// A group's memberships still open when the group is voided (`void`): each closed on `day`, or, without
  /// one, the void refused naming how many are open — members are never left in a group that is gone.
  static func closeMembers(of record: Record, on day: CalendarDate?, _ writer: AuditedWriter) throws
  /// Refuses the void of a record others still stand on — a permit lent or travelled on, a trip its permit
  /// was lent for and is not back from — saying what to do first.
  static func refuseVoid(of record: Record, _ db: any SQLSession) throws
  /// Whether records of the kind have members (`closeMembers` may refuse a void).
  static var hasMembers: Bool { get }
  /// Imports a file of this kind (`LaoganDatabase.importRecords`); one implementation serves every kind.
  static func importFile(
    _ url: URL, into database: LaoganDatabase, options: ImportOptions, _ context: AuditContext,
    progress: (ImportProgress) -> Void
  ) throws -> ImportSummary
}

/// Which region a record belongs to (SPEC §5).
public enum RecordRegion: Sendable {
  /// Its own 地区 column (events, organizations, venues …).
  case own
  /// Its cadre's 管理地区: payments, health checks and cards have no region of their own.
  case cadres
  /// Its Party organization's 地区: a branch's officers.
  case organizations
  /// None: the bureau's one hardship fund serves every region.
  case none
}

/// A row read into a record, with the cadres it lists when it lists them and the Party organization it names
/// when that is no column of the record (a cadre's 所在党组织, kept as a membership by `afterSave`).
public struct Parsed<Record> {
  public var record: Record
  package var participants: [Lookup.CadreRef]?
  /// The cadres of the kind's second list (`excusedTable`): a meeting's 请假.
  package var excused: [Lookup.CadreRef]?
  package var organizationID: Int64?

  public init(
    _ record: Record, participants: [Lookup.CadreRef]? = nil, excused: [Lookup.CadreRef]? = nil,
    organizationID: Int64? = nil
  ) {
    self.record = record
    self.participants = participants
    self.excused = excused
    self.organizationID = organizationID
  }
}

extension RecordKind {
  public static var keyField: Field? { nil }
  public static func storedKey(_ text: String) -> String? { text.trimmed.isEmpty ? nil : text.trimmed }
  public static func key(of row: FieldReader<Field>, _ lookup: Lookup) throws -> String? {
    keyField.flatMap { row.text($0) }.flatMap(storedKey)
  }
  public static var keyColumn: String { "name" }
  public static var participantTable: String? { nil }
  public static var excusedTable: String? { nil }
  public static var dateSQL: String? { nil }
  /// Whether the kind's records have a date of their own (`--from/--to`): asked of the spelling on either
  /// engine, since every engine has the date or none does.
  public static var isDated: Bool { SQLDialect.$bound.withValue(.sqlite) { dateSQL != nil } }
  public static var typeColumn: String? { "kind" }
  public static var cadreColumn: String? { nil }
  public static var region: RecordRegion { .own }
  public static func closeMembers(of record: Record, on day: CalendarDate?, _ writer: AuditedWriter) throws {}
  public static var hasMembers: Bool { false }
  public static func refuseVoid(of record: Record, _ db: any SQLSession) throws {}
  public static func afterSave(_ parsed: Parsed<Record>, added: Bool, _ writer: AuditedWriter, _ lookup: Lookup)
    throws
  {}
  public static var parsesAhead: Bool { false }
  /// The table the kind's records live in.
  package static var tableName: String { Record.tableName }
  /// Facts are imported once per file unless `--again`.
  package static var isFact: Bool { keyField == nil }
  /// Whether an import of this kind has its rows checked against the database's constraints at commit
  /// (`CommitCheck`) rather than statement by statement: an import adds and updates records and what goes
  /// with them (a cadre's membership, a branch's secretary), deleting none — unless the kind lists
  /// participants, whose rows are replaced.
  static var checkedAtCommit: Bool { participantTable == nil }
}

extension RecordKind {
  /// The participants cell of a record that lists cadres: their 身份证号 joined by `;`.
  static func participantCell(of id: Int64?, _ lookup: Lookup) throws -> String {
    try listCell(participantTable, of: id, lookup)
  }

  /// The cell of the second list (a meeting's 请假), as `participantCell`.
  static func excusedCell(of id: Int64?, _ lookup: Lookup) throws -> String {
    try listCell(excusedTable, of: id, lookup)
  }

  private static func listCell(_ table: String?, of id: Int64?, _ lookup: Lookup) throws -> String {
    guard let table, let id else { return "" }
    return try lookup.participants(of: table, id: id).map(\.residentID).joined(separator: ";")
  }
}

/// Every record kind, in the order their files import without dangling references (SPEC §4).
extension RecordKind {
  /// Each field's alias and Chinese header, for naming stored columns to a clerk (the audit log).
  static var fieldLabels: [(alias: String, label: String)] { Field.allCases.map { ($0.alias, $0.rawValue) } }
}

public enum RecordKinds {
  /// Computed, not stored: an array of metatypes is not `Sendable`, and twelve pointers cost nothing to make.
  public static var all: [any RecordKind.Type] {
    [
      OrganizationKind.self, CadreKind.self, FamilyKind.self, OfficerKind.self, AssociationKind.self, VenueKind.self,
      ActivityKind.self, TreatmentKind.self, FundKind.self, PaymentKind.self, HealthCheckKind.self,
      GreenCardKind.self, ContributionKind.self, HonorKind.self, DuesStandardKind.self, DuesKind.self,
      TransferKind.self, HospitalStayKind.self, PensionKind.self, MeetingKind.self, PermitKind.self, TripKind.self,
      TermKind.self, CourseKind.self, EnrolmentKind.self,
    ]
  }

  /// The kind an `import`/`export` word names (`cadres`, `health-checks` …).
  public static func named(_ name: String) -> (any RecordKind.Type)? {
    all.first { $0.name == name }
  }

  /// The kind stored in a table.
  static func stored(in table: String) -> (any RecordKind.Type)? {
    all.first { $0.tableName == table }
  }
}
