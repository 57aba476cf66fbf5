import Foundation
import GRDB

extension LaoganDatabase {
  /// `import cadres FILE`: all or nothing. Every row is validated as `cadre add` would; rows upsert by
  /// 身份证号 — an identical row changes nothing (so a re-import is harmless), a differing one needs `--update`.
  /// Columns the file lacks leave existing values alone. `progress` is called with the rows read so far.
  public func importCadres(
    from url: URL, options: ImportOptions, _ context: AuditContext, progress: (Int) -> Void = { _ in }
  ) throws -> ImportSummary {
    var reader: CSVReader
    do {
      reader = try CSVReader(url: url, encoding: options.encoding)
    } catch let error as CSVError {
      throw ImportFailure(problems: [ImportProblem(line: error.line, column: "", value: "", reason: error.reason)])
    }
    guard let header = reader.next() else {
      let reason = reader.error?.reason ?? "文件是空的，没有表头行"
      throw ImportFailure(problems: [
        ImportProblem(line: reader.error?.line ?? 1, column: "", value: "", reason: reason)
      ])
    }
    let columns = try HeaderMap<CadreField>(header, ignoreUnknown: options.ignoreUnknown)
    var summary = ImportSummary(encoding: reader.encoding, dryRun: options.dryRun)
    var problems: [ImportProblem] = []

    try write(context, dryRun: options.dryRun) { writer in
      let existingCadre = try writer.db.cachedStatement(sql: "SELECT * FROM cadre WHERE resident_id = ?")
      let seen = try ImportedKeys(writer.db)
      defer { seen.drop() }
      while let record = reader.next() {
        summary.rows += 1
        if summary.rows % 1000 == 0 { progress(summary.rows) }
        if record.cells.count > columns.width, record.cells[columns.width...].contains(where: { !$0.isEmpty }) {
          problems.append(ImportProblem(line: record.line, column: "", value: "", reason: "单元格比表头多"))
          continue
        }
        let cells = columns.cells(of: record)
        let id = cells[.residentID].flatMap { try? ResidentID($0) }?.value
        let existing = try id.flatMap { try Cadre.fetchOne(existingCadre, arguments: [$0]) }
        var entry = existing.map(CadreEntry.init) ?? CadreEntry()
        entry.cells.merge(cells) { _, new in new }
        switch entry.validated() {
        case .failure(let failure):
          problems += failure.problems.map {
            ImportProblem(line: record.line, column: $0.field, value: $0.value, reason: $0.reason)
          }
        case .success(var (cadre, notes)):
          summary.warnings += notes.map { ImportProblem(line: record.line, column: "身份证号", value: "", reason: $0) }
          if let first = try seen.line(of: cadre.residentID) {
            problems.append(
              ImportProblem(
                line: record.line, column: CadreField.residentID.rawValue, value: Masking.residentID(cadre.residentID),
                reason: "与第 \(first) 行重复"))
            continue
          }
          try seen.insert(cadre.residentID, line: record.line)
          guard let existing else {
            try writer.insert(&cadre)
            summary.added += 1
            continue
          }
          cadre.id = existing.id
          cadre.voidedReason = existing.voidedReason
          if cadre == existing {
            summary.unchanged += 1
          } else if options.update {
            try writer.update(cadre, from: existing)
            summary.updated += 1
          } else {
            let changed = CadreField.allCases.filter { cadre.text(of: $0) != existing.text(of: $0) }.map(\.rawValue)
            problems.append(
              ImportProblem(
                line: record.line, column: CadreField.residentID.rawValue, value: Masking.residentID(cadre.residentID),
                reason: "已登记为记录 \(existing.id ?? 0)，本行的\(changed.joined(separator: "、"))与之不同；以本文件为准请加 --update"))
          }
        }
      }
      if let error = reader.error {
        problems.append(ImportProblem(line: error.line, column: "", value: "", reason: error.reason))
      }
      if !problems.isEmpty { throw ImportFailure(problems: problems) }
    }
    progress(summary.rows)
    return summary
  }
}
