import GRDB

// The services of SPEC §17 in the demo, built last so that every record before them, and the article's
// figures, are as a demo without them would have them.

extension DemoPrefecture {
  /// Passports for one cadre in two hundred and fifty on the roll on the report day, a 往来港澳通行证 for a
  /// third of them and a 往来台湾通行证 for a tenth; a few passports expire within six months of the report day.
  /// About half travel once between 2022 and the report day's summer, each permit lent a few days before
  /// departure and returned within days of coming back — except a few that are late back, two never recorded
  /// as back, and one permit in eight never handed back, so that `report abroad` and `check` have some to name.
  mutating func buildPermitsAndTrips() throws {
    progress("证照与出国(境)…")
    let permits = try RecordSaver<PermitKind>(writer, update: false)
    let trips = try RecordSaver<TripKind>(writer, update: false)
    let travellers = try String.fetchAll(
      writer.db,
      sql: """
        SELECT c.resident_id FROM cadre c WHERE c.id % 250 = 3 AND \(CadreSQL.onRoll("c", on: "'\(Self.reportDay)'"))
        ORDER BY c.id
        """)
    var line = 0
    var serial = 0
    func permit(_ residentID: String, _ type: PermitType, prefix: String, issued: CalendarDate, years: Int) throws
      -> String
    {
      line += 1
      serial += 1
      let number = prefix + String(10_000_000 + serial)
      _ = try permits.save(
        [
          .residentID: residentID, .type: type.rawValue, .number: number, .issuedOn: issued.description,
          .validUntil: issued.anniversary(years).adding(days: -1).description,
        ], line: line)
      return number
    }
    for (index, residentID) in travellers.enumerated() {
      let expiringSoon = index % 20 == 7
      let issued =
        expiringSoon
        ? random.day(from: CalendarDate(valid: 2013, 8, 1), to: CalendarDate(valid: 2013, 11, 30))
        : random.day(from: CalendarDate(valid: 2015, 1, 1), to: CalendarDate(valid: 2021, 12, 31))
      var held = [(PermitType.passport, try permit(residentID, .passport, prefix: "E", issued: issued, years: 10))]
      if random.weighted([(true, 1), (false, 2)]) {
        let issued = random.day(from: CalendarDate(valid: 2019, 1, 1), to: CalendarDate(valid: 2021, 12, 31))
        held.append((.hongKongMacau, try permit(residentID, .hongKongMacau, prefix: "C", issued: issued, years: 10)))
      }
      if random.weighted([(true, 1), (false, 9)]) {
        let issued = random.day(from: CalendarDate(valid: 2019, 1, 1), to: CalendarDate(valid: 2021, 12, 31))
        held.append((.taiwan, try permit(residentID, .taiwan, prefix: "T", issued: issued, years: 10)))
      }
      guard !expiringSoon, random.weighted([(true, 1), (false, 1)]) else { continue }
      let (type, number) = held[Int.random(in: 0..<held.count, using: &random)]
      let destinations =
        switch type {
        case .passport: ["泰国", "新加坡", "日本", "马来西亚", "美国", "澳大利亚", "加拿大"]
        case .hongKongMacau: ["香港", "澳门", "香港、澳门"]
        case .taiwan: ["台湾"]
        }
      try travel(
        residentID, to: destinations[Int.random(in: 0..<destinations.count, using: &random)], on: number, trips,
        line: line)
    }
  }

  /// One trip on the permit, and the permit's loan for it.
  private mutating func travel(
    _ residentID: String, to destination: String, on number: String, _ trips: RecordSaver<TripKind>, line: Int
  ) throws {
    let departed = random.day(from: CalendarDate(valid: 2022, 3, 1), to: CalendarDate(valid: 2023, 6, 20))
    let planned = departed.adding(days: Int.random(in: 5...30, using: &random))
    // What became of it: on time (most), late back, never recorded as back.
    let fate = random.weighted([("on time", 16), ("late", 3), ("unrecorded", 1)])
    let returned: CalendarDate? =
      switch fate {
      case "late": planned.adding(days: Int.random(in: 3...20, using: &random))
      case "unrecorded": nil
      default: planned.adding(days: -Int.random(in: 0...2, using: &random))
      }
    let (_, trip, _) = try trips.save(
      [
        .residentID: residentID, .destination: destination,
        .purpose: random.weighted([("旅游", 3), ("探亲", 2), ("就医", 1)]), .departedOn: departed.description,
        .plannedReturnOn: planned.description, .returnedOn: returned?.description ?? "", .permitNumber: number,
      ], line: line)
    guard let tripID = trip.id else { return }
    // One permit in eight is not handed back after the trip.
    let kept = random.weighted([(false, 7), (true, 1)])
    let handedBack = kept ? nil : returned.map { $0.adding(days: Int.random(in: 0...6, using: &random)) }
    var loan = PermitLoan(
      id: nil, permitID: trip.permitID, tripID: tripID,
      lentOn: departed.adding(days: -Int.random(in: 1...5, using: &random)),
      returnedOn: handedBack)
    try writer.insert(&loan)
  }
}
