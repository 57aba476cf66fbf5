import ArgumentParser
import LaoganCore
import LaoganModel

/// One option per roster field, for `cadre add` and `cadre edit`; the values go through the same validation
/// as an imported row.
struct CadreFieldOptions: ParsableArguments {
  @Option(help: "姓名") var name: String?
  @Option(help: "性别（男/女；缺省时由身份证号得出）") var sex: String?
  @Option(help: "民族（如 汉、布依族）") var ethnicity: String?
  @Option(help: "出生日期（缺省时由身份证号得出）") var born: String?
  @Option(help: "农历生日（是/否）：按农历月、日过生日") var lunarBirthday: String?
  @Option(help: "身份证号（18 位，或旧式 15 位）") var id: String?
  @Option(help: "类别（离休/退休）") var category: String?
  @Option(help: "参加工作日期") var workStart: String?
  @Option(help: "离退休日期") var retired: String?
  @Option(help: "原工作单位") var unit: String?
  @Option(help: "原单位性质（机关/事业/企业）") var unitType: String?
  @Option(help: "原职务") var post: String?
  @Option(help: "职级（如 正县处级、科员及其他）") var rank: String?
  @Option(help: "管理地区（代码或名称，如 522301、兴义）") var region: String?
  @Option(help: "党员（是/否）") var partyMember: String?
  @Option(help: "入党日期") var joinedParty: String?
  @Option(help: "所在党组织（名称）") var organization: String?
  @Option(help: "居住地") var residence: String?
  @Option(help: "异地安置（是/否）") var resettled: String?
  @Option(help: "安置地（异地安置的干部现居何处）") var resettledTo: String?
  @Option(help: "安置范围（省内/省外）", completion: .list(ResettlementScope.allCases.map(\.rawValue)))
  var resettlementScope: String?
  @Option(help: "生活不能自理（是/否）") var needsCare: String?
  @Option(help: "联系电话") var phone: String?
  @Option(help: "紧急联系人") var emergencyContact: String?
  @Option(help: "紧急联系电话") var emergencyPhone: String?
  @Option(help: "去世日期") var died: String?
  @Option(help: "去世原因") var deathCause: String?
  @Option(help: "送别方式") var farewell: String?
  @Option(help: "备注") var note: String?
  @Option(help: "党员状态（正常/流动/失联）", completion: .list(PartyStatus.allCases.map(\.rawValue)))
  var partyStatus: String?
  @Option(help: "外出流向（流动党员现居何处）") var awayTo: String?

  /// The fields given on the command line; an empty string clears a field on edit. `--died ""` clears a
  /// wrongly registered death with its 去世原因 and 送别方式, unless those are given too.
  var cells: [CadreField: String] {
    let given: [(CadreField, String?)] = [
      (.name, name), (.sex, sex), (.ethnicity, ethnicity), (.bornOn, born), (.lunarBirthday, lunarBirthday),
      (.residentID, id),
      (.category, category), (.startedWorkOn, workStart), (.retiredOn, retired), (.formerUnit, unit),
      (.unitType, unitType), (.formerPost, post), (.rank, rank), (.region, region), (.isPartyMember, partyMember),
      (.joinedPartyOn, joinedParty), (.partyOrganization, organization), (.residence, residence),
      (.resettledElsewhere, resettled), (.needsCare, needsCare), (.phone, phone),
      (.emergencyContact, emergencyContact), (.emergencyPhone, emergencyPhone), (.diedOn, died),
      (.deathCause, deathCause ?? (died == "" ? "" : nil)), (.farewell, farewell ?? (died == "" ? "" : nil)),
      (.note, note),
      (.partyStatus, partyStatus), (.awayTo, awayTo), (.resettledTo, resettledTo),
      (.resettlementScope, resettlementScope),
    ]
    return given.reduce(into: [:]) { cells, pair in
      if let value = pair.1 { cells[pair.0] = value }
    }
  }
}
