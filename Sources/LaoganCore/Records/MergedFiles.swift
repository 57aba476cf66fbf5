import Foundation
import LaoganModel
import LaoganStore

/// The files of `--merge` (SPEC §13): all checked before anything is computed, then each computed on its own
/// and the results combined (`ReportDocument.combined`, `Report323.combined`).
///
/// Per file and combined, rather than attached into one query: SQLite attaches at most ten databases and a
/// province sends about ninety, every figure of a report is a count or a sum that adds up across files (a
/// person in two files counts in each, as SPEC §13 says), and the files can be read two at a time on two
/// cores. Each file is opened only while it is computed, so memory does not grow with their number.
public struct MergedFiles: Sendable {
  public let files: [SourceFile]
  /// What each file is called in a 来源 column and a `--by-source` column: the one region its cadres
  /// belong to, or its file name when it holds several regions (or shares its region with another file).
  public let names: [String]
  /// Called as each file of a pass is done, with how many of how many, for a person watching a long merge.
  public var onFileDone: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  public init(paths: [String]) throws {
    var seen: [SourceFile.FileIdentity: String] = [:]
    var files: [SourceFile] = []
    for path in paths {
      let file = try SourceFile(path: path)
      if let first = seen[file.identity] {
        throw LaoganError.sourceRefused(path: path, reason: "与 \(first) 是同一个文件，重复给出")
      }
      seen[file.identity] = path
      files.append(file)
    }
    self.files = files
    let regionNames = files.map { $0.regionCodes.count == 1 ? Region(named: $0.regionCodes[0])?.displayName : nil }
    let shortNames = zip(files, regionNames).map { file, region in
      guard let region, regionNames.filter({ $0 == region }).count == 1 else {
        return URL(fileURLWithPath: file.path).lastPathComponent
      }
      return region
    }
    // Two folders' `county.db`: the paths as given tell them apart.
    names = zip(files, shortNames).map { file, name in
      shortNames.filter { $0 == name }.count == 1 ? name : file.path
    }
  }

  /// `body` over every file, two at a time on this machine's cores; the results in the files' order, or the
  /// first file's error.
  public func map<T: Sendable>(_ body: @Sendable (SourceFile) throws -> T) throws -> [T] {
    let total = files.count
    let done: (@Sendable (Int) -> Void)? = onFileDone.map { report in { @Sendable finished in report(finished, total) }
    }
    return try files.concurrentMap(body, done: done)
  }

  /// The same map over each file as a `LaoganDatabase`, for the reports computed through it.
  package func mapDatabases<T: Sendable>(_ body: @Sendable (LaoganDatabase) throws -> T) throws -> [T] {
    try map { file in
      let database = try file.opened()
      defer { try? database.close() }
      return try body(database)
    }
  }

  /// A cadre registered in more than one file: each file counts them (SPEC §13), and this says so.
  package struct Duplicate: Sendable, Equatable {
    public let residentID: String
    public let name: String
    /// Each file holding them, with the record there.
    package let places: [Place]

    package struct Place: Sendable, Equatable {
      public let file: String
      /// `cadre 12`, as `check` names records.
      public let record: String
    }
  }

  /// The 身份证号 registered in more than one of the files: one hash set over every file's roster, so that a
  /// province's ninety files cost a fraction of their report.
  public func sharedResidentIDs() throws -> Set<String> {
    let rosters = try map { file in
      try file.read { try $0.values(String.self, sql: "SELECT resident_id FROM cadre WHERE \(RecordSQL.inForce())") }
    }
    var seen = Set<String>(minimumCapacity: rosters.reduce(0) { $0 + $1.count })
    var shared = Set<String>()
    for roster in rosters {
      for id in roster where !seen.insert(id).inserted { shared.insert(id) }
    }
    return shared
  }

  /// Each person registered in more than one file, with every file and record, in the order of their first
  /// file's records.
  package func duplicates() throws -> [Duplicate] {
    let shared = try sharedResidentIDs()
    guard !shared.isEmpty else { return [] }
    let list = String(decoding: try JSONEncoder().encode(shared.sorted()), as: UTF8.self)
    let found = try map { file in
      try file.read { db in
        try db.rows(
          sql: """
            SELECT id, name, resident_id FROM cadre
            WHERE \(RecordSQL.inForce()) AND resident_id IN \(SQLDialect.textList("?")) ORDER BY id
            """, arguments: [list]
        ).map { (id: $0[0] as Int64, name: $0[1] as String, residentID: $0[2] as String) }
      }
    }
    var places: [String: [Duplicate.Place]] = [:]
    var order: [(residentID: String, name: String)] = []
    for (file, cadres) in zip(files, found) {
      for cadre in cadres {
        if places[cadre.residentID] == nil { order.append((cadre.residentID, cadre.name)) }
        places[cadre.residentID, default: []].append(.init(file: file.path, record: "cadre \(cadre.id)"))
      }
    }
    return order.map { Duplicate(residentID: $0.residentID, name: $0.name, places: places[$0.residentID] ?? []) }
  }
}

extension MergedFiles {
  /// `check --merge`: each file's findings, naming the file, then each cadre registered in more than one file
  /// (`duplicate_across_files`), naming every file and record.
  public func check(full: Bool) throws -> [Finding] {
    let perFile = try mapDatabases { try $0.check(full: full) }
    let found = zip(files, perFile).flatMap { file, findings in
      findings.map { finding in
        var finding = finding
        finding.file = file.path
        return finding
      }
    }
    return try found
      + duplicates().map { duplicate in
        Finding(
          kind: .duplicateAcrossFiles,
          record: duplicate.places.map { "\($0.file) \($0.record)" }.joined(separator: "；"),
          detail: "\(duplicate.name)（\(Masking.residentID(duplicate.residentID))）在 \(duplicate.places.count) 个文件中都有登记")
      }
  }
}
