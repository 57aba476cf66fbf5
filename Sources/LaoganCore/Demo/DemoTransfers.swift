import LaoganModel

// Transfers in the demo (SPEC §10), built last and dated after the report day, so that every record before
// them and the published figures are those of a demo without them.

extension DemoPrefecture {
  /// Three dozen cadres (a scale) move to other bureaus between the report day and the end of 2025, a third
  /// of them come back some months later, and two dozen arrive from elsewhere — new to the roster, retired
  /// long ago, managed from the day they arrive.
  mutating func buildTransfers() throws {
    progress("迁入迁出…")
    let scale = max(options.scale, 1)
    let transfers = try RecordSaver<TransferKind>(writer, update: false)
    let cadres = try RecordSaver<CadreKind>(writer, update: false)
    let counterparts = [
      "贵阳市老干部局", "遵义市老干部局", "六盘水市老干部局", "安顺市老干部局", "毕节市老干部局", "昆明市老干部局", "南宁市老干部局",
    ]
    var line = 0
    func transfer(_ id: String, _ direction: TransferDirection, on day: CalendarDate, _ counterpart: String) throws {
      line += 1
      _ = try transfers.save(
        [
          .residentID: id, .direction: direction.rawValue, .transferredOn: day.description,
          .counterpart: counterpart, .partyRelationMoved: "是", .fileMoved: "是",
        ], line: line)
    }
    let firstDay = DemoPrefecture.reportDay.adding(days: 20)
    let living = rosterByRegion.keys.sorted().flatMap { rosterByRegion[$0] ?? [] }
    for (number, index) in random.sample(36 * scale, below: living.count).enumerated() {
      let counterpart = counterparts[Int.random(in: 0..<counterparts.count, using: &random)]
      let left = random.day(from: firstDay, to: CalendarDate(valid: 2025, 12, 31))
      try transfer(living[index], .outward, on: left, counterpart)
      if number % 3 == 0 {
        try transfer(
          living[index], .inward, on: random.day(from: left.adding(days: 90), to: left.adding(days: 400)), counterpart)
      }
    }
    for number in 0..<(24 * scale) {
      let cells = cadreCells(.counted(member: false, diesLater: false), organizations: [:])
      _ = try cadres.save(cells, line: number + 2)
      summary.cadres += 1
      let arrived = random.day(from: firstDay, to: CalendarDate(valid: 2026, 10, 31))
      try transfer(cells[.residentID] ?? "", .inward, on: arrived, counterparts[number % counterparts.count])
    }
  }
}
