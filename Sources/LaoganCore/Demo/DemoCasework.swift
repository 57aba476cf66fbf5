import GRDB

// The daily casework of SPEC §10 in the demo — visits' 慰问金额, hospital stays — built after every other record
// so that those, and the published figures, are as a demo without it would have them.

extension DemoPrefecture {
  mutating func buildCasework() throws {
    try buildVisitGifts()
    try buildHospitalStays()
  }

  /// Each 走访慰问 brought 500 to 2,000 元 a cadre visited, and often rice and oil.
  private mutating func buildVisitGifts() throws {
    progress("慰问金额…")
    let visits = try RecordSaver<TreatmentKind>(writer, update: true)
    let rows = try Row.fetchAll(
      writer.db,
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
    let visited = try Row.fetchAll(
      writer.db,
      sql: """
        SELECT c.resident_id, t.held_on FROM treatment_event t
        JOIN participant p ON p.event_table = 'treatment_event' AND p.event_id = t.id JOIN cadre c ON c.id = p.cadre_id
        WHERE t.occasion = '住院看望' AND (c.died_on IS NULL OR c.died_on > t.held_on)
        GROUP BY c.id ORDER BY t.id, c.id
        """)
    for row in visited { try stay(row["resident_id"], around: row["held_on"]) }
    let living = rosterByRegion.keys.sorted().flatMap { rosterByRegion[$0] ?? [] }
    for index in random.sample(visited.count, below: living.count) {
      try stay(
        living[index], around: random.day(from: DemoPrefecture.reportStart, to: CalendarDate(valid: 2026, 10, 31)))
    }
  }
}
