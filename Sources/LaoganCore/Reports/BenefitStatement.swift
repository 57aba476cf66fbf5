import LaoganModel
import LaoganStore

/// 生活待遇发放明细 for one month: what each cadre was paid, per item, with totals that are the sums of the
/// lines to the 分.
public struct BenefitStatement: Sendable, Equatable {
  public struct Line: Sendable, Equatable {
    public let cadreID: Int64
    public let name: String
    public let residentID: String
    package let regionCode: String
    package let amounts: [BenefitItem: Fen]
    public var total: Fen { amounts.values.reduce(.zero, +) }
  }

  public let month: Month
  public let lines: [Line]

  /// The column totals, summed from the lines.
  package var totals: [BenefitItem: Fen] {
    lines.reduce(into: [:]) { totals, line in
      for (item, amount) in line.amounts { totals[item, default: .zero] = totals[item, default: .zero] + amount }
    }
  }

  public var total: Fen { lines.reduce(.zero) { $0 + $1.total } }

  public static let headers = ["编号", "姓名", "身份证号"] + BenefitItem.allCases.map(\.rawValue) + ["合计"]

  /// One row a cadre and a 合计 row, money in 分.
  public func rows(reveal: Bool) -> [[ReportDocument.Cell]] {
    func money(_ fen: Fen?) -> ReportDocument.Cell { fen.map { .money($0.value) } ?? .empty }
    let sums = totals
    return lines.map { line in
      [.number(line.cadreID), .text(line.name), .text(reveal ? line.residentID : Masking.residentID(line.residentID))]
        + BenefitItem.allCases.map { money(line.amounts[$0]) } + [money(line.total)]
    } + [
      [.empty, .text("合计"), .text("\(lines.count) 人")] + BenefitItem.allCases.map { money(sums[$0]) } + [money(total)]
    ]
  }

  /// What a leader files (`report pack`): a row a region — its cadres paid and each item's total — and 合计;
  /// the row a cadre is `benefit statement`'s.
  package func regionRows(scope: Region) -> [[ReportDocument.Cell]] {
    let byRegion = Dictionary(grouping: lines, by: \.regionCode)
    func row(_ label: String, _ lines: [Line]) -> [ReportDocument.Cell] {
      let sums = BenefitStatement(month: month, lines: lines)
      return [.text(label), .number(Int64(lines.count))]
        + BenefitItem.allCases.map { sums.totals[$0].map { .money($0.value) } ?? .empty } + [.money(sums.total.value)]
    }
    return scope.parts.map { row($0.displayName, byRegion[$0.code] ?? []) } + [row("合计", lines)]
  }

  package static let regionHeaders = ["管理地区", "人数"] + BenefitItem.allCases.map(\.rawValue) + ["合计"]

  /// The rows as text, money as `1234.50`.
  public func table(reveal: Bool) -> Table {
    Table(headers: Self.headers, rows: rows(reveal: reveal).map { $0.map(\.text) })
  }
}

extension LaoganDatabase {
  /// Payments counted in `month` (SPEC §5: by 所属月份, or by 日期 when there is none), for cadres managed in
  /// `region` (all when nil), voided ones left out.
  public func benefitStatement(month: Month, region: Region?) throws -> BenefitStatement {
    try read { db in
      let scope =
        region.map { " AND c.region_code IN (\($0.coveredCodes.map { "'\($0)'" }.joined(separator: ",")))" } ?? ""
      let rows = try db.rows(
        sql: """
          SELECT c.id, c.name, c.resident_id, c.region_code, p.item, SUM(p.amount_fen) AS amount
          FROM payment p JOIN cadre c ON c.id = p.cadre_id
          WHERE \(RecordSQL.inForce("p"))
            AND (p.month = :month OR (p.month IS NULL AND \(SQLDialect.month(of: "p.paid_on")) = :month))\(scope)
          GROUP BY c.id, p.item ORDER BY c.id
          """, arguments: ["month": month])
      var lines: [BenefitStatement.Line] = []
      for row in rows {
        guard let item = BenefitItem(rawValue: row["item"]) else { continue }
        let id: Int64 = row["id"]
        let amount = Fen(row["amount"])
        if let last = lines.last, last.cadreID == id {
          var amounts = last.amounts
          amounts[item] = amount
          lines[lines.count - 1] = .init(
            cadreID: id, name: last.name, residentID: last.residentID, regionCode: last.regionCode, amounts: amounts)
        } else {
          lines.append(
            .init(
              cadreID: id, name: row["name"], residentID: row["resident_id"], regionCode: row["region_code"],
              amounts: [item: amount]))
        }
      }
      return BenefitStatement(month: month, lines: lines)
    }
  }

  /// The hardship fund's balance on `day`, or over the whole ledger when nil.
  public func fundBalance(on day: CalendarDate?) throws -> Fen {
    try read { db in try FundLedger.balance(on: day, db) }
  }
}
