import Foundation
import LaoganModel
import LaoganStore

/// 重阳节: the 9th day of the 9th month of the Chinese lunar calendar (SPEC §10).
package enum ChongyangDay {
  /// The day in Gregorian `year`, or nil if the calendar gives none (it always does).
  public static func of(year: Int) -> CalendarDate? {
    // 重阳 falls between late September and early November.
    let start = CalendarDate(valid: year, 9, 15)
    return (0..<60).lazy.map { start.adding(days: $0) }.first { day in
      LunarDay(day).map { $0.month == 9 && $0.day == 9 && !$0.isLeapMonth } ?? false
    }
  }
}

extension LaoganDatabase {
  /// `report chongyang --year Y`: the cadres the 323 counts on 重阳 (alive, retired, managed) aged 70 or more
  /// that day, by age band, each marked 逢十 or 逢五 when the age is a multiple of ten or five.
  public func chongyangReport(region: Region, year: Int, generatedAt: String, reveal: Bool) throws -> ReportDocument {
    guard let day = ChongyangDay.of(year: year) else {
      throw LaoganError.invalidValue(field: "--year", value: "\(year)", reason: "无法从农历算出这一年的重阳节")
    }
    let scope = ReportScope(region: region)
    let bands: [(title: String, lowest: Int)] = [
      ("70–79 岁", 70), ("80–89 岁", 80), ("90–99 岁", 90), ("100 岁及以上", 100),
    ]
    // 70 or more on the day is born on or before that day 70 years earlier, and the oldest first is the
    // earliest born first: a range of one column, sorted by it. Columns are read by position, and each row
    // put in its band in one pass: the list runs to six figures at a province's scale.
    var banded = [[[ReportDocument.Cell]]](repeating: [], count: bands.count)
    let places = Dictionary(uniqueKeysWithValues: Region.all.map { ($0.code, $0.displayName) })
    try read { db in
      let rows = try db.cursor(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.born_on, c.region_code, c.phone
          FROM cadre c WHERE \(CadreSQL.onRoll("c", on: ":day")) AND \(scope.region("c.region_code"))
            AND c.born_on <= :seventy
          ORDER BY c.born_on, c.id
          """, arguments: ["day": day, "seventy": CalendarDate(valid: day.year - 70, day.month, day.day)])
      while let row = try rows.next() {
        let born: CalendarDate = row[3]
        let age = born.age(on: day)
        let id: String = row[2]
        let phone: String? = row[5]
        let code: String = row[4]
        guard let band = bands.lastIndex(where: { age >= $0.lowest }) else { continue }
        banded[band].append([
          .number(row[0]), .text(row[1]), .text(reveal ? id : Masking.residentID(id)), .text(row[3]),
          .number(Int64(age)), .text(age % 10 == 0 ? "逢十" : age % 5 == 0 ? "逢五" : ""),
          .text(places[code] ?? code), .text(phone.map { reveal ? $0 : Masking.phone($0) } ?? ""),
        ])
      }
    }
    let headers = ["编号", "姓名", "身份证号", "出生日期", "年龄", "逢五逢十", "管理地区", "联系电话"]
    let chongyang = Period(from: day, to: day)
    return ReportDocument(
      title: "重阳节慰问名单（\(year) 年重阳节：\(day)）",
      subtitle: ReportHeading.lines(region: region, period: chongyang, generatedAt: generatedAt)
        + ["年龄按重阳节当天计；70 岁及以上、当天在册的干部"],
      sections: bands.indices.map { band in
        .init(
          title: bands[band].title, headers: headers, rows: banded[band], notes: ["共 \(banded[band].count) 人"],
          combination: .list(total: false))
      }, span: chongyang)
  }

  /// `report party-50 --year Y`: the Party members the 323 counts on Y-07-01 who joined the Party on or before
  /// (Y−50)-07-01 (光荣在党50年); `notAwarded` leaves out those already holding an honour of that 称号.
  public func partyFiftyReport(region: Region, year: Int, notAwarded: Bool, generatedAt: String, reveal: Bool)
    throws -> ReportDocument
  {
    let day = CalendarDate(valid: year, 7, 1)
    let joinedBy = CalendarDate(valid: year - 50, 7, 1)
    let scope = ReportScope(region: region)
    let awarded = """
      EXISTS (SELECT 1 FROM honor h WHERE h.cadre_id = c.id AND \(RecordSQL.inForce("h")) \
      AND h.title = '\(Self.partyFiftyTitle)')
      """
    let rows = try read { db in
      try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.joined_party_on, c.region_code, \(awarded) AS awarded,
                 \(CadreSQL.organization(of: "c", on: ":day")) AS organization
          FROM cadre c
          WHERE \(CadreSQL.onRoll("c", on: ":day")) AND \(scope.region("c.region_code")) AND c.party_member = 1
            AND c.joined_party_on IS NOT NULL AND c.joined_party_on <= :joinedBy
            \(notAwarded ? "AND NOT \(awarded)" : "")
          ORDER BY c.joined_party_on, c.id
          """, arguments: ["day": day, "joinedBy": joinedBy])
    }.map { row -> [ReportDocument.Cell] in
      [
        .number(row["id"]), .text(row["name"]),
        .text(reveal ? row["resident_id"] : Masking.residentID(row["resident_id"])),
        .text(row["joined_party_on"]), .text(row["organization"] ?? "（未编入党组织）"),
        .text(Region.displayName(of: row["region_code"])),
        .text(row["awarded"] ? "已颁发" : "未颁发"),
      ]
    }
    return ReportDocument(
      title: "“光荣在党50年”纪念章名单（\(year) 年）",
      subtitle: ReportHeading.lines(region: region, period: Period(from: day, to: day), generatedAt: generatedAt)
        + ["\(joinedBy) 及以前入党、\(day) 在册的党员" + (notAwarded ? "；已颁发的不列" : "")],
      sections: [
        .init(
          title: "党员", headers: ["编号", "姓名", "身份证号", "入党日期", "党组织", "管理地区", "纪念章"], rows: rows,
          notes: ["共 \(rows.count) 人"], combination: .list(total: false))
      ])
  }

  /// The honour's 称号 that `--not-awarded` looks for.
  static let partyFiftyTitle = "光荣在党50年"
}
