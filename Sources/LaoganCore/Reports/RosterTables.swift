import LaoganModel
import LaoganStore

extension LaoganDatabase {
  /// Roster statistics on the period's last day: cadres by region, age band, 民族, 职级 and 类别.
  public func rosterReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let day = period.to
    let scope = ReportScope(region: region)
    return try read { db in
      let onHand = CadreSQL.onRoll(on: ":day") + " AND " + scope.region("cadre.region_code")
      let age = CadreSQL.age(on: ":day")
      let band = """
        CASE WHEN \(age) < 60 THEN '60岁以下' WHEN \(age) < 70 THEN '60–69岁' WHEN \(age) < 80 THEN '70–79岁'
        WHEN \(age) < 90 THEN '80–89岁' WHEN \(age) < 100 THEN '90–99岁' ELSE '100岁及以上' END
        """
      // Each dimension's labels in a fixed order, so that files merged (`--merge`) list them as one file would.
      let dimensions: [(title: String, expression: String, order: [String])] = [
        ("按地区", "region_code", Region.all.map(\.code)),
        ("按年龄段", band, ["60岁以下", "60–69岁", "70–79岁", "80–89岁", "90–99岁", "100岁及以上"]),
        ("按民族", "COALESCE(ethnicity, '未填')", Ethnicity.all + ["未填"]),
        ("按职级", "COALESCE(rank, '未填')", Rank.allCases.map(\.rawValue) + ["未填"]),
        ("按类别", "category", CadreCategory.allCases.map(\.rawValue)),
      ]
      let sections = try dimensions.map { dimension in
        let counts = try db.rows(
          sql: """
            SELECT \(dimension.expression) AS label, COUNT(*) AS total, \(SQLDialect.count(where: "category = '离休'")) AS veterans,
                   \(SQLDialect.count(where: "party_member = 1")) AS members
            FROM cadre WHERE \(onHand) GROUP BY label ORDER BY total DESC, label
            """, arguments: ["day": day])
        var byLabel = Dictionary(uniqueKeysWithValues: counts.map { (String($0["label"] as String), $0) })
        var labels = dimension.order.filter { byLabel[$0] != nil }
        labels += byLabel.keys.filter { !labels.contains($0) }.sorted()
        var rows: [[ReportDocument.Cell]] = labels.compactMap { label in
          guard let row = byLabel.removeValue(forKey: label) else { return nil }
          let shown = dimension.expression == "region_code" ? (Region.displayName(of: label)) : label
          return [.text(shown), .number(row["total"]), .number(row["veterans"] ?? 0), .number(row["members"] ?? 0)]
        }
        let sum = { (index: Int) in
          rows.reduce(Int64(0)) {
            if case .number(let value) = $1[index] { return $0 + value }; return $0
          }
        }
        rows.append([.text("合计"), .number(sum(1)), .number(sum(2)), .number(sum(3))])
        let shownOrder =
          dimension.expression == "region_code" ? Region.all.map(\.displayName) : dimension.order
        return ReportDocument.Section(
          title: dimension.title, headers: ["", "人数", "其中离休", "其中党员"], rows: rows,
          combination: .tally(order: .labels(shownOrder)))
      }
      return ReportDocument(
        title: "离退休干部花名册统计",
        subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt) + ["人数截至 \(day)"],
        sections: sections)
    }
  }

  /// Living-treatment payments month by month over the period: amounts per item and the month's total.
  public func benefitsReport(region: Region, period: Period, generatedAt: String) throws -> ReportDocument {
    let scope = ReportScope(region: region)
    return try read { db in
      let rows = try db.rows(
        sql: """
          SELECT \(SQLDialect.month(of: "counted_on")) AS counted_month, item, SUM(amount_fen) AS amount
          FROM payment WHERE \(RecordSQL.inForce()) AND counted_on BETWEEN ? AND ? AND \
          \(scope.cadreRegion("payment.cadre_id"))
          GROUP BY counted_month, item ORDER BY counted_month
          """, arguments: [period.from, period.to])
      var months: [String] = []
      var amounts: [String: [BenefitItem: Int64]] = [:]
      for row in rows {
        // Not `month`: that is also the payment's own column, which GROUP BY would take instead of the alias,
        // lumping every payment dated by 发放日期 (no 所属月份) into one month.
        let month: String = row["counted_month"]
        guard let item = BenefitItem(rawValue: row["item"]) else { continue }
        if amounts[month] == nil { months.append(month) }
        amounts[month, default: [:]][item] = row["amount"]
      }
      let items = BenefitItem.livingTreatment
      var table: [[ReportDocument.Cell]] = months.map { month in
        let values = items.map { amounts[month]?[$0] ?? 0 }
        return [.text(month)] + values.map { .money($0) } + [.money(values.reduce(0, +))]
      }
      let totals = items.map { item in months.reduce(Int64(0)) { $0 + (amounts[$1]?[item] ?? 0) } }
      table.append([.text("合计")] + totals.map { .money($0) } + [.money(totals.reduce(0, +))])
      return ReportDocument(
        title: "生活待遇发放统计", subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt),
        sections: [
          .init(
            title: "按月发放金额（元）", headers: ["月份"] + items.map(\.rawValue) + ["合计"], rows: table,
            combination: .tally(order: .sorted))
        ])
    }
  }

  /// How much of the unvisited the visits-due report lists.
  public enum VisitsDueListing: Sendable {
    /// Every cadre not visited: what `report visits-due` prints.
    case everyone
    /// What a leader files (`report pack`): the count by region, and by name only those 90 and over — the rule
    /// "not visited in six months" reaches nearly everyone, 600 pages of names nobody acts on in one month.
    case filing
  }

  /// Visits due, among the cadres on the roll on the period's last day (`CadreSQL.onRoll`): those who turn 80, 90
  /// or 100 inside the period, by the calendar they keep their birthdays by (a birthday visit is due), and those
  /// whom no 走访慰问 reached in the `months` before it.
  public func visitsDueReport(
    region: Region, period: Period, months: Int, generatedAt: String, reveal: Bool,
    listing: VisitsDueListing = .everyone
  ) throws -> ReportDocument {
    let scope = ReportScope(region: region)
    let windowStart = period.to.months(earlier: months).adding(days: 1)
    return try read { db in
      let onRoll = CadreSQL.onRoll("c", on: ":to") + " AND " + scope.region("c.region_code")
      // Birthdays by the calendar each cadre keeps (农历生日), as `report birthdays` finds them.
      let days = BirthdayDays(period)
      let milestones = try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.born_on, c.region_code, c.phone, c.lunar_birthday
          FROM cadre c WHERE \(onRoll) ORDER BY \(SQLDialect.monthAndDay(of: "c.born_on")), c.id
          """, arguments: ["to": period.to]
      ).compactMap { row -> (SQLRow, Int)? in
        let birthdays = days.birthdays(born: row["born_on"], lunar: row["lunar_birthday"])
        return birthdays.map(\.age).first { [80, 90, 100].contains($0) }.map { (row, $0) }
      }
      let unvisited = try db.rows(
        sql: """
          SELECT * FROM (
          SELECT c.id, c.name, c.resident_id, c.born_on, c.region_code, c.phone, c.needs_care,
                 (SELECT MAX(t.held_on) FROM participant p JOIN treatment_event t ON t.id = p.event_id
                  WHERE p.event_table = 'treatment_event' AND p.cadre_id = c.id AND t.kind = '走访慰问'
                  AND \(RecordSQL.inForce("t")) AND t.held_on <= :to) AS last_visit
          FROM cadre c WHERE \(onRoll)
          AND NOT EXISTS (SELECT 1 FROM participant p JOIN treatment_event t ON t.id = p.event_id
                          WHERE p.event_table = 'treatment_event' AND p.cadre_id = c.id AND t.kind = '走访慰问'
                          AND \(RecordSQL.inForce("t")) AND t.held_on BETWEEN :since AND :to)
          ) AS unvisited
          ORDER BY last_visit IS NOT NULL, last_visit, id
          """, arguments: ["to": period.to, "since": windowStart])
      func person(_ row: SQLRow) -> [ReportDocument.Cell] {
        let id: String = row["resident_id"]
        let phone: String? = row["phone"]
        return [
          .number(row["id"]), .text(row["name"]), .text(reveal ? id : Masking.residentID(id)), .text(row["born_on"]),
          .text(Region.displayName(of: row["region_code"])),
          .text(phone.map { reveal ? $0 : Masking.phone($0) } ?? ""),
        ]
      }
      let headers = ["编号", "姓名", "身份证号", "出生日期", "管理地区", "联系电话"]
      let unvisitedTitle = "\(windowStart) 至 \(period.to) 未走访慰问"
      func listed(_ rows: [SQLRow], title: String, notes: [String]) -> ReportDocument.Section {
        .init(
          title: title, headers: headers + ["最近走访"],
          rows: rows.map { person($0) + [.text(($0["last_visit"] as String?) ?? "从未")] }, notes: notes,
          combination: .list(total: false))
      }
      let birthdays = ReportDocument.Section(
        title: "期内满 80、90、100 岁（生日看望）", headers: headers + ["满岁"],
        rows: milestones.map { person($0.0) + [.number(Int64($0.1))] }, combination: .list(total: false))
      let unvisitedSections: [ReportDocument.Section]
      switch listing {
      case .everyone:
        unvisitedSections = [listed(unvisited, title: unvisitedTitle, notes: ["共 \(unvisited.count) 人"])]
      case .filing:
        let ninety = unvisited.filter { ($0["born_on"] as CalendarDate).anniversary(90) <= period.to }
        unvisitedSections = [
          Self.unvisitedByRegion(
            unvisited, scope: region, ninety: Set(ninety.map { $0["id"] as Int64 }), title: unvisitedTitle),
          listed(
            ninety, title: "其中 90 岁以上（逐人）",
            notes: ["全部名单：laogan report visits-due --from \(period.from) --to \(period.to) --months \(months)"]),
        ]
      }
      return ReportDocument(
        title: "走访慰问提示", subtitle: ReportHeading.lines(region: region, period: period, generatedAt: generatedAt),
        sections: [birthdays] + unvisitedSections)
    }
  }

  /// The cadres not visited, counted by the region that manages them, with those 90 and over and those who
  /// cannot look after themselves among them.
  private static func unvisitedByRegion(_ unvisited: [SQLRow], scope: Region, ninety: Set<Int64>, title: String)
    -> ReportDocument.Section
  {
    let byRegion = Dictionary(grouping: unvisited) { $0["region_code"] as String }
    func counts(_ rows: [SQLRow]) -> [ReportDocument.Cell] {
      [
        .number(Int64(rows.count)), .number(Int64(rows.count { ninety.contains($0["id"]) })),
        .number(Int64(rows.count { $0["needs_care"] as Bool })),
      ]
    }
    let rows = scope.parts.map { region in
      [ReportDocument.Cell.text(region.displayName)] + counts(byRegion[region.code] ?? [])
    }
    return .init(
      title: title + "（按管理地区）", headers: ["管理地区", "未走访人数", "其中 90 岁以上", "其中生活不能自理"],
      rows: rows + [[.text("合计")] + counts(unvisited)])
  }
}
