import Foundation

/// How cadres are shown: a short list for the terminal, every field for an export, JSON for scripts.
/// Personal information is masked unless `reveal`.
public enum CadreOutput {
  /// The columns a clerk scans in `cadre list` and `cadre find`.
  static let listFields: [CadreField] = [
    .name, .sex, .bornOn, .residentID, .category, .rank, .region, .isPartyMember, .diedOn,
  ]

  public static func list(_ cadres: [Cadre], reveal: Bool) -> Table {
    Table(
      headers: ["编号"] + listFields.map(\.rawValue),
      rows: cadres.map { cadre in
        ["\(cadre.id ?? 0)"]
          + listFields.map { field in
            field == .region
              ? (cadre.region?.displayName ?? cadre.regionCode) : cadre.displayText(of: field, reveal: reveal)
          }
      })
  }

  /// Every field under the import headers, so that a revealed export imports back unchanged.
  public static func export(_ cadres: [Cadre], reveal: Bool) -> Table {
    Table(
      headers: CadreField.allCases.map(\.rawValue),
      rows: cadres.map { cadre in CadreField.allCases.map { cadre.displayText(of: $0, reveal: reveal) } })
  }

  /// Field by field, for `cadre show`.
  public static func details(_ cadre: Cadre, reveal: Bool) -> [(label: String, value: String)] {
    var lines = [("编号", "\(cadre.id ?? 0)")]
    for field in CadreField.allCases {
      let value =
        field == .region
        ? (cadre.region?.displayName ?? cadre.regionCode) : cadre.displayText(of: field, reveal: reveal)
      if !value.isEmpty { lines.append((field.rawValue, value)) }
    }
    if let reason = cadre.voidedReason { lines.append(("已作废", reason)) }
    return lines
  }

  /// A JSON array with the database's column names as keys (stable, sorted).
  public static func json(_ cadres: [Cadre], reveal: Bool) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let shown = reveal ? cadres : cadres.map(\.masked)
    return String(decoding: try encoder.encode(shown), as: UTF8.self) + "\n"
  }
}

extension Cadre {
  /// A copy with 身份证号 and phone numbers masked, for outputs that encode the whole record.
  public var masked: Cadre {
    var copy = self
    copy.residentID = Masking.residentID(residentID)
    copy.phone = phone.map(Masking.phone)
    copy.emergencyPhone = emergencyPhone.map(Masking.phone)
    return copy
  }
}
