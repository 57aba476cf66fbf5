import Foundation
import LaoganModel
import LaoganStore
import LaoganText

extension LaoganDatabase {
  /// `import KIND FILE` (SPEC §4, §12): a CSV or an .xlsx sheet, all or nothing. Every row is validated as
  /// `KIND add` would; keyed kinds upsert (an identical row changes nothing, a differing one needs `--update`),
  /// facts are added — and a file whose exact bytes were already imported as that kind is refused unless
  /// `--again`, so a monthly sheet is not counted twice. `progress` is told every thousand rows how far the
  /// import has come, and when it waits for another clerk's import to a shared database.
  public func importRecords(
    _ kind: any RecordKind.Type, from url: URL, options: ImportOptions, _ context: AuditContext,
    progress: (ImportProgress) -> Void = { _ in }
  ) throws -> ImportSummary {
    try kind.importFile(url, into: self, options: options, context, progress: progress)
  }
}

extension RecordKind {
  /// `LaoganDatabase.importRecords` for this kind. Reached through the protocol requirement, it is compiled
  /// for each kind, its fields hashed and compared directly; a generic function opened from `any RecordKind`
  /// looked their types up at run time for every cell of every row.
  public static func importFile(
    _ url: URL, into database: LaoganDatabase, options: ImportOptions, _ context: AuditContext,
    progress: (ImportProgress) -> Void
  ) throws -> ImportSummary {
    let sheet = try ImportSheet(url: url, encoding: options.encoding, sheet: options.sheet)
    do {
      return try importSheet(sheet, from: url, into: database, options: options, context, progress: progress)
    } catch var failure as ImportFailure where options.sheet == nil {
      // A workbook whose data is on another sheet fails on its first sheet's header: say which sheets there are.
      guard let names = sheet.sheetNames, names.count > 1,
        failure.problems.contains(where: { $0.reason.hasPrefix("不认识的列") || $0.reason == "缺少必需的列" })
      else { throw failure }
      failure.hint =
        "工作簿有 \(names.count) 个工作表（\(names.map { "“\($0)”" }.joined(separator: "、"))），读的是第一个“\(names[0])”；"
        + "数据在其他表时加 --sheet 表名，如 --sheet \(names[1])"
      throw failure
    }
  }

  private static func importSheet(
    _ sheet: ImportSheet, from url: URL, into database: LaoganDatabase, options: ImportOptions,
    _ context: AuditContext, progress: (ImportProgress) -> Void
  ) throws -> ImportSummary {

    let digest = isFact ? try FileDigest.sha256(of: url) : nil
    var summary = ImportSummary(encoding: sheet.encoding, dryRun: options.dryRun)
    // Placed in the file (a workbook's column letters) once the reading has ended and the header is known.
    var problems: [ImportProblem] = []
    var tries = 0
    var openReader: (@Sendable () throws -> LaoganDatabase)?
    if options.paths.worksAhead { openReader = database.secondReader }

    try database.write(
      context, dryRun: options.dryRun, checkedAtCommit: checkedAtCommit && options.paths.checksAtCommit,
      oneAtATime: true, whenWaiting: { progress(.waiting) }
    ) { writer in
      // A shared database runs the command again from the start when another clerk's got in the way: the
      // file is then read again from its first line, and counted again.
      let sheet = tries == 0 ? sheet : try ImportSheet(url: url, encoding: options.encoding, sheet: options.sheet)
      tries += 1
      summary = ImportSummary(encoding: sheet.encoding, dryRun: options.dryRun)
      summary.sheet = sheet.sheetName
      problems = []
      if let digest, !options.again { try LaoganDatabase.refuseRepeat(of: digest, as: name, writer.db) }
      let saver = try RecordSaver<Self>(writer, update: options.update)
      writer.lookup.waitsWhenFull = options.wait
      writer.rowsPerStatement = options.paths.rowsPerStatement
      let reading = ReadAhead<Self>(
        sheet, header: HeaderSearch<Field>(ignoreUnknown: options.ignoreUnknown, isWorkbook: sheet.isWorkbook),
        openReader: openReader)
      let end = try reading.forEachRow { row, fraction in
        summary.rows += 1
        if summary.rows % 1000 == 0 { progress(.read(rows: summary.rows, fraction: fraction)) }
        guard let cells = row.cells else {
          problems.append(ImportProblem(line: row.line, column: "", value: "", reason: "单元格比表头多"))
          return
        }
        do {
          writer.line = row.line
          let saved = try saver.save(cells, line: row.line, ahead: row.ahead)
          summary.count(saved.outcome)
          for note in saved.notes {
            summary.warn(ImportProblem(line: row.line, column: "", value: "", reason: note))
          }
        } catch let failure as FieldProblems {
          problems += failure.problems.map {
            ImportProblem(line: row.line, column: $0.field, value: $0.value, reason: $0.reason)
          }
        }
      }
      writer.line = nil
      // A file that stops being readable — a NUL byte, a damaged sheet — is reported as such, even before
      // its header.
      if let unreadable = end.unreadable {
        problems.append(ImportProblem(line: unreadable.line, column: "", value: "", reason: unreadable.reason))
      } else {
        let columns = try end.header.columnsAtEnd()
        summary.headerLine = columns.line
        if summary.rows == 0 {
          problems.append(ImportProblem(line: columns.line, column: "", value: "", reason: "文件只有表头，没有数据行"))
        }
      }
      for line in end.footers {
        summary.warn(ImportProblem(line: line, column: "", value: "", reason: "表尾（合计、制表人等），不是记录，已跳过"))
      }
      problems = problems.map { end.header.locate($0) }
      summary.locateWarnings { end.header.locate($0) }
      if !problems.isEmpty { throw ImportFailure(problems: problems) }
      if let digest {
        try writer.db.execute(
          // A file imported `--again` keeps the first import's entry: undoing the second import then leaves
          // the guard of the first in place.
          sql: SQLDialect.insertUnlessThere(into: "imported_file", ["kind", "sha256", "run_id"]),
          arguments: [name, digest, writer.runID])
      }
    }
    progress(.read(rows: summary.rows, fraction: 1))
    return summary
  }
}

extension LaoganDatabase {
  fileprivate static func refuseRepeat(of digest: String, as kind: String, _ db: any SQLSession) throws {
    guard
      let row = try db.row(
        sql: """
          SELECT r.id, r.ran_at, r.operator FROM imported_file f JOIN command_run r ON r.id = f.run_id
          WHERE f.kind = ? AND f.sha256 = ?
          """, arguments: [kind, digest])
    else { return }
    throw LaoganError.alreadyImported(kind: kind, run: row[0], at: row[1], by: row[2])
  }
}

extension ImportSummary {
  mutating func count(_ outcome: RecordSaver<some RecordKind>.Outcome) {
    switch outcome {
    case .added: added += 1
    case .updated: updated += 1
    case .unchanged: unchanged += 1
    }
  }
}

/// How far an import has come, for a clerk watching it.
public enum ImportProgress: Sendable {
  /// Waiting for another clerk's import to the shared database to end: imports there go one at a time.
  case waiting
  /// Rows read so far, and how far through the file that is (0 to 1, nil when the file does not say).
  case read(rows: Int, fraction: Double?)
}
