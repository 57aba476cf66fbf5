import Foundation
import GRDB
import LaoganModel
import Testing

@testable import LaoganStore

/// Each closed list is written twice: as a Swift enum (what clerks may type, what reports show) and as the
/// schema's `CHECK (column IN (…))` (what SQLite refuses). A label added to one only would be refused by the
/// other at the first row a clerk stores, or stored and never counted.
@Suite("Closed lists")
struct ClosedListTests {
  static func labels<Values: ClosedSet>(_ type: Values.Type) -> [String] { type.allCases.map(\.rawValue) }

  /// Every CHECK list of labels in the live schema, by table and column.
  static let expected: [String: [String]] = [
    "activity.kind": labels(ActivityType.self),
    "activity.place": labels(ActivityPlace.self),
    "association.category": labels(AssociationCategory.self),
    "benefit_rule.item": BenefitItem.allCases.filter(\.isScheduled).map(\.rawValue),
    "benefit_rule.category": labels(CadreCategory.self),
    "benefit_rule.rank": labels(Rank.self),
    "cadre.sex": labels(Sex.self),
    "cadre.category": labels(CadreCategory.self),
    "cadre.unit_type": labels(UnitType.self),
    "cadre.rank": labels(Rank.self),
    "cadre.party_status": labels(PartyStatus.self),
    "cadre.resettlement_scope": labels(ResettlementScope.self),
    "contribution.area": labels(ContributionArea.self),
    "contribution.advantage": labels(Advantage.self),
    "family_member.relation": labels(FamilyRelation.self),
    "fund_entry.kind": labels(FundEntryType.self),
    "honor.level": labels(HonorLevel.self),
    "meeting.kind": labels(MeetingType.self),
    "officer.post": labels(OfficerPost.self),
    "party_organization.kind": labels(OrganizationType.self),
    "party_organization.model_level": labels(ModelLevel.self),
    "payment.item": labels(BenefitItem.self),
    "permit.kind": labels(PermitType.self),
    "transfer.direction": labels(TransferDirection.self),
    "treatment_event.kind": labels(TreatmentType.self),
    "treatment_event.occasion": labels(VisitOccasion.self),
    "venue.kind": labels(VenueType.self),
  ]

  @Test("every CHECK list of labels in the schema is its enum's labels, in order, and every list has its enum")
  func schemaListsAreTheEnums() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = try LaoganDatabase(path: folder.appendingPathComponent("l.db").path, mode: .create)
    let tables = try database.read { db in
      try db.rows(sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
    }
    let check = /CHECK \((\w+) IN \(('[^)]*')\)\)/
    var found: [String: [String]] = [:]
    for table in tables {
      let name: String = table["name"]
      let sql: String = table["sql"]
      for match in sql.matches(of: check) {
        let labels = match.output.2.split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "'"))
        }
        // Lists of table names and audit actions are the schema's own words, not a clerk's labels.
        guard labels.contains(where: { $0.unicodeScalars.contains { $0.value >= 0x4E00 } }) else { continue }
        found["\(name).\(match.output.1)"] = labels
      }
    }
    for key in Set(found.keys).union(Self.expected.keys).sorted() {
      #expect(
        found[key] == Self.expected[key],
        "\(key): the schema lists \(found[key] ?? []), Swift \(Self.expected[key] ?? [])")
    }
  }

  @Test("a label added to a closed list is one migration's call: its rows are stored, others still refused")
  func labelAdded() throws {
    let queue = try DatabaseQueue()
    try Migrations.migrator.migrate(queue)
    let payment = "INSERT INTO payment (cadre_id, item, month, amount_fen) VALUES (1, ?, '2023-06', 100)"
    try queue.write { db in
      try db.execute(sql: oneCadreSQL)
      #expect(throws: DatabaseError.self) { try db.execute(sql: payment, arguments: ["护理补贴"]) }
      try Migrations.addLabels(["护理补贴", "O'Brien"], to: "item", of: "payment", db)
      try db.execute(sql: payment, arguments: ["护理补贴"])
      try db.execute(sql: payment, arguments: ["O'Brien"])
      #expect(throws: DatabaseError.self) { try db.execute(sql: payment, arguments: ["无此项"]) }
      #expect(throws: LaoganError.self) { try Migrations.addLabels(["甲"], to: "note", of: "payment", db) }
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
    }
    // A connection opened afterwards reads the new list too.
    #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM payment WHERE item = '护理补贴'") } == 1)
  }
}
