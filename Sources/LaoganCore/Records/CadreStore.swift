import LaoganModel
import LaoganStore
import LaoganText

/// Which cadres a list shows.
public struct CadreFilter: Sendable {
  public var region: Region?
  public var category: CadreCategory?
  /// Only cadres alive on this day (SPEC §5: `died_on` empty or after it).
  public var aliveOn: CalendarDate?
  /// Only cadres resettled elsewhere (易地安置).
  public var resettled: Bool
  public var limit: Int?

  public init(
    region: Region? = nil, category: CadreCategory? = nil, aliveOn: CalendarDate? = nil, resettled: Bool = false,
    limit: Int? = nil
  ) {
    self.region = region
    self.category = category
    self.aliveOn = aliveOn
    self.resettled = resettled
    self.limit = limit
  }
}

// MARK: - Writes, one transaction a command

extension LaoganDatabase {
  /// `cadre die`: records the date of death, and its cause and farewell when given; the record stays.
  public func recordDeath(
    _ reference: String, on day: CalendarDate, cause: String? = nil, farewell: String? = nil,
    _ context: AuditContext
  ) throws -> Cadre {
    var changes: [CadreField: String] = [.diedOn: day.description]
    changes[.deathCause] = cause
    changes[.farewell] = farewell
    return try editRecord(CadreKind.self, reference, changes: changes, context)
  }

  /// Logs that personal information of these records was shown unmasked.
  public func logReveal<Kind: RecordKind>(of kind: Kind.Type, _ records: [Kind.Record], _ context: AuditContext)
    throws
  {
    try write(context) { writer in try writer.logReveal(table: Kind.Record.tableName, ids: records.map(\.id)) }
  }
}

// MARK: - Reads

extension LaoganDatabase {
  public func cadre(_ reference: String) throws -> Cadre {
    try read { db in try LaoganDatabase.cadre(reference, in: db) }
  }

  public func cadres(_ filter: CadreFilter) throws -> [Cadre] {
    var conditions = [RecordSQL.inForce()]
    var arguments: SQLArguments = []
    if let region = filter.region {
      let codes = region.coveredCodes
      conditions.append("region_code IN (\(Array(repeating: "?", count: codes.count).joined(separator: ", ")))")
      arguments.append(contentsOf: codes)
    }
    if let category = filter.category {
      conditions.append("category = ?")
      arguments.append(category)
    }
    if let day = filter.aliveOn {
      conditions.append(CadreSQL.alive(on: "?"))
      arguments.append(day)
    }
    if filter.resettled { conditions.append("resettled_elsewhere") }
    let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
    return try read { db in
      try db.records(
        Cadre.self,
        sql: "SELECT \(Cadre.selection) FROM cadre WHERE \(conditions.joined(separator: " AND "))"
          + " ORDER BY region_code, id" + limit,
        arguments: arguments)
    }
  }

  /// Cadres whose name contains the characters typed, or whose pinyin or initials start with them (SPEC §3).
  public func findCadres(_ query: String, limit: Int? = nil) throws -> [Cadre] {
    let text = CellText.key(query.trimmed)
    guard !text.isEmpty else { return [] }
    let isLatin = text.unicodeScalars.allSatisfy { $0.isASCII || (0xFF01...0xFF5E).contains($0.value) }
    // A key holds letters and digits only, so anything else finds no one (and is no FTS5 syntax).
    let key = isLatin ? PinyinKeys.normalizedQuery(text) : ""
    guard key.allSatisfy({ $0.isLetter || $0.isNumber }) else { return [] }
    return try read { db in
      let (condition, argument) =
        isLatin
        ? ("id IN \(SQLDialect.cadreIDs(searchedBy: "?"))", SQLDialect.searchPrefix(key))
        : ("name LIKE ? ESCAPE '\\'", "%\(LaoganDatabase.escapeLike(text))%")
      return try db.records(
        Cadre.self,
        sql: "SELECT \(Cadre.selection) FROM cadre WHERE \(RecordSQL.inForce()) AND \(condition)"
          + " ORDER BY name, id" + (limit.map { " LIMIT \($0)" } ?? ""),
        arguments: [argument])
    }
  }

  /// A cadre named on the command line: record id, 身份证号 (18 or 15 digits) or a unique name (SPEC §9).
  static func cadre(_ reference: String, in db: any SQLSession) throws -> Cadre {
    let text = CellText.key(reference.trimmed)
    if text.count < 15, text.allSatisfy(\.isASCIIDigit), let id = Int64(text) {
      guard let cadre = try db.record(Cadre.self, id: id) else { throw LaoganError.cadreNotFound(reference) }
      return cadre
    }
    if let id = try? ResidentID(text) {
      guard
        let cadre = try db.record(
          Cadre.self, sql: "SELECT \(Cadre.selection) FROM cadre WHERE resident_id = ?", arguments: [id.value])
      else {
        throw LaoganError.cadreNotFound(Masking.residentID(id.value))
      }
      return cadre
    }
    let named = try db.records(
      Cadre.self, sql: "SELECT \(Cadre.selection) FROM cadre WHERE name = ? AND \(RecordSQL.inForce()) ORDER BY id",
      arguments: [text])
    switch named.count {
    case 0: throw LaoganError.cadreNotFound(reference)
    case 1: return named[0]
    default:
      throw LaoganError.ambiguousCadre(
        text,
        candidates: named.map {
          "编号 \($0.id ?? 0) \(Masking.residentID($0.residentID)) \($0.region?.displayName ?? $0.regionCode)"
        })
    }
  }

  static func escapeLike(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
      .replacingOccurrences(of: "_", with: "\\_")
  }
}
