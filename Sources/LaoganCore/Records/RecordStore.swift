import LaoganModel
import LaoganStore
import LaoganText

/// Which records a list shows. Dates bound the record's own date (facts); `cadre` keeps those that list or
/// name that cadre.
public struct RecordFilter: Sendable {
  public var region: Region?
  public var from: CalendarDate?
  public var to: CalendarDate?
  /// A cadre reference (id, 身份证号 or unique name).
  public var cadre: String?
  /// A value of the kind's type column (类型, 类别, 领域, 级别).
  public var type: String?
  public var limit: Int?

  public init(
    region: Region? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil, cadre: String? = nil,
    type: String? = nil, limit: Int? = nil
  ) {
    self.region = region
    self.from = from
    self.to = to
    self.cadre = cadre
    self.type = type
    self.limit = limit
  }
}

extension LaoganDatabase {
  /// `KIND add`: one record, validated exactly as an imported row.
  public func addRecord<Kind: RecordKind>(_ kind: Kind.Type, cells: [Kind.Field: String], _ context: AuditContext)
    throws -> (record: Kind.Record, notes: [String])
  {
    try write(context) { writer in
      let saver = try RecordSaver<Kind>(writer, update: false)
      if let keyField = Kind.keyField, let key = try Kind.key(of: FieldReader(cells: cells), writer.lookup),
        let existing = try Kind.find(key, in: writer.db)
      {
        throw LaoganError.invalidValue(
          field: keyField.rawValue, value: (try? ResidentID(key))?.masked ?? cells[keyField] ?? key,
          reason: "已登记为记录 \(existing.id ?? 0)；修改请用 edit")
      }
      let saved = try saver.save(cells, over: nil)
      return (saved.record, saved.notes)
    }
  }

  /// `KIND edit`: changes some fields and validates the whole record again.
  public func editRecord<Kind: RecordKind>(
    _ kind: Kind.Type, _ reference: String, changes: [Kind.Field: String], _ context: AuditContext
  ) throws -> Kind.Record {
    try write(context) { writer in
      let existing = try LaoganDatabase.resolve(kind, reference, writer.db)
      guard existing.voidedReason == nil else { throw LaoganError.recordVoided(reference) }
      let cells = try Kind.cells(of: existing, writer.lookup).merging(changes) { _, new in new }
      if let keyField = Kind.keyField, let key = try Kind.key(of: FieldReader(cells: cells), writer.lookup),
        let other = try Kind.find(key, in: writer.db), other.id != existing.id
      {
        throw LaoganError.invalidValue(field: keyField.rawValue, value: key, reason: "已被记录 \(other.id ?? 0) 使用")
      }
      return try RecordSaver<Kind>(writer, update: true).save(changes, over: existing, allowUpdate: true).record
    }
  }

  /// `KIND void`: keeps the record, marked with the reason; lists and reports leave it out.
  public func voidRecord<Kind: RecordKind>(
    _ kind: Kind.Type, _ reference: String, reason: String, closingMembershipsOn day: CalendarDate? = nil,
    _ context: AuditContext
  )
    throws -> Kind.Record
  {
    let reason = try VoidReason.checked(reason)
    return try write(context) { writer in
      let old = try LaoganDatabase.resolve(kind, reference, writer.db)
      guard old.voidedReason == nil else { throw LaoganError.recordVoided(reference) }
      try Kind.refuseVoid(of: old, writer.db)
      try Kind.closeMembers(of: old, on: day, writer)
      var record = old
      record.voidedReason = reason
      try writer.update(record, from: old)
      return record
    }
  }

  public func record<Kind: RecordKind>(_ kind: Kind.Type, _ reference: String) throws -> Kind.Record {
    try read { db in try LaoganDatabase.resolve(kind, reference, db) }
  }

  /// Records of a kind, not voided, by the filter; facts newest first, named records by region and name.
  public func records<Kind: RecordKind>(_ kind: Kind.Type, _ filter: RecordFilter) throws -> [Kind.Record] {
    try read { db in
      let table = Kind.Record.tableName
      var conditions = [RecordSQL.inForce(table)]
      var arguments: SQLArguments = []
      if let region = filter.region {
        let codes = region.coveredCodes.map { "'\($0)'" }.joined(separator: ",")
        switch Kind.region {
        case .own: conditions.append("\(table).region_code IN (\(codes))")
        // Payments, checks and cards count where their cadre is managed (SPEC §5).
        case .cadres:
          conditions.append("(SELECT region_code FROM cadre WHERE cadre.id = \(table).cadre_id) IN (\(codes))")
        case .organizations:
          conditions.append(
            "(SELECT region_code FROM party_organization o WHERE o.id = \(table).organization_id) IN (\(codes))")
        case .none:
          throw LaoganError.invalidValue(
            field: "--region", value: region.shortName, reason: "\(Kind.label)不分地区（全州一本账）")
        }
      }
      if let date = Kind.dateSQL {
        if let from = filter.from { conditions.append("\(date) >= ?"); arguments.append(from) }
        if let to = filter.to { conditions.append("\(date) <= ?"); arguments.append(to) }
      }
      if let type = filter.type {
        guard let column = Kind.typeColumn else {
          throw LaoganError.invalidValue(field: "--type", value: type, reason: "\(Kind.label)没有类型")
        }
        conditions.append("\(table).\(column) = ?")
        arguments.append(type)
      }
      if let reference = filter.cadre {
        let cadre = try LaoganDatabase.cadre(reference, in: db)
        if let participants = Kind.participantTable {
          // Either list of a meeting: who attended and who was excused.
          let lists = [participants, Kind.excusedTable].compactMap { $0 }.map { "'\($0)'" }.joined(separator: ", ")
          conditions.append(
            "\(table).id IN (SELECT event_id FROM participant WHERE event_table IN (\(lists)) AND cadre_id = ?)")
        } else if let column = Kind.cadreColumn {
          conditions.append("\(table).\(column) = ?")
        } else {
          throw LaoganError.invalidValue(field: "--cadre", value: reference, reason: "\(Kind.label)不按干部筛选")
        }
        arguments.append(cadre.id)
      }
      let order = Kind.dateSQL.map { "\($0) DESC, \(table).id DESC" } ?? "\(table).id"
      let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
      return try db.records(
        Kind.Record.self,
        sql: "SELECT \(Kind.Record.selection) FROM \(table) WHERE \(conditions.joined(separator: " AND "))"
          + " ORDER BY \(order)\(limit)", arguments: arguments)
    }
  }

  static func resolve<Kind: RecordKind>(_ kind: Kind.Type, _ reference: String, _ db: any SQLSession) throws
    -> Kind.Record
  {
    guard let record = try Kind.find(reference, in: db) else {
      throw LaoganError.recordNotFound(label: Kind.label, reference: Masking.inText(reference))
    }
    return record
  }
}

/// A void's 作废原因 is typed text like any cell: one line, NFC, no control characters, not blank.
enum VoidReason {
  static func checked(_ typed: String) throws -> String {
    let (reason, control) = CellText.admitted(typed.trimmed)
    if let control {
      throw LaoganError.invalidValue(
        field: "--reason", value: CellText.printable(reason, lineBreaks: false),
        reason: "含有控制字符 \(CellText.name(of: control))")
    }
    guard !reason.isEmpty else { throw LaoganError.invalidValue(field: "--reason", value: "", reason: "必填，不能为空") }
    return reason
  }
}

extension RecordKind {
  /// A record by id, or by its key for named kinds.
  public static func find(_ reference: String, in db: any SQLSession) throws -> Record? {
    let text = CellText.key(reference.trimmed)
    let byID = "SELECT \(Record.selection) FROM \(Record.tableName) WHERE id = ?"
    if text.count < 15, text.allSatisfy(\.isASCIIDigit), let id = Int64(text) {
      return try db.record(Record.self, sql: byID, arguments: [id])
    }
    guard keyField != nil, let key = storedKey(text) else { return nil }
    return try db.record(
      Record.self, sql: "SELECT \(Record.selection) FROM \(Record.tableName) WHERE \(keyColumn) = ?", arguments: [key])
  }
}
