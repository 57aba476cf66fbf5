import LaoganModel
import LaoganStore

// The daily casework of SPEC §10 in the demo — visits' 慰问金额, hospital stays — built after every other record
// so that those, and the published figures, are as a demo without it would have them.

extension DemoPrefecture {
  mutating func buildCasework() throws {
    try buildFamilies()
    try buildSettlements()
    try buildVisitGifts()
    try buildHospitalStays()
  }

  /// Most cadres have a spouse on file (some of whom have died) and one or two children with a phone number.
  private mutating func buildFamilies() throws {
    progress("家庭成员…")
    let family = try RecordSaver<FamilyKind>(writer, update: false)
    let cadres = try writer.db.rows(sql: "SELECT resident_id, name, sex, born_on FROM cadre ORDER BY id")
    var line = 0
    func save(_ cells: [FamilyField: String]) throws {
      line += 1
      _ = try family.save(cells, line: line)
    }
    for cadre in cadres {
      let id: String = cadre["resident_id"]
      let born: CalendarDate = cadre["born_on"]
      let surname = String((cadre["name"] as String).prefix(1))
      if random.weighted([(true, 4), (false, 1)]) {
        let spouseBorn = born.adding(days: Int.random(in: -1800...1800, using: &random))
        let surnames = DemoNames.hanSurnames
        var spouse: [FamilyField: String] = [
          .residentID: id, .relation: "配偶", .bornOn: spouseBorn.description, .livesWith: "是",
          .name: String(surnames[Int.random(in: 0..<surnames.count, using: &random)])
            + String(DemoNames.givenCharacters[Int.random(in: 0..<DemoNames.givenCharacters.count, using: &random)]),
        ]
        if random.weighted([(true, 1), (false, 6)]) {
          spouse[.diedOn] = random.day(from: CalendarDate(valid: 2010, 1, 1), to: DemoPrefecture.reportDay).description
          spouse[.livesWith] = "否"
        }
        try save(spouse)
      }
      for order in 0..<random.weighted([(0, 2), (1, 4), (2, 4)]) {
        try save([
          .residentID: id, .relation: "子女", .bornOn: CalendarDate(valid: born.year + 25 + order * 3, 6, 1).description,
          .name: surname
            + String(
              DemoNames.givenCharacters[Int.random(in: 0..<DemoNames.givenCharacters.count, using: &random)])
            + ["明", "华", "军", "丽"][order],
          .phone: "13" + String(Int.random(in: 100_000_000..<1_000_000_000, using: &random)),
        ])
      }
    }
  }

  /// Nine in ten deaths are settled within weeks: 丧葬费 and 一次性抚恤金 paid to the surviving spouse, else to a
  /// child; the rest are left for `check` to find (`death_unsettled`).
  private mutating func buildSettlements() throws {
    progress("丧葬费与抚恤金…")
    let payments = try RecordSaver<PaymentKind>(writer, update: false)
    let deaths = try writer.db.rows(
      sql: """
        SELECT c.resident_id, c.died_on, COALESCE(
                 (SELECT f.name FROM family_member f WHERE f.cadre_id = c.id AND f.relation = '配偶'
                  AND (f.died_on IS NULL OR f.died_on > \(SQLDialect.shifted("c.died_on", by: 60, .days))) ORDER BY f.id LIMIT 1),
                 (SELECT f.name FROM family_member f WHERE f.cadre_id = c.id AND f.relation = '子女'
                  ORDER BY f.id LIMIT 1)) AS heir
        FROM cadre c WHERE c.died_on IS NOT NULL ORDER BY c.died_on, c.id
        """)
    var line = 0
    for death in deaths {
      guard let heir: String = death["heir"], random.weighted([(true, 9), (false, 1)]) else { continue }
      let died: CalendarDate = death["died_on"]
      let paid = died.adding(days: Int.random(in: 10...45, using: &random))
      guard paid <= CalendarDate(valid: 2026, 10, 31) else { continue }
      for (item, amount) in [
        (BenefitItem.funeralGrant, 8000), (.lumpSumPension, Int.random(in: 40...120, using: &random) * 1000),
      ] {
        line += 1
        _ = try payments.save(
          [
            .residentID: death["resident_id"], .item: item.rawValue, .paidOn: paid.description,
            .amount: "\(amount).00", .recipient: heir,
          ], line: line)
      }
    }
  }

  /// Each 走访慰问 brought 500 to 2,000 元 a cadre visited, and often rice and oil.
  private mutating func buildVisitGifts() throws {
    progress("慰问金额…")
    let visits = try RecordSaver<TreatmentKind>(writer, update: true)
    let rows = try writer.db.rows(
      sql: """
        SELECT t.id, (SELECT COUNT(*) FROM participant p WHERE p.event_table = 'treatment_event'
                      AND p.event_id = t.id) AS visited
        FROM treatment_event t WHERE t.kind = '走访慰问' ORDER BY t.id
        """)
    for row in rows {
      let visited = max(row["visited"] as Int, 1)
      let amount = visited * Int.random(in: 5...20, using: &random) * 100
      var changes: [TreatmentField: String] = [.giftAmount: "\(amount).00"]
      if random.weighted([(true, 2), (false, 1)]) { changes[.gifts] = "大米、食用油" }
      _ = try visits.save(
        changes, over: try TreatmentKind.find("\(row["id"] as Int64)", in: writer.db), allowUpdate: true)
    }
  }

  /// A stay around each 住院看望 (the visit falls inside it), and as many again that nobody visited; one in
  /// twenty is long-term, still in hospital.
  private mutating func buildHospitalStays() throws {
    progress("住院…")
    let stays = try RecordSaver<HospitalStayKind>(writer, update: false)
    var line = 0
    func stay(_ residentID: String, around day: CalendarDate) throws {
      line += 1
      let admitted = day.adding(days: -Int.random(in: 1...10, using: &random))
      let longTerm = random.weighted([(true, 1), (false, 19)])
      let hospitals = ["黔西南州人民医院", "兴义市人民医院", "州中医院", "县人民医院"]
      _ = try stays.save(
        [
          .residentID: residentID, .admittedOn: admitted.description,
          .dischargedOn: longTerm ? "" : day.adding(days: Int.random(in: 2...20, using: &random)).description,
          .hospital: hospitals[Int.random(in: 0..<hospitals.count, using: &random)], .longTerm: longTerm ? "是" : "否",
        ], line: line)
    }
    // Each cadre visited in hospital alive, at their first such visit.
    let visited = try writer.db.rows(
      sql: """
        SELECT c.resident_id, t.held_on FROM (
          SELECT p.cadre_id, MIN(t.id) AS first_visit FROM treatment_event t
          JOIN participant p ON p.event_table = 'treatment_event' AND p.event_id = t.id JOIN cadre c ON c.id = p.cadre_id
          WHERE t.occasion = '住院看望' AND (c.died_on IS NULL OR c.died_on > t.held_on)
          GROUP BY p.cadre_id) v
        JOIN treatment_event t ON t.id = v.first_visit JOIN cadre c ON c.id = v.cadre_id
        ORDER BY t.id, c.id
        """)
    for row in visited { try stay(row["resident_id"], around: row["held_on"]) }
    let living = rosterByRegion.keys.sorted().flatMap { rosterByRegion[$0] ?? [] }
    for index in random.sample(visited.count, below: living.count) {
      try stay(
        living[index], around: random.day(from: DemoPrefecture.reportStart, to: CalendarDate(valid: 2026, 10, 31)))
    }
  }
}
