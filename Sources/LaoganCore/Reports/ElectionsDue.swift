import LaoganModel
import LaoganStore

/// When a branch's term ends (SPEC §11): five years after its 换届日期 for a 党委, three for a 党总支 or
/// 党支部. A term ending exactly on the day asked about is due that day.
extension PartyOrganization {
  package var termEndsOn: CalendarDate? {
    electedOn.map { $0.anniversary(kind.termYears) }
  }

  /// Active on `day`: established on or before it (or undated), not dissolved by it, not voided.
  func isActive(on day: CalendarDate) -> Bool {
    voidedReason == nil && (establishedOn.map { $0 <= day } ?? true) && (dissolvedOn.map { $0 > day } ?? true)
  }
}

extension LaoganDatabase {
  /// `report elections-due --on D --months N`: the organizations active on D whose term has ended or ends
  /// within N months of D, the most overdue first, with the current 书记; an organization with no 换届日期 on
  /// file is listed too, since nobody can say when it is due.
  public func electionsDueReport(
    region: Region, on day: CalendarDate, months: Int, generatedAt: String
  ) throws -> ReportDocument {
    let horizon = day.months(earlier: -months)
    return try read { db in
      let organizations = try db.records(
        PartyOrganization.self,
        sql: """
          SELECT \(PartyOrganization.selection) FROM party_organization
          WHERE \(RecordSQL.inForce()) AND \(ReportScope(region: region).region("region_code"))
          ORDER BY region_code, name
          """
      ).filter { $0.isActive(on: day) }
      let due = organizations.filter { ($0.termEndsOn.map { $0 <= horizon }) ?? true }
        .sorted { ($0.termEndsOn?.dayNumber ?? .min) < ($1.termEndsOn?.dayNumber ?? .min) }
      let rows: [[ReportDocument.Cell]] = try due.map { organization in
        let secretary = try organization.secretaryID.flatMap { id in
          try db.value(String.self, sql: "SELECT name FROM cadre WHERE id = ?", arguments: [id])
        }
        let state: String
        if let end = organization.termEndsOn {
          state = end <= day ? "已届满 \(day.dayNumber - end.dayNumber) 天" : "\(end.dayNumber - day.dayNumber) 天后届满"
        } else {
          state = "换届日期未登记"
        }
        return [
          .text(organization.name), .text(organization.kind.rawValue),
          .text(Region.displayName(of: organization.regionCode)),
          .text(organization.electedOn?.description ?? ""), .text(organization.termEndsOn?.description ?? ""),
          .text(state), .text(secretary ?? "（无书记）"),
        ]
      }
      return ReportDocument(
        title: "党组织换届提示",
        subtitle: ReportHeading.lines(region: region, period: Period(from: day, to: horizon), generatedAt: generatedAt)
          + ["截至 \(day)：任期已满或 \(months) 个月内届满的党组织（党委 5 年，党总支、党支部 3 年）"],
        sections: [
          .init(
            title: "应换届的党组织", headers: ["党组织", "类型", "地区", "上次换届", "届满日期", "状态", "现任书记"], rows: rows,
            notes: rows.isEmpty ? ["没有需要换届的党组织"] : [], combination: .list(total: false))
        ])
    }
  }
}
