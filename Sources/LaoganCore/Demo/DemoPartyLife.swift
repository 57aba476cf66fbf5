import LaoganModel
import LaoganStore

// The branches' Party life in the demo (SPEC §16), built after their officers so that a committee meets.

extension DemoPrefecture {
  /// The demo's eighteen months of meetings (2022-01 to 2023-06, its span): each 党支部's 主题党日 every month, a
  /// 支部党员大会 a quarter and a 党课 a quarter — except one branch in eleven, which held no 党课 in 2022's third
  /// and fourth quarters; no 支委会, since the demo's committees were elected after its span. A member alive
  /// that day attends most meetings, is excused from some, misses a few; one member in 250 never comes.
  mutating func buildPartyLife() throws {
    progress("组织生活…")
    let meetings = try RecordSaver<MeetingKind>(writer, update: false)
    let branches = try writer.db.rows(
      sql: """
        SELECT o.name,
          (SELECT \(SQLDialect.joined("c.resident_id || ' ' || COALESCE(c.died_on, '9999-12-31')"))
           FROM membership m JOIN cadre c ON c.id = m.cadre_id
           WHERE m.organization_id = o.id AND m.left_on IS NULL) AS members
        FROM party_organization o WHERE o.kind = '党支部' AND o.dissolved_on IS NULL ORDER BY o.id
        """)
    let months = (Month(DemoPrefecture.reportStart).index...DemoPrefecture.lastMonth.index).map(Month.init(index:))
    var line = 0
    for (index, branch) in branches.enumerated() {
      guard let members = (branch["members"] as String?)?.split(separator: ",").map({ $0.split(separator: " ") })
      else { continue }
      let skipsLessons = index % 11 == 5
      for month in months {
        let quarter = (month.month - 1) / 3
        var held: [(day: Int, kind: MeetingType)] = [(5, .themedDay)]
        if month.month % 3 == 1 { held.append((15, .generalMeeting)) }
        if month.month % 3 == 0, !(skipsLessons && month.year == 2022 && (quarter == 2 || quarter == 3)) {
          held.append((20, .partyLesson))
        }
        for meeting in held {
          let day = CalendarDate(valid: month.year, month.month, meeting.day)
          var attended: [String] = []
          var excused: [String] = []
          // Those alive that day; one member in 250 never comes (by the number's digits: the same every month).
          for entry in members where String(entry[1]) > day.description {
            let member = String(entry[0])
            if member.utf8.reduce(0, { ($0 &* 31 &+ Int($1)) % 1_000_003 }) % 250 == 0 { continue }
            let draw = Int.random(in: 0..<100, using: &random)
            if draw < 85 { attended.append(member) } else if draw < 92 { excused.append(member) }
          }
          line += 1
          _ = try meetings.save(
            [
              .organization: branch["name"], .kind: meeting.kind.rawValue,
              .heldOn: day.description,
              .topic: "\(month.month) 月\(meeting.kind.rawValue)", .attended: attended.joined(separator: ";"),
              .excused: excused.joined(separator: ";"),
            ], line: line)
        }
      }
    }
  }

  /// The demo's two notices: the 重阳 visits' notice to 普安's cadres of 90 and over, and the Party's
  /// anniversary meeting to 兴义's members, of whom a gateway's failure report names one in forty.
  mutating func buildNotices() throws {
    progress("通知…")
    let region = { (name: String) in Region.all.first { $0.shortName == name } }
    _ = try LaoganDatabase.addNotice(
      title: "重阳节走访慰问通知", on: CalendarDate(valid: 2022, 9, 26), text: "10月4日（重阳节）前由各支部登门走访慰问",
      selection: NoticeSelection(region: region("普安"), minAge: 90), writer)
    let meeting = try LaoganDatabase.addNotice(
      title: "庆祝建党102周年座谈会通知", on: CalendarDate(valid: 2023, 6, 20), text: "6月30日上午9时在州老干部活动中心召开座谈会",
      selection: NoticeSelection(region: region("兴义"), partyMembers: true), writer)
    guard let id = meeting.notice.id else { return }
    let failed = try writer.db.values(
      String.self,
      sql: """
        SELECT c.phone FROM notice_recipient r JOIN cadre c ON c.id = r.cadre_id
        WHERE r.notice_id = ? AND c.phone IS NOT NULL ORDER BY r.id
        """, arguments: [id]
    ).enumerated().filter { $0.offset % 40 == 17 }.map(\.element)
    let report = failed.enumerated().compactMap { line, phone in
      UnreachedList.phoneDigits(phone).map {
        UnreachedList.Entry(key: .phone($0), value: phone, line: line + 2, column: "手机号码", letters: nil)
      }
    }
    _ = try LaoganDatabase.markUnreached(id, report, writer)
  }

  /// 农历生日 for one in ten of the demo's cadres born before 1943 (80 and over in its year), as the oldest
  /// keep their birthdays, so that `report birthdays` has both calendars to list.
  mutating func buildLunarBirthdays() throws {
    progress("农历生日…")
    let saver = try RecordSaver<CadreKind>(writer, update: true)
    let oldest = try writer.db.records(
      Cadre.self,
      sql: "SELECT \(Cadre.selection) FROM cadre WHERE born_on < '1943-01-01' AND id % 10 = 7 ORDER BY id")
    for cadre in oldest { _ = try saver.save([.lunarBirthday: "是"], over: cadre) }
  }
}
