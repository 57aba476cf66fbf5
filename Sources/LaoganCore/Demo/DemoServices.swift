import LaoganModel
import LaoganStore

// The services of SPEC §17 in the demo, built last so that every record before them, and the article's
// figures, are as a demo without them would have them.

extension DemoPrefecture {
  /// Passports for one cadre in two hundred and fifty on the roll on the report day, a 往来港澳通行证 for a
  /// third of them and a 往来台湾通行证 for a tenth; a few passports expire within six months of the report day.
  /// About half travel once between 2022 and the report day's summer, each permit lent a few days before
  /// departure and returned within days of coming back — except a few that are late back, one in twenty never
  /// recorded as back, and one permit in eight never handed back, so that `report abroad` and `check` have
  /// some to name.
  mutating func buildPermitsAndTrips() throws {
    progress("证照与出国(境)…")
    let permits = try RecordSaver<PermitKind>(writer, update: false)
    let trips = try RecordSaver<TripKind>(writer, update: false)
    let travellers = try writer.db.values(
      String.self,
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

extension DemoPrefecture {
  /// The 老年大学's 2023 spring term: a dozen courses, and for each more or fewer applicants than places —
  /// seven in ten cadres, the rest 社会学员, half of them with a 身份证号 — so that some courses are full with a
  /// waiting list. 离休 cadres study free, one other cadre in thirteen at half the fee.
  mutating func buildUniversity() throws {
    progress("老年大学…")
    let term = "2023年春季"
    _ = try RecordSaver<TermKind>(writer, update: false).save(
      [.name: term, .startsOn: "2023-03-01", .endsOn: "2023-07-10"], line: 1)
    let courses = try RecordSaver<CourseKind>(writer, update: false)
    let offered: [(name: String, teacher: String, capacity: Int, fee: Int?, maxAge: Int?)] = [
      ("书法", "李国华", 30, 200, nil), ("国画", "王秀芳", 25, 300, nil), ("太极拳", "张志强", 40, 150, 80),
      ("声乐", "杨丽", 35, 200, nil), ("舞蹈", "吴凤", 30, 200, 75), ("摄影", "陈光明", 20, 400, nil),
      ("智能手机应用", "罗敏", 50, nil, nil), ("诗词", "周文", 25, 150, nil), ("养生保健", "黄春", 60, 100, nil),
      ("葫芦丝", "韦学忠", 20, 200, nil), ("八段锦", "岑平", 40, 100, 85), ("剪纸", "龙秀珍", 20, 150, nil),
    ]
    for (line, course) in offered.enumerated() {
      var cells: [CourseField: String] = [
        .term: term, .name: course.name, .className: ["周一上午班", "周二下午班", "周三上午班", "周四下午班"][line % 4],
        .teacher: course.teacher, .place: line % 3 == 0 ? "州老干部活动中心" : "兴义市桔山老年大学",
        .capacity: "\(course.capacity)",
      ]
      if let fee = course.fee { cells[.fee] = "\(fee)" }
      if let maxAge = course.maxAge { cells[.maxAge] = "\(maxAge)" }
      _ = try courses.save(cells, line: line + 1)
    }
    let termStart = CalendarDate(valid: 2023, 3, 1)
    var pool = try writer.db.rows(
      sql: """
        SELECT resident_id, born_on, category FROM cadre c
        WHERE c.id % 61 = 5 AND \(CadreSQL.onRoll("c", on: "'2023-02-28'")) ORDER BY c.id LIMIT 400
        """
    ).map {
      (id: $0["resident_id"] as String, born: $0["born_on"] as CalendarDate, retiredEarly: $0["category"] == "离休")
    }
    var applications: [(day: CalendarDate, cells: [EnrolmentField: String])] = []
    for course in offered {
      let applicants = course.capacity * Int.random(in: 6...13, using: &random) / 10
      for _ in 0..<applicants {
        let day = random.day(from: CalendarDate(valid: 2023, 2, 10), to: CalendarDate(valid: 2023, 2, 28))
        var cells: [EnrolmentField: String] = [.term: term, .course: course.name, .enrolledOn: day.description]
        let fits = pool.firstIndex { cadre in course.maxAge.map { cadre.born.age(on: termStart) <= $0 } ?? true }
        if let fits, random.weighted([(true, 7), (false, 3)]) {
          let cadre = pool.remove(at: fits)
          cells[.residentID] = cadre.id
          if course.fee != nil, cadre.retiredEarly {
            (cells[.charged], cells[.reductionReason]) = ("0", "离休干部免费")
          } else if let fee = course.fee, random.weighted([(true, 1), (false, 12)]) {
            (cells[.charged], cells[.reductionReason]) = ("\(fee / 2)", "困难老干部减半")
          }
        } else {
          let male = random.weighted([(true, 2), (false, 3)])
          let surnames = DemoNames.hanSurnames
          cells[.name] =
            String(surnames[Int.random(in: 0..<surnames.count, using: &random)])
            + String(DemoNames.givenCharacters[Int.random(in: 0..<DemoNames.givenCharacters.count, using: &random)])
            + (male ? "明" : "兰")
          cells[.phone] = "13" + String(Int.random(in: 100_000_000..<1_000_000_000, using: &random))
          if random.weighted([(true, 1), (false, 1)]) {
            let born = random.day(
              from: CalendarDate(valid: 1950, 1, 1), to: CalendarDate(valid: 1963, 12, 31))
            cells[.residentID] = residentID(region: .prefecture, born: born, male: male)
          }
        }
        applications.append((day, cells))
      }
    }
    let enrolments = try RecordSaver<EnrolmentKind>(writer, update: false)
    writer.lookup.waitsWhenFull = true
    defer { writer.lookup.waitsWhenFull = false }
    for (line, application) in applications.sorted(by: { $0.day < $1.day }).enumerated() {
      _ = try enrolments.save(application.cells, line: line + 1)
    }
  }
}
