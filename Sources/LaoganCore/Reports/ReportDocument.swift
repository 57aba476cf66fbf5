import LaoganModel

/// A report as a clerk files it — a title, a few lines saying what it covers, and tables — whatever the
/// report. Every format but JSON renders this value; no renderer touches the database.
public struct ReportDocument: Sendable, Equatable {
  public var title: String
  /// 地区, 统计期, 生成时间 …
  package var subtitle: [String]
  public var sections: [Section]
  /// The days the document is about when they are not the period asked for: the 重阳 list of `--year 2023`
  /// is of 2023-10-23 alone, and its JSON says so as its heading does.
  package var span: Period?

  public init(title: String, subtitle: [String], sections: [Section], span: Period? = nil) {
    self.title = title
    self.subtitle = subtitle
    self.sections = sections
    self.span = span
  }

  public struct Section: Sendable, Equatable {
    public var title: String
    public var headers: [String]
    /// Headers spanning several columns above `headers` (环比 over 上期 and 增减), as (title, first column,
    /// column count); empty for a one-row header.
    package var headerGroups: [HeaderGroup]
    public var rows: [[Cell]]
    /// Lines under the table: a data problem the figures point at, a hint.
    public var notes: [String]
    /// How several parts' sections become one (`--merge`, `--by-region`): categories by default.
    package var combination: Combination

    public init(
      title: String, headers: [String], headerGroups: [HeaderGroup] = [], rows: [[Cell]], notes: [String] = [],
      combination: Combination = .tally(order: .fixed)
    ) {
      self.title = title
      self.headers = headers
      self.headerGroups = headerGroups
      self.rows = rows
      self.notes = notes
      self.combination = combination
    }

    /// The group spanning `column`, if any.
    public func group(of column: Int) -> HeaderGroup? {
      headerGroups.first { $0.covers(column) }
    }

    /// One header row: each grouped column's header prefixed by its group's title (`环比` + `增减`), for the
    /// formats that have no two-level header (Markdown, CSV, JSON).
    package var flatHeaders: [String] {
      headers.enumerated().map { column, header in (group(of: column)?.title ?? "") + header }
    }

    /// Whether `column` holds numbers (counts or money), which every format aligns right.
    package func isNumeric(_ column: Int) -> Bool {
      rows.contains { $0.indices.contains(column) && $0[column].isNumeric }
    }
  }

  public struct HeaderGroup: Sendable, Equatable {
    public let title: String
    public let first: Int
    public let count: Int

    public init(title: String, first: Int, count: Int) {
      self.title = title
      self.first = first
      self.count = count
    }

    /// The columns it spans.
    package var columns: Range<Int> { first..<(first + count) }

    package func covers(_ column: Int) -> Bool { columns.contains(column) }
  }

  /// A table cell: text, a count, or money in 分 (shown in 元).
  public enum Cell: Sendable, Equatable {
    case text(String)
    case number(Int64)
    case money(Int64)
    case empty

    /// How the terminal, Markdown and CSV show it: counts plain, money with two decimals, a change signed.
    public var text: String {
      switch self {
      case .text(let text): text
      case .number(let value): "\(value)"
      case .money(let fen): Fen(fen).description
      case .empty: ""
      }
    }

    package var isNumeric: Bool {
      switch self {
      case .number, .money: true
      default: false
      }
    }
  }
}
