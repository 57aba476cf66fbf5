import Foundation
import LaoganModel
import LaoganStore
import LaoganText

/// 通知: a notice to cadres (SPEC §16) — its day, title and text, and how its recipients were chosen.
public struct Notice: Sendable, Equatable, Codable, AuditedRecord {
  public static let databaseTableName = "notice"
  public var id: Int64?
  public var sentOn: CalendarDate
  public var title: String
  public var text: String?
  /// The options that chose the recipients (`NoticeSelection.options(on:)`).
  public var chosenBy: String

  enum CodingKeys: String, CodingKey {
    case id, title
    case sentOn = "sent_on"
    case text = "body"
    case chosenBy = "chosen_by"
  }
}

/// Whether a notice reached a recipient: no phone to send it to, named in a gateway's failure report, or
/// neither — reached, as far as the bureau knows.
public enum Reach: String, Sendable, CaseIterable {
  case reached = "已送达"
  case unreached = "未送达"
  case noPhone = "无电话"
}

/// One stored recipient row: what `notice mark` changes, through the audited writer.
private struct RecipientRow: Equatable, Codable, AuditedRecord {
  static let databaseTableName = "notice_recipient"
  var id: Int64?
  var noticeID: Int64
  var cadreID: Int64
  var unreached: Bool

  enum CodingKeys: String, CodingKey {
    case id, unreached
    case noticeID = "notice_id"
    case cadreID = "cadre_id"
  }
}

/// What `notice mark` did: the recipients it marked not reached, those marked already, and the notice after.
public struct NoticeMarking: Sendable, Equatable {
  public let marked: Int
  public let markedBefore: Int
  /// Named in the list but holding no phone: the list cannot be about them, and they stay 无电话.
  public let withoutPhone: Int
  public let summary: NoticeSummary
}

/// A notice and how many of its recipients it reached.
public struct NoticeSummary: Sendable, Equatable {
  public let notice: Notice
  public let recipients: Int
  public let reached: Int
  public let unreached: Int
  public let noPhone: Int
}

/// One recipient of a notice, with what the bureau knows to reach them by now.
public struct NoticeRecipient: Sendable, Equatable {
  public let cadreID: Int64
  public let name: String
  public let residentID: String
  package let regionCode: String
  /// Their Party organization on the notice's day, if any.
  public let organization: String?
  public let phone: String?
  public let reach: Reach
}

extension LaoganDatabase {
  /// `notice add`: records a notice and fixes its recipients — every cadre `selection` chooses on its day —
  /// in one audited command. A selection that chooses no one, or names no organization the file has, is
  /// refused and nothing is written.
  public func addNotice(
    title: String, on day: CalendarDate, text: String?, selection: NoticeSelection, _ context: AuditContext
  ) throws -> NoticeSummary {
    try write(context) { try Self.addNotice(title: title, on: day, text: text, selection: selection, $0) }
  }

  /// The notice inside a command's transaction (the demo records its own among its other records).
  static func addNotice(
    title: String, on day: CalendarDate, text: String?, selection: NoticeSelection, _ writer: AuditedWriter
  ) throws -> NoticeSummary {
    let title = try admitted(title, field: "--title", maxLength: 100)
    guard
      title.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0.properties.generalCategory != .format })
    else { throw LaoganError.invalidValue(field: "--title", value: "", reason: "通知须有标题") }
    let body = try text.map { try admitted($0, field: "--text", maxLength: 2000, note: true) }.flatMap {
      $0.isEmpty ? nil : $0
    }
    if let minAge = selection.minAge, !(0...150).contains(minAge) {
      throw LaoganError.invalidValue(field: "--min-age", value: "\(minAge)", reason: "年龄应在 0 到 150 之间")
    }
    let rollDay = selection.aliveOn ?? day
    let db = try writer.db
    var organizationID: Int64?
    if let name = selection.organization {
      guard let id = try writer.lookup.organizationID(named: CellText.key(name.trimmed)) else {
        throw LaoganError.recordNotFound(label: "党组织", reference: name)
      }
      organizationID = id
    }
    var notice = Notice(id: nil, sentOn: day, title: title, text: body, chosenBy: selection.options(on: rollDay))
    try writer.insert(&notice)
    guard let noticeID = notice.id else { throw LaoganError.database("通知未能写入") }
    let last = try db.value(Int64.self, sql: "SELECT COALESCE(MAX(id), 0) FROM notice_recipient") ?? 0
    let listed = try db.changedRows(
      by: """
        INSERT INTO notice_recipient (notice_id, cadre_id)
        SELECT :notice, c.id FROM cadre c WHERE \(selection.condition(organizationID: organizationID))
        ORDER BY c.region_code, c.id
        """,
      arguments: [
        "notice": noticeID, "day": rollDay, "sent": day, "category": selection.category?.rawValue,
        "minAge": selection.minAge,
        "organization": organizationID,
      ])
    guard listed > 0 else {
      throw LaoganError.invalidValue(
        field: "收件人", value: selection.options(on: rollDay), reason: "没有符合条件的在册干部，通知未记录")
    }
    try writer.logInsertedRows(table: "notice_recipient", after: last)
    return try noticeSummary(noticeID, db)
  }

  /// A title or text as typed, trimmed and in NFC; refused with a control character a terminal or spreadsheet
  /// would act on, or longer than `maxLength` characters. Only `note` text keeps its line breaks.
  private static func admitted(_ typed: String, field: String, maxLength: Int, note: Bool = false) throws -> String {
    let (text, control) = CellText.admitted(typed.trimmed, note: note)
    if let control {
      throw LaoganError.invalidValue(
        field: field, value: CellText.printable(String(text.prefix(20)), lineBreaks: false),
        reason: CellText.refusal(of: control))
    }
    guard text.count <= maxLength else {
      throw LaoganError.invalidValue(
        field: field, value: String(text.prefix(20)) + "…", reason: "超过 \(maxLength) 个字（\(text.count) 个）")
    }
    return text
  }

  /// `notice mark ID --unreached FILE`: marks the recipients the file names (by 身份证号 or phone, in any
  /// column) as not reached, in one audited command; marks already made stay.
  public func markUnreached(
    _ id: Int64, file: URL, encoding: TextEncoding?, sheet: String?, _ context: AuditContext
  ) throws -> NoticeMarking {
    let list = try UnreachedList(url: file, encoding: encoding, sheet: sheet)
    guard !list.entries.isEmpty else {
      throw LaoganError.invalidValue(
        field: "--unreached", value: file.lastPathComponent, reason: "文件中没有身份证号或电话，未标记任何人")
    }
    return try write(context) { try Self.markUnreached(id, list.entries, $0) }
  }

  /// The marking inside a command's transaction. A 身份证号 or mobile number that is no recipient's refuses
  /// the whole list, naming its line: it may be another notice's report. A recipient with no phone named by
  /// 身份证号 stays 无电话 — the report cannot be about a message never sent.
  static func markUnreached(_ id: Int64, _ entries: [UnreachedList.Entry], _ writer: AuditedWriter) throws
    -> NoticeMarking
  {
    let db = try writer.db
    _ = try noticeSummary(id, db)
    // A number may be shared (a couple's one phone): a failure to it fails to each who has it.
    var byKey: [UnreachedList.Key: [RecipientRow]] = [:]
    var phoneless = Set<Int64>()
    for (person, row) in try db.recordRows(
      RecipientRow.self,
      sql: """
        SELECT r.*, c.resident_id, c.phone, \(noPhone) AS no_phone
        FROM notice_recipient r JOIN cadre c ON c.id = r.cadre_id WHERE r.notice_id = ?
        """, arguments: [id])
    {
      byKey[.residentID(person["resident_id"]), default: []].append(row)
      if person["no_phone"] {
        phoneless.insert(row.cadreID)
      } else if let digits = (person["phone"] as String?).flatMap(UnreachedList.phoneDigits) {
        byKey[.phone(digits), default: []].append(row)
      }
    }
    var named: [Int64: RecipientRow] = [:]
    var problems: [ImportProblem] = []
    for entry in entries {
      if let rows = byKey[entry.key] {
        for row in rows { named[row.cadreID] = row }
      } else if case .malformedID = entry.key {
        problems.append(entry.problem("像身份证号，但不是有效的号码（校验位或出生日期不对）"))
      } else if case .residentID = entry.key {
        problems.append(entry.problem("不是通知 \(id) 的收件人（这份报告是否属于另一条通知？）"))
      } else if case .phone(let digits) = entry.key, UnreachedList.isMobile(digits) {
        problems.append(entry.problem("不是通知 \(id) 任何收件人的电话（这份报告是否属于另一条通知？）"))
      }
    }
    guard problems.isEmpty else { throw ImportFailure(problems: problems, outcome: UnreachedList.nothingMarked) }
    guard !named.isEmpty else {
      throw LaoganError.invalidValue(
        field: "--unreached", value: "", reason: "文件中的号码都不是通知 \(id) 收件人的，未标记任何人")
    }
    var marked = 0
    var before = 0
    for row in named.values.sorted(by: { ($0.id ?? 0) < ($1.id ?? 0) }) where !phoneless.contains(row.cadreID) {
      guard !row.unreached else {
        before += 1
        continue
      }
      var changed = row
      changed.unreached = true
      try writer.update(changed, from: row)
      marked += 1
    }
    return NoticeMarking(
      marked: marked, markedBefore: before, withoutPhone: named.keys.filter(phoneless.contains).count,
      summary: try noticeSummary(id, db))
  }

  /// `notice list`: every notice, newest first, with how many it reached.
  public func notices() throws -> [NoticeSummary] {
    try read { db in
      try db.values(Int64.self, sql: "SELECT id FROM notice ORDER BY sent_on DESC, id DESC").map {
        try Self.noticeSummary($0, db)
      }
    }
  }

  /// `notice show`, `notice contacts`: a notice and its recipients, in the order they were chosen.
  public func notice(_ id: Int64) throws -> (summary: NoticeSummary, recipients: [NoticeRecipient]) {
    try read { db in (try Self.noticeSummary(id, db), try Self.recipients(of: id, db)) }
  }

  /// Logs that these recipients' 身份证号 and phones were shown whole (`notice show`, `notice contacts`).
  public func logReveal(of recipients: [NoticeRecipient], _ context: AuditContext) throws {
    try write(context) { try $0.logReveal(table: Cadre.tableName, ids: recipients.map(\.cadreID)) }
  }

  static func noticeSummary(_ id: Int64, _ db: any SQLSession) throws -> NoticeSummary {
    guard let notice = try db.record(Notice.self, id: id) else {
      throw LaoganError.recordNotFound(label: "通知", reference: "\(id)")
    }
    let counts = try db.row(
      sql: """
        SELECT COUNT(*), \(SQLDialect.count(where: noPhone)),
               \(SQLDialect.count(where: "NOT \(noPhone) AND r.unreached = 1"))
        FROM notice_recipient r JOIN cadre c ON c.id = r.cadre_id WHERE r.notice_id = ?
        """, arguments: [id])
    let (total, noPhone, unreached): (Int, Int, Int) = (counts?[0] ?? 0, counts?[1] ?? 0, counts?[2] ?? 0)
    return NoticeSummary(
      notice: notice, recipients: total, reached: total - noPhone - unreached, unreached: unreached,
      noPhone: noPhone)
  }

  /// A recipient has no phone when their record holds none now: the number a notice is sent to is the one the
  /// record holds when the contacts are written, so a number corrected later is the one used.
  private static let noPhone = "COALESCE(trim(c.phone), '') = ''"

  static func recipients(of id: Int64, _ db: any SQLSession) throws -> [NoticeRecipient] {
    try db.rows(
      sql: """
        SELECT c.id, c.name, c.resident_id, c.region_code, c.phone, r.unreached, \(noPhone) AS no_phone,
          \(CadreSQL.organization(of: "c", on: "n.sent_on")) AS organization
        FROM notice_recipient r JOIN notice n ON n.id = r.notice_id JOIN cadre c ON c.id = r.cadre_id
        WHERE r.notice_id = ? ORDER BY r.id
        """, arguments: [id]
    ).map { row in
      NoticeRecipient(
        cadreID: row["id"], name: row["name"], residentID: row["resident_id"], regionCode: row["region_code"],
        organization: row["organization"], phone: (row["no_phone"] as Bool) ? nil : row["phone"],
        reach: row["no_phone"] ? .noPhone : row["unreached"] ? .unreached : .reached)
    }
  }
}
