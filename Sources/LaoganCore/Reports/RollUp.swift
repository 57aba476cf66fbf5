import LaoganModel
import LaoganStore

/// A report computed part by part and put together (SPEC §13): the files of `--merge` as one report, and the
/// regions or files side by side (`--by-region`, `--by-source`).
public protocol RollUpReport: Sendable {
  /// The merged files' reports as one report; `parts` is never empty.
  static func combined(_ parts: [ReportPart<Self>]) -> Self
  /// This report with the parts' figures beside its own.
  func brokenDown(into parts: [ReportPart<Self>], by axis: BreakdownAxis) -> Self
}

/// One part's report: a file's, or a region's.
public struct ReportPart<Report: Sendable>: Sendable {
  /// 兴义市, or a file's name: what a column or a 来源 cell says.
  public let name: String
  /// What scripts key it by: a region's code, a file's name.
  public let key: String
  public let report: Report
}

/// What a report's parts are: the regions under its scope, or the files merged.
public enum BreakdownAxis: Sendable {
  case region, source

  /// The column or row heading naming a part.
  package var heading: String {
    switch self {
    case .region: "地区"
    case .source: "来源"
    }
  }

  var jsonKey: String {
    switch self {
    case .region: "by_region"
    case .source: "by_source"
    }
  }
}

/// Where a report's records are: one database, or the files merged.
public enum ReportSource: Sendable {
  case database(LaoganDatabase)
  case merged(MergedFiles)

  /// The report over `scope`, broken down by `axis` when asked: `make` computes it over one database for one
  /// region, and is called once per file and per region asked for, files two at a time.
  public func report<Report: RollUpReport>(
    scope: Region, by axis: BreakdownAxis?, _ make: @Sendable (LaoganDatabase, Region) throws -> Report
  ) throws -> Report {
    let regions = axis == .region ? scope.parts : []
    let regionPart = { (region: Region, report: Report) in
      ReportPart(name: region.displayName, key: region.key, report: report)
    }
    switch self {
    case .database(let database):
      let total = try make(database, scope)
      guard axis == .region else { return total }
      return total.brokenDown(into: try regions.map { regionPart($0, try make(database, $0)) }, by: .region)
    case .merged(let files):
      let computed = try files.mapDatabases { database in
        (total: try make(database, scope), regions: try regions.map { try make(database, $0) })
      }
      func combined(_ pick: ((total: Report, regions: [Report])) -> Report) -> Report {
        Report.combined(
          zip(files.names, computed).map { name, figures in ReportPart(name: name, key: name, report: pick(figures)) })
      }
      let total = combined(\.total)
      switch axis {
      case nil: return total
      case .source:
        let parts = zip(files.names, computed).map { ReportPart(name: $0, key: $0, report: $1.total) }
        return total.brokenDown(into: parts, by: .source)
      case .region:
        let parts = regions.indices.map { index in regionPart(regions[index], combined { $0.regions[index] }) }
        return total.brokenDown(into: parts, by: .region)
      }
    }
  }
}

extension ReportSource {
  /// `report 323 --explain KEY`: the records behind one figure; merged, each row starts with the file it is in
  /// (SPEC §13), the files' records one after another.
  public func explain323(key: String, region: Region, period: Period) throws -> [(title: String, table: Table)] {
    switch self {
    case .database(let database):
      return try database.explain323(key: key, region: region, period: period, reveal: false)
    case .merged(let files):
      let perFile = try files.mapDatabases {
        try $0.explain323(key: key, region: region, period: period, reveal: false)
      }
      guard let first = perFile.first else { return [] }
      return first.indices.map { index in
        let tables = zip(files.names, perFile).map { name, explained in
          explained[index].table.rows.map { [name] + $0 }
        }
        return (first[index].title, Table(headers: ["来源"] + first[index].table.headers, rows: tables.flatMap { $0 }))
      }
    }
  }

  /// What a report's reader should know that is not an error; merged, each under its file's name.
  public func reportWarnings(region: Region, period: Period) throws -> [String] {
    switch self {
    case .database(let database):
      return try database.reportWarnings(region: region, period: period)
    case .merged(let files):
      let perFile = try files.mapDatabases { try $0.reportWarnings(region: region, period: period) }
      return zip(files.names, perFile).flatMap { name, warnings in warnings.map { "\(name)：\($0)" } }
    }
  }
}
