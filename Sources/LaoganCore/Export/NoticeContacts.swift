import Foundation
import LaoganModel

/// A column of `notice contacts`' file: what an SMS gateway takes in, or a phone tree is called down.
package enum NoticeContactField: String, ImportField {
  case name = "姓名"
  case residentID = "身份证号"
  case phone = "电话"
  case region = "地区"
  case organization = "党组织"

  public var alias: String {
    switch self {
    case .name: "name"
    case .residentID: "resident_id"
    case .phone: "phone"
    case .region: "region_name"
    case .organization: "party_organization"
    }
  }

  public var isRequired: Bool { self == .name || self == .phone }

  public var form: ColumnForm {
    switch self {
    case .residentID: .residentID
    case .phone: .phone
    default: .text
    }
  }
}

/// The file `notice contacts` writes: one row a recipient who has a phone — or only those not reached, for a
/// second round by telephone — and apart from it, those without one, who must be told another way. The
/// numbers are masked unless revealed (SPEC §7): a gateway needs them whole, and the showing is logged.
public struct NoticeContacts: Sendable {
  public let rows: [[String]]
  public let withoutPhone: [NoticeRecipient]
  /// The recipients whose numbers the file shows, for the reveal's log entry.
  public let listed: [NoticeRecipient]

  public init(_ recipients: [NoticeRecipient], onlyUnreached: Bool, reveal: Bool) {
    listed = recipients.filter { onlyUnreached ? $0.reach == .unreached : $0.reach != .noPhone }
    withoutPhone = recipients.filter { $0.reach == .noPhone }
    rows = listed.map { recipient in
      NoticeContactField.allCases.map { field in
        switch field {
        case .name: recipient.name
        case .residentID: reveal ? recipient.residentID : Masking.residentID(recipient.residentID)
        // Digits alone, as a gateway takes them: `+86 139-0000-1111` is 13900001111.
        case .phone:
          recipient.phone.map { UnreachedList.phoneDigits($0) ?? $0 }.map { reveal ? $0 : Masking.phone($0) } ?? ""
        case .region: Region.displayName(of: recipient.regionCode)
        case .organization: recipient.organization ?? ""
        }
      }
    }
  }

  public var table: Table {
    Table(headers: NoticeContactField.allCases.map(\.rawValue), rows: rows)
  }

  public func workbook() throws -> Data {
    try RecordWorkbook.data(NoticeContactField.self, sheetName: "通讯录", rows: rows)
  }
}
