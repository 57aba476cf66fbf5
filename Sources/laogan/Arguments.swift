import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel

// Every closed choice and every typed value on the command line is read here, once, by the core's own
// parsers: a bad value is a usage error (exit 64) that lists the allowed values, and completion knows them.

extension Region: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(named: argument)
  }

  public static var allValueStrings: [String] { Region.scopeNames }

  /// `--region`'s help wherever it is taken (SPEC §2: 州直 is not the prefecture).
  static let scopeHelp = ArgumentHelp("地区（代码或名称）：黔西南州或 522300 为全州（默认），州直只含州直管理的记录，县市只含本县市。")
}

extension CalendarDate: ExpressibleByArgument {
  /// Every form a clerk writes (`2023-06-12`, `2023/6/12`, `2023年6月12日`, `20230612`) but Excel's serials.
  public init?(argument: String) {
    self.init(written: argument)
  }
}

extension Month: ExpressibleByArgument {
  /// `2026-11`, `2026/11`, `2026年11月`, `202611`; never a bare number.
  public init?(argument: String) {
    self.init(written: argument)
  }
}

extension Fen: ExpressibleByArgument {
  /// 元 with at most two decimals, more than zero: `800`, `800.50`, `1,234.50`, `¥800`. Every amount on the
  /// command line is a payment, a grant, an allocation or a monthly standard, none of which is negative.
  public init?(argument: String) {
    guard let amount = Fen(yuan: argument), amount > .zero else { return nil }
    self = amount
  }
}

extension TextEncoding: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(name: argument)
  }

  public static var allValueStrings: [String] { ["utf-8", "gb18030", "gbk"] }
}

extension ReportFormat: ExpressibleByArgument {}

/// A closed set's labels are its values on the command line, as in a spreadsheet cell.
extension ClosedSet where Self: ExpressibleByArgument {
  public init?(argument: String) {
    self.init(label: argument)
  }

  public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension CadreCategory: ExpressibleByArgument {}
extension Rank: ExpressibleByArgument {}
extension BenefitItem: ExpressibleByArgument {}

/// A period word as typed (`2026-11`, `2026Q3`, `2026`, `last-month` …), checked when parsed and resolved
/// later, since `last-month` depends on `--generated-at`.
struct PeriodWord: ExpressibleByArgument {
  let text: String
  /// The shape the word names, whatever day it is resolved on.
  let shape: Period.Shape

  init?(argument: String) {
    guard let period = Period(word: argument, today: CalendarDate(Date())) else { return nil }
    text = argument
    shape = period.shape
  }

  func resolved(today: CalendarDate) -> Period? {
    Period(word: text, today: today)
  }
}
