import LaoganText

/// `check`'s findings about what records point at: rows still in force that name a record voided as a wrong
/// entry (written before such writes were refused), and unique keys that are one key once spelled alike.
extension LaoganDatabase {
  /// The tables whose rows name one cadre and can themselves be voided.
  private static let cadreFacts = [
    "payment", "dues_payment", "dues_standard", "family_member", "green_card", "health_check", "honor",
    "hospital_stay", "officer", "transfer", "pension", "permit", "trip", "enrolment",
  ]

  package static func voidedReferenceFindings(_ db: any SQLSession) throws -> [Finding] {
    let facts = cadreFacts.map { table in
      """
      SELECT '\(table) ' || t.id AS record, c.name AS named, t.id AS id FROM \(table) t JOIN cadre c ON c.id = t.cadre_id
      WHERE \(RecordSQL.inForce("t")) AND c.voided_reason IS NOT NULL
      """
    }
    let meetings = """
      SELECT 'meeting ' || t.id AS record, g.name AS named, t.id AS id FROM meeting t JOIN party_organization g
        ON g.id = t.organization_id
      WHERE \(RecordSQL.inForce("t")) AND g.voided_reason IS NOT NULL
      """
    let groups = [
      ("membership", "party_organization", "organization_id"), ("association_member", "association", "association_id"),
    ]
    .flatMap { membership, group, column in
      [
        """
        SELECT '\(membership) ' || m.id AS record, g.name AS named, m.id AS id FROM \(membership) m JOIN \(group) g ON g.id = m.\(column)
        WHERE m.left_on IS NULL AND g.voided_reason IS NOT NULL
        """,
        """
        SELECT '\(membership) ' || m.id AS record, c.name AS named, m.id AS id FROM \(membership) m JOIN cadre c ON c.id = m.cadre_id
        WHERE m.left_on IS NULL AND c.voided_reason IS NOT NULL
        """,
      ]
    }
    // The tables whose events list participants, as the participant rows name them.
    let participants = try db.values(
      String.self, sql: "SELECT DISTINCT event_table FROM participant ORDER BY event_table"
    ).map { table in
      """
      SELECT '\(ParticipantList.recordTable(of: table)) ' || p.event_id AS record, c.name AS named, p.event_id AS id
      FROM participant p
      JOIN cadre c ON c.id = p.cadre_id JOIN \(ParticipantList.recordTable(of: table)) e ON e.id = p.event_id
      WHERE p.event_table = '\(table)' AND \(RecordSQL.inForce("e")) AND c.voided_reason IS NOT NULL
      """
    }
    // Table by table in the order above, each by id: the same list from either engine.
    let parts = (facts + [meetings] + groups + participants).enumerated().map {
      "SELECT record, named, \($0.offset) AS part, id FROM (\($0.element)) AS part\($0.offset)"
    }
    let sql = "SELECT record, named FROM (\(parts.joined(separator: " UNION ALL "))) AS referring ORDER BY part, id"
    return try db.rows(sql: sql).map { row in
      Finding(
        kind: .referencesVoided, record: row["record"], detail: "引用了已作废的记录：\(row["named"] as String)")
    }
  }

  /// Names and numbers that must be unique and are one once written alike (NFC, full-width letters and
  /// digits folded): two spellings of one branch, which the upgrade to this version could not merge.
  package static func keyCollisionFindings(_ db: any SQLSession) throws -> [Finding] {
    var findings: [Finding] = []
    for (table, column) in [
      ("party_organization", "name"), ("association", "name"), ("venue", "name"), ("green_card", "card_number"),
      ("family_member", "family_key"),
    ] {
      let rows = try db.rows(sql: "SELECT id, \(column) AS key FROM \(table) WHERE \(RecordSQL.inForce()) ORDER BY id")
      let spellings = Dictionary(grouping: rows) { CellText.key($0["key"] as String) }
      for (key, alike) in spellings.sorted(by: { $0.key < $1.key }) where alike.count > 1 {
        findings.append(
          Finding(
            kind: .keyCollision, record: "\(table) " + alike.map { "\($0["id"] as Int64)" }.joined(separator: ","),
            detail: "“\(key)”有 \(alike.count) 种写法（Unicode 兼容字或全角字母数字）"))
      }
    }
    return findings
  }
}
