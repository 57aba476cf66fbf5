/// Reports of several parts — merged files, or the regions under a report's scope — made into one report, and
/// laid side by side (SPEC §13). How a section combines is its `combination`: categories add up, records are
/// listed under the part they come from.
extension ReportDocument: RollUpReport {
  /// How a section's rows from several parts become one section.
  public enum Combination: Sendable, Equatable {
    /// Rows are categories — a 类别, an age band, a month — named by their text cells: the same category's
    /// figures are added up, and a 合计 row stays last. `order` puts categories only some parts have in place.
    case tally(order: RowOrder)
    /// Rows are records — a cadre, an organization: each part's rows listed after a 来源 cell naming it, so
    /// two files' organizations of the same 名称 stay two; a last 合计 row, when `total`, is added up.
    case list(total: Bool)
  }

  /// Where a category goes among the others.
  public enum RowOrder: Sendable, Equatable {
    /// The same rows in every part, in this order.
    case fixed
    /// A subset of these labels (`label(of:)`), in their order (regions, 民族).
    case labels([String])
    /// By label: months.
    case sorted
  }

  /// The label of a row that adds up the others.
  static let totalLabel = "合计"

  /// The merged files' reports as one: the first one's title and heading, with a line naming the files; each
  /// section combined as it says; each file's notes kept under its name.
  public static func combined(_ parts: [ReportPart<ReportDocument>]) -> ReportDocument {
    guard let first = parts.first?.report else { return ReportDocument(title: "", subtitle: [], sections: []) }
    let sections = first.sections.indices.map { index in
      combine(parts.map { (name: $0.name, section: $0.report.sections[index]) })
    }
    return ReportDocument(
      title: first.title, subtitle: first.subtitle + [ReportHeading.merged(parts.map(\.name))],
      sections: sections, span: first.span)
  }

  /// The report with each part's rows beside its own (`--by-region`, `--by-source`): a category table gains a
  /// first column naming the part, each part's rows under it and this report's own rows under 合计; a list of
  /// records is left as it is, since its rows already say where they come from.
  public func brokenDown(into parts: [ReportPart<ReportDocument>], by axis: BreakdownAxis) -> ReportDocument {
    let heading = axis.heading
    var document = self
    document.sections = sections.indices.map { index in
      let total = sections[index]
      guard case .tally = total.combination else { return total }
      var section = total.withFirstColumn(
        heading,
        rows: parts.flatMap { part in part.report.sections[index].rows.map { [.text(part.name)] + $0 } }
          + total.rows.map { [.text(Self.totalLabel)] + $0 })
      section.notes = parts.flatMap { part in part.report.sections[index].notes.map { "\(part.name)：\($0)" } }
      return section
    }
    return document
  }

  private static func combine(_ parts: [(name: String, section: Section)]) -> Section {
    var section = parts[0].section
    section.notes = parts.flatMap { part in part.section.notes.map { "\(part.name)：\($0)" } }
    switch section.combination {
    case .tally(let order):
      section.rows = tally(parts.map(\.section.rows), order: order)
    case .list(let total):
      let listed = parts.flatMap { part in
        (total ? part.section.rows.dropLast() : part.section.rows[...]).map { [.text(part.name)] + $0 }
      }
      let totals = total ? [[.text(totalLabel)] + added(parts.compactMap(\.section.rows.last))] : []
      section = section.withFirstColumn(BreakdownAxis.source.heading, rows: listed + totals)
    }
    return section
  }

  /// Categories added up by label — a row's text cells before its first figure (场合 and 地区 together, say);
  /// the 合计 row added up and kept last.
  private static func tally(_ tables: [[[Cell]]], order: RowOrder) -> [[Cell]] {
    var labels: [String] = []
    var rows: [String: [[Cell]]] = [:]
    var totals: [[Cell]] = []
    for table in tables {
      for row in table {
        if row.first?.text == totalLabel {
          totals.append(row)
          continue
        }
        let label = Self.label(of: row)
        if rows[label] == nil { labels.append(label) }
        rows[label, default: []].append(row)
      }
    }
    switch order {
    case .fixed: break
    case .sorted: labels.sort()
    case .labels(let known):
      labels.sort { (known.firstIndex(of: $0) ?? known.count, $0) < (known.firstIndex(of: $1) ?? known.count, $1) }
    }
    return labels.map { added(rows[$0] ?? []) } + (totals.isEmpty ? [] : [added(totals)])
  }

  /// What names a category row: its text cells before its first figure, joined by `|`.
  static func label(of row: [Cell]) -> String {
    row.prefix { !$0.isNumeric }.map(\.text).joined(separator: "|")
  }

  /// Rows of the same shape added cell by cell: counts and money summed, text from the first.
  static func added(_ rows: [[Cell]]) -> [Cell] {
    guard var sum = rows.first else { return [] }
    for row in rows.dropFirst() {
      for column in sum.indices where row.indices.contains(column) {
        switch (sum[column], row[column]) {
        case (.number(let a), .number(let b)): sum[column] = .number(a + b)
        case (.money(let a), .money(let b)): sum[column] = .money(a + b)
        default: break
        }
      }
    }
    return sum
  }
}

extension ReportDocument.Section {
  /// The section with a first column headed `header` before its own, its header groups moved along with them;
  /// `rows` replace its rows, each starting with that column's cell.
  func withFirstColumn(_ header: String, rows: [[ReportDocument.Cell]]) -> Self {
    var section = self
    section.headers = [header] + headers
    section.headerGroups = headerGroups.map { .init(title: $0.title, first: $0.first + 1, count: $0.count) }
    section.rows = rows
    return section
  }
}
