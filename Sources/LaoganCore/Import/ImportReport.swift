import Foundation

/// One bad cell or row, located so a clerk can find it in the spreadsheet.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
  public let line: Int
  /// The column's header as the file spells it; empty for a problem with the whole row.
  package let column: String
  public let value: String
  public let reason: String
  /// For a workbook's row, the column's letters (`E`), or "" for the whole row; nil for a CSV's line.
  package var letters: String?

  public init(line: Int, column: String, value: String, reason: String, letters: String? = nil) {
    self.line = line
    self.column = column
    self.value = value
    self.reason = reason
    self.letters = letters
  }

  /// `line 12, column 身份证号` in a CSV; `第 12 行 E 列 身份证号` in a workbook, as Excel shows its rows and
  /// columns.
  public var description: String {
    let place =
      switch (letters, column.isEmpty) {
      case (nil, true): "line \(line)"
      case (nil, false): "line \(line), column \(column)"
      case (let letters?, _) where letters.isEmpty || column.isEmpty:
        "第 \(line) 行" + (column.isEmpty ? "" : " \(column)")
      case (let letters?, _): "第 \(line) 行 \(letters) 列 \(column)"
      }
    return value.isEmpty ? "\(place): \(reason)" : "\(place): \(value) — \(reason)"
  }
}

/// Nothing was written because the file has problems; every one of them is listed.
public struct ImportFailure: LocalizedError, Sendable {
  public let problems: [ImportProblem]
  /// Where else to look, when the problems may come from reading the wrong sheet.
  public var hint: String?
  /// What was left undone, for a command other than `import` that reads a clerk's file.
  package var outcome: String

  public init(problems: [ImportProblem], hint: String? = nil, outcome: String = "未导入任何记录（修改后重新导入整个文件）") {
    self.problems = problems
    self.hint = hint
    self.outcome = outcome
  }

  public var errorDescription: String? {
    "\(problems.count) 处问题，\(outcome)" + (hint.map { "。\($0)" } ?? "")
  }
}

/// How an import went: what was added, changed and left alone, and what is worth a look.
public struct ImportSummary: Sendable {
  /// The CSV's encoding; nil for a workbook.
  public var encoding: TextEncoding?
  /// The workbook's sheet that was read; nil for a CSV.
  public var sheet: String?
  /// The row (or line) the header was found on: not the first when title rows stand above it.
  public var headerLine = 1
  public var rows = 0
  public var added = 0
  public var updated = 0
  public var unchanged = 0
  public var dryRun = false
  /// Accepted rows worth a clerk's attention, such as an upgraded 15-digit 身份证号: the first
  /// `keptWarnings` of them, so memory stays flat on a long file; `warningCount` counts them all.
  public private(set) var warnings: [ImportProblem] = []
  public private(set) var warningCount = 0
  package static let keptWarnings = 200

  mutating func warn(_ problem: ImportProblem) {
    warningCount += 1
    if warnings.count < ImportSummary.keptWarnings { warnings.append(problem) }
  }

  /// Places the kept warnings in the file as `locate` does (a workbook's column letters).
  mutating func locateWarnings(_ locate: (ImportProblem) -> ImportProblem) {
    warnings = warnings.map(locate)
  }
}

/// What the clerk asked of an import (SPEC §4).
public struct ImportOptions: Sendable {
  public var dryRun = false
  /// Change cadres whose 身份证号 is already on the roster; without it a differing row is an error.
  public var update = false
  public var ignoreUnknown = false
  /// Import a file of facts whose exact bytes were imported before.
  public var again = false
  /// Nil detects the encoding.
  public var encoding: TextEncoding?
  /// The workbook's sheet to read; nil for the first.
  public var sheet: String?
  /// An enrolment past its course's capacity waits instead of being refused (SPEC §17).
  public var wait = false
  /// The import's fast paths, all taken but by the test that holds them to the plain path (`ImportPaths`).
  package var paths = ImportPaths()

  public init(
    dryRun: Bool = false, update: Bool = false, ignoreUnknown: Bool = false, again: Bool = false,
    encoding: TextEncoding? = nil, sheet: String? = nil, wait: Bool = false
  ) {
    self.sheet = sheet
    self.wait = wait
    self.dryRun = dryRun
    self.update = update
    self.ignoreUnknown = ignoreUnknown
    self.again = again
    self.encoding = encoding
  }
}
