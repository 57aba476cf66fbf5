/// What SQLite spells its own way, one place a concept: the core builds its queries from these, so a second
/// engine behind the door changes these spellings and no rule or report. Each takes SQL expressions (a
/// column, a parameter) and gives one.
///
/// Dates are stored as `YYYY-MM-DD` text, so a day's month and month-and-day are its leading characters.
package enum SQLDialect {
  /// `day` moved by whole units: `shifted("c.died_on", by: 60, .days)`.
  package static func shifted(_ day: String, by amount: Int, _ unit: DateUnit) -> String {
    "date(\(day), '\(amount < 0 ? "-" : "+")\(abs(amount)) \(unit.rawValue)')"
  }

  package enum DateUnit: String {
    case days, months
  }

  /// The whole days from `earlier` to `later`, negative when `later` is earlier. `earlier` comes first in
  /// the text, so two `?` bind in the order of the arguments.
  package static func days(from earlier: String, to later: String) -> String {
    "CAST(-julianday(\(earlier)) + julianday(\(later)) AS INTEGER)"
  }

  /// A day's month, `YYYY-MM`: what a month column holds.
  package static func month(of day: String) -> String { "substr(\(day), 1, 7)" }

  /// A day's month and day, `MM-DD`: the same each year, for birthdays.
  package static func monthAndDay(of day: String) -> String { "substr(\(day), 6, 5)" }

  /// A day's year, as a number.
  package static func year(of day: String) -> String { "CAST(substr(\(day), 1, 4) AS INTEGER)" }

  /// The texts of a parameter bound to a JSON array of them, as a list for `IN`: one parameter, however long.
  package static func textList(_ parameter: String) -> String { "(SELECT value FROM json_each(\(parameter)))" }

  /// A query of the rows of a parameter bound to a JSON array of arrays of `width` values: one parameter for
  /// a table the core worked out, whatever its length.
  package static func rows(of parameter: String, width: Int) -> String {
    "SELECT " + (0..<width).map { "json_extract(value, '$[\($0)]')" }.joined(separator: ", ")
      + " FROM json_each(\(parameter))"
  }

  /// The group's values of `expression` joined into one text, in no promised order unless the rows are.
  package static func joined(_ expression: String, separator: String = ",") -> String {
    "group_concat(\(expression), '\(separator)')"
  }

  /// An amount of 分 as 元 with two decimals, as text.
  package static func yuan(_ fen: String) -> String { "printf('%.2f', \(fen) / 100.0)" }

  /// The join that keeps the planner to the order written: SQLite treats a CROSS JOIN so.
  package static let joinInOrder = "CROSS JOIN"
}

extension SQLDialect {
  /// A hint that a table be read by one of its indexes, for a query the planner would read otherwise.
  package static func indexed(by index: String) -> String { "INDEXED BY \(index)" }

  /// An `INSERT` of one row that leaves the row already there when the row would repeat a unique key.
  package static func insertUnlessThere(into table: String, _ columns: [String]) -> String {
    "INSERT OR IGNORE INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
      + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
  }

  /// The cadres whose search keys (`PinyinKeys`) have a key starting with the one bound to `parameter`:
  /// SQLite's full-text index of them, `cadre_search`.
  package static func cadreIDs(searchedBy parameter: String) -> String {
    "(SELECT rowid FROM cadre_search WHERE cadre_search MATCH \(parameter))"
  }

  /// What `cadreIDs(searchedBy:)` is bound to for the letters and digits of `key`: a prefix query.
  package static func searchPrefix(_ key: String) -> String { "\"\(key)\"*" }

  /// Rows of one foreign key each that points at no row, as `"table"`, `rowid` and `parent`: SQLite's own
  /// check of every foreign key, for rows written with the checks off.
  package static let brokenForeignKeys = "pragma_foreign_key_check"

  /// The statement that checks the whole file, page by page (`full`), or quickly: `ok`, or what is wrong.
  package static func integrityCheck(full: Bool) -> String {
    full ? "PRAGMA integrity_check" : "PRAGMA quick_check"
  }
}
