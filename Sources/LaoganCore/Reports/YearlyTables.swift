import LaoganModel
import LaoganStore

/// The tables bureaus file every year (SPEC §5), each computed by SQL and returned as a document.
extension LaoganDatabase {
  /// 两年数字变化情况统计表: for 离休 and 退休 cadres, the total at the end of the previous year, those newly
  /// retired, transferred in, died and transferred out in the period's year, what the year end should hold and
  /// what it holds. Each change counts while the bureau manages the cadre (`ManagedRule`), a transfer only of a
  /// cadre alive and retired on its day, so the difference is 0 on consistent data; when it is not, the data
  /// has a problem (a death before retirement, a missing date) and the report says so.
  public func changesReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let year = period.to.year
    let days: SQLArguments = [
      "start": CalendarDate(valid: year - 1, 12, 31), "from": CalendarDate(valid: year, 1, 1),
      "to": CalendarDate(valid: year, 12, 31),
    ]
    let scope = ReportScope(region: region)
    return try read { db in
      var rows: [[ReportDocument.Cell]] = []
      var notes: [String] = []
      for category in CadreCategory.allCases {
        let ofCategory = """
          \(RecordSQL.inForce("cadre")) AND category = '\(category.rawValue)' AND \(scope.region("cadre.region_code"))
          """
        func count(_ condition: String) throws -> Int64 {
          try db.value(
            Int64.self, sql: "SELECT COUNT(*) FROM cadre WHERE \(ofCategory) AND \(condition)", arguments: days) ?? 0
        }
        func transfers(_ direction: TransferDirection) throws -> Int64 {
          try db.value(
            Int64.self,
            sql: """
              SELECT COUNT(*) FROM transfer t JOIN cadre ON cadre.id = t.cadre_id
              WHERE \(RecordSQL.inForce("t")) AND t.direction = '\(direction.rawValue)'
                AND t.transferred_on BETWEEN :from AND :to AND \(ofCategory)
                AND \(CadreSQL.aliveAndRetired("cadre", on: "t.transferred_on"))
              """, arguments: days) ?? 0
        }
        let start = try count(CadreSQL.onRoll(on: ":start"))
        let added = try count("retired_on BETWEEN :from AND :to AND \(ManagedRule.sql(onEach: "cadre.retired_on"))")
        let movedIn = try transfers(.inward)
        let died = try count("died_on BETWEEN :from AND :to AND \(ManagedRule.sql(onEach: "cadre.died_on"))")
        let movedOut = try transfers(.outward)
        let expected = start + added + movedIn - died - movedOut
        let actual = try count(CadreSQL.onRoll(on: ":to"))
        rows.append(
          [.text(category.rawValue)]
            + [start, added, movedIn, died, movedOut, expected, actual, actual - expected].map { .number($0) })
        if actual != expected {
          let odd = try count("died_on BETWEEN :from AND :to AND retired_on IS NOT NULL AND retired_on > died_on")
          notes.append(
            "\(category.rawValue)干部差额为 \(actual - expected)，说明数据有误（例如去世日期早于离退休日期的有 \(odd) 人）；请用 laogan check 核对")
        }
      }
      return ReportDocument(
        title: "离退休干部两年数字变化情况统计表（\(year) 年）",
        subtitle: ReportHeading.lines(region: region, period: Period.year(year) ?? period, generatedAt: generatedAt),
        sections: [
          .init(
            title: "人数变化",
            headers: ["类别", "上年末总数", "本年新增", "本年迁入", "本年去世", "本年迁出", "年末应有数", "年末实有数", "差额"],
            rows: rows, notes: notes)
        ])
    }
  }

  /// 基本情况统计表: 离休 cadres by unit type, with Party members, those unable to look after themselves, the
  /// 70–79 and 80+ age groups and the period they joined revolutionary work; 退休 cadres by rank and unit type.
  /// As of the period's last day.
  public func basicReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let day = period.to
    let scope = ReportScope(region: region)
    let eras: [(String, String, String)] = [
      ("1927.7.31前", "0001-01-01", "1927-07-31"), ("1927.8.1–1937.7.6", "1927-08-01", "1937-07-06"),
      ("1937.7.7–1942.12.31", "1937-07-07", "1942-12-31"), ("1943.1.1–1945.9.2", "1943-01-01", "1945-09-02"),
      ("1945.9.3–1949.9.30", "1945-09-03", "1949-09-30"),
    ]
    return try read { db in
      // Spelled inside the read, for the engine it reads.
      let onHand = CadreSQL.onRoll(on: ":day") + " AND " + scope.region("cadre.region_code")
      let age = CadreSQL.age(on: ":day")
      let unitTypes: [(String, String)] =
        UnitType.allCases.map { ($0.rawValue, "unit_type = '\($0.rawValue)'") } + [("未填", "unit_type IS NULL")]
      var veteranRows: [[ReportDocument.Cell]] = []
      for (label, condition) in unitTypes + [("合计", "1 = 1")] {
        let measures =
          [
            "COUNT(*)", SQLDialect.count(where: "party_member = 1"), SQLDialect.count(where: "needs_care = 1"),
            SQLDialect.count(where: "\(age) BETWEEN 70 AND 79"),
            SQLDialect.count(where: "\(age) >= 80"),
          ] + eras.map { SQLDialect.count(where: "started_work_on BETWEEN '\($0.1)' AND '\($0.2)'") }
        let row = try db.row(
          sql: "SELECT \(Self.sums(measures)) FROM cadre WHERE \(onHand) AND category = '离休' AND \(condition)",
          arguments: ["day": day])
        veteranRows.append([.text(label)] + measures.indices.map { .number(row?[$0] ?? 0) })
      }
      var retiredRows: [[ReportDocument.Cell]] = []
      let ranks: [(String, String)] =
        Rank.allCases.map { ($0.rawValue, "rank = '\($0.rawValue)'") } + [("未填", "rank IS NULL")]
      for (label, condition) in ranks + [("合计", "1 = 1")] {
        let measures = ["COUNT(*)"] + unitTypes.map { SQLDialect.count(where: "\($0.1)") }
        let row = try db.row(
          sql: "SELECT \(Self.sums(measures)) FROM cadre WHERE \(onHand) AND category = '退休' AND \(condition)",
          arguments: ["day": day])
        retiredRows.append([.text(label)] + measures.indices.map { .number(row?[$0] ?? 0) })
      }
      return ReportDocument(
        title: "离退休干部基本情况统计表",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt) + ["人数截至 \(day)"],
        sections: [
          .init(
            title: "离休干部", headers: ["原单位性质", "人数", "中共党员", "生活不能自理", "70–79岁", "80岁及以上"] + eras.map(\.0),
            headerGroups: [.init(title: "参加革命工作时间：", first: 6, count: eras.count)], rows: veteranRows),
          .init(title: "退休干部", headers: ["职级", "人数"] + unitTypes.map(\.0), rows: retiredRows),
        ])
    }
  }

  /// 离退休干部党组织设置情况统计表: per region, the organizations active on the last day by type, the off-site
  /// and model branches, and their members on that day.
  public func organizationsReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let day = period.to
    let regions = region == .prefecture ? Region.all : [region]
    return try read { db in
      var rows: [[ReportDocument.Cell]] = []
      let active = """
        \(RecordSQL.inForce("o")) AND (o.established_on IS NULL OR o.established_on <= :day)
        AND (o.dissolved_on IS NULL OR o.dissolved_on > :day)
        """
      /// The members on the day, or those of them with `status`.
      func members(_ status: String) -> String {
        """
        (SELECT COUNT(*) FROM membership m JOIN cadre c ON c.id = m.cadre_id
         JOIN party_organization o2 ON o2.id = m.organization_id
         WHERE o2.region_code IN \(SQLDialect.textList(":codes")) AND \(CadreSQL.membership(on: ":day"))
           AND \(CadreSQL.onRoll("c", on: ":day")) AND \(RecordSQL.inForce("o2"))
           AND (o2.established_on IS NULL OR o2.established_on <= :day) AND (o2.dissolved_on IS NULL OR \
           o2.dissolved_on > :day)\(status))
        """
      }
      let measures = [
        SQLDialect.count(where: "o.kind = '党委'"), SQLDialect.count(where: "o.kind = '党总支'"),
        SQLDialect.count(where: "o.kind = '党支部'"), "COUNT(*)", SQLDialect.count(where: "o.off_site = 1"),
        SQLDialect.count(where: "o.model_level = '州级' AND (o.named_on IS NULL OR o.named_on <= :day)"),
        SQLDialect.count(where: "o.model_level = '县级' AND (o.named_on IS NULL OR o.named_on <= :day)"),
        members(""), members(" AND c.party_status = '流动'"), members(" AND c.party_status = '失联'"),
      ]
      func row(_ label: String, codes: [String]) throws -> [ReportDocument.Cell] {
        let values = try db.row(
          sql: """
            SELECT \(Self.sums(measures)) FROM party_organization o
            WHERE \(active) AND o.region_code IN \(SQLDialect.textList(":codes"))
            """, arguments: ["day": day, "codes": "[" + codes.map { "\"\($0)\"" }.joined(separator: ",") + "]"])
        return [.text(label)] + measures.indices.map { .number(values?[$0] ?? 0) }
      }
      for place in regions { rows.append(try row(place.displayName, codes: [place.code])) }
      if regions.count > 1 { rows.append(try row("合计", codes: region.coveredCodes)) }
      return ReportDocument(
        title: "离退休干部党组织设置情况统计表",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt) + ["截至 \(day)"],
        sections: [
          .init(
            title: "党组织设置",
            headers: ["地区", "党委", "党总支", "党支部", "合计", "异地党支部", "州级示范", "县级示范", "党员人数", "其中流动", "其中失联"],
            rows: rows)
        ])
    }
  }

  /// A select list of measures, each 0 rather than NULL over no rows.
  static func sums(_ measures: [String]) -> String {
    measures.map { "COALESCE(\($0), 0)" }.joined(separator: ", ")
  }
}
