/// What each engine spells its own way, one place a concept: the core builds its queries from these, so the
/// second engine behind the door changes these spellings and no rule or report. Each takes SQL expressions
/// (a column, a parameter) and gives one, in the spelling of the engine the current read or write is on
/// (`engine`, bound by the door for the length of each).
///
/// So a statement is spelled inside the read or write that runs it, never before: spelled outside, it would take
/// whichever engine the caller happened to bind, or none. A debug build stops there (the suites run on both
/// engines find such a statement by it); a release build spells for the engine the caller bound (the binary
/// binds its command's), else for SQLite, the embedded default.
///
/// SQLite stores dates as `YYYY-MM-DD` text, PostgreSQL as `date`; a parameter is text on both, and a date
/// read back is text on both, so only what is worked out inside a statement differs.
package enum SQLDialect {
  /// The engine of the read or write under way, bound by the door for its length.
  @TaskLocal package static var bound: SQLEngine?

  /// The engine whose spellings the statements being built use.
  package static var engine: SQLEngine {
    assert(bound != nil, "SQL spelled outside a read or write: spell it inside, for the engine that runs it")
    return bound ?? .sqlite
  }

  /// `day` moved by whole units: `shifted("c.died_on", by: 60, .days)`. Months move as SQLite moves them: the
  /// same day of the month, running on into the next month where that day is missing (31 August and six
  /// months is 3 March), where PostgreSQL alone would stop at the month's last day.
  package static func shifted(_ day: String, by amount: Int, _ unit: DateUnit) -> String {
    switch (engine, unit) {
    case (.sqlite, _): "date(\(day), '\(amount < 0 ? "-" : "+")\(abs(amount)) \(unit.rawValue)')"
    case (.postgresql, .days): "(CAST(\(day) AS date) + \(amount))"
    case (.postgresql, .months):
      "(CAST(date_trunc('month', CAST(\(day) AS date)) + INTERVAL '\(amount) months' AS date) "
        + "+ CAST(EXTRACT(DAY FROM CAST(\(day) AS date)) AS integer) - 1)"
    }
  }

  package enum DateUnit: String {
    case days, months
  }

  /// Whether two values differ, NULL counted as a value: a row other than the one being edited, whose id is
  /// NULL for a new record (`differs("id", "?")`).
  package static func differs(_ left: String, _ right: String) -> String {
    switch engine {
    case .sqlite: "\(left) IS NOT \(right)"
    case .postgresql: "\(left) IS DISTINCT FROM \(right)"
    }
  }

  /// Whether two values are the same, NULL counted as a value.
  package static func same(_ left: String, _ right: String) -> String {
    switch engine {
    case .sqlite: "\(left) IS \(right)"
    case .postgresql: "\(left) IS NOT DISTINCT FROM \(right)"
    }
  }

  /// The whole days from `earlier` to `later`, negative when `later` is earlier. `earlier` comes first in
  /// the text, so two `?` bind in the order of the arguments.
  package static func days(from earlier: String, to later: String) -> String {
    switch engine {
    case .sqlite: "CAST(-julianday(\(earlier)) + julianday(\(later)) AS INTEGER)"
    case .postgresql: "(0 - (CAST(\(earlier) AS date) - CAST(\(later) AS date)))"
    }
  }

  /// A day's month, `YYYY-MM`: what a month column holds.
  package static func month(of day: String) -> String {
    switch engine {
    case .sqlite: "substr(\(day), 1, 7)"
    case .postgresql: "to_char(CAST(\(day) AS date), 'YYYY-MM')"
    }
  }

  /// A day's month and day, `MM-DD`: the same each year, for birthdays.
  package static func monthAndDay(of day: String) -> String {
    switch engine {
    case .sqlite: "substr(\(day), 6, 5)"
    case .postgresql: "to_char(CAST(\(day) AS date), 'MM-DD')"
    }
  }

  /// A day's year, as a number.
  package static func year(of day: String) -> String {
    switch engine {
    case .sqlite: "CAST(substr(\(day), 1, 4) AS INTEGER)"
    case .postgresql: "CAST(EXTRACT(YEAR FROM CAST(\(day) AS date)) AS integer)"
    }
  }

  /// The first day of the month `month` (an SQL expression giving `YYYY-MM`), as the engine holds a day.
  package static func firstDay(ofMonth month: String) -> String {
    switch engine {
    case .sqlite: "(\(month) || '-01')"
    case .postgresql: "CAST(\(month) || '-01' AS date)"
    }
  }

  /// The last day of the month `month` (an SQL expression giving `YYYY-MM`).
  package static func lastDay(ofMonth month: String) -> String {
    switch engine {
    case .sqlite: "date(\(month) || '-01', '+1 month', '-1 day')"
    case .postgresql: "CAST(CAST(\(month) || '-01' AS date) + INTERVAL '1 month' - INTERVAL '1 day' AS date)"
    }
  }

  /// The texts of a parameter bound to a JSON array of them, as a list for `IN`: one parameter, however long.
  package static func textList(_ parameter: String) -> String {
    switch engine {
    case .sqlite: "(SELECT value FROM json_each(\(parameter)))"
    case .postgresql: "(SELECT value FROM json_array_elements_text(CAST(\(parameter) AS json)) AS value)"
    }
  }

  /// A query of the rows of a parameter bound to a JSON array of arrays, one value of each of `columns`: one
  /// parameter for a table the core worked out, whatever its length.
  package static func rows(of parameter: String, _ columns: [ColumnType]) -> String {
    switch engine {
    case .sqlite:
      "SELECT " + columns.indices.map { "json_extract(value, '$[\($0)]')" }.joined(separator: ", ")
        + " FROM json_each(\(parameter))"
    case .postgresql:
      "SELECT "
        + columns.enumerated().map { "CAST(value->>\($0.offset) AS \($0.element.rawValue))" }
        .joined(separator: ", ") + " FROM json_array_elements(CAST(\(parameter) AS json)) AS value"
    }
  }

  /// What a value of a table bound as one parameter is, for an engine that types its columns.
  package enum ColumnType: String {
    case integer = "bigint", text, day = "date"
  }

  /// The group's values of `expression` joined into one text. SQLite joins them in the order it reads the
  /// rows (a table's in id order); PostgreSQL is told that order: by `order`, the expression itself unless
  /// given (an id in its numeric order).
  package static func joined(_ expression: String, separator: String = ",", order: String? = nil) -> String {
    switch engine {
    case .sqlite: "group_concat(\(expression), '\(separator)')"
    case .postgresql: "string_agg(CAST(\(expression) AS text), '\(separator)' ORDER BY \(order ?? expression))"
    }
  }

  /// An amount of 分 as 元 with two decimals, as text.
  package static func yuan(_ fen: String) -> String {
    switch engine {
    case .sqlite: "printf('%.2f', \(fen) / 100.0)"
    case .postgresql: "to_char(\(fen) / 100.0, 'FM999999999999990.00')"
    }
  }

  /// The larger of two numbers.
  package static func larger(_ one: String, _ other: String) -> String {
    switch engine {
    case .sqlite: "MAX(\(one), \(other))"
    case .postgresql: "GREATEST(\(one), \(other))"
    }
  }

  /// A condition as the number 1 or 0 (NULL when unknown), as SQLite holds a truth: for `SUM` of one and
  /// `MAX` over a group.
  package static func number(of condition: String) -> String {
    switch engine {
    case .sqlite: "(\(condition))"
    case .postgresql: "CAST((\(condition)) AS integer)"
    }
  }

  /// How many rows of the group meet `condition`: the sum of its truths (NULL for a group of unknowns).
  package static func count(where condition: String) -> String { "SUM(\(number(of: condition)))" }

  /// Today, on the clerk's calendar (the connection's time zone is the clerk's).
  package static var today: String {
    switch engine {
    case .sqlite: "date('now', 'localtime')"
    case .postgresql: "CURRENT_DATE"
    }
  }

  /// The join that keeps the planner to the order written: SQLite treats a CROSS JOIN so. PostgreSQL plans
  /// joins itself.
  package static var joinInOrder: String {
    switch engine {
    case .sqlite: "CROSS JOIN"
    case .postgresql: "JOIN"
    }
  }
}

/// An engine behind the door.
package enum SQLEngine: Sendable {
  case sqlite, postgresql
}

extension SQLDialect {
  /// A hint that a table be read by one of its indexes, for a query SQLite's planner would read otherwise.
  package static func indexed(by index: String) -> String {
    switch engine {
    case .sqlite: "INDEXED BY \(index)"
    case .postgresql: ""
    }
  }

  /// An `INSERT` of one row that leaves the row already there when the row would repeat a unique key.
  package static func insertUnlessThere(into table: String, _ columns: [String]) -> String {
    let values = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    return switch engine {
    case .sqlite: "INSERT OR IGNORE INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values))"
    case .postgresql:
      "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(values)) ON CONFLICT DO NOTHING"
    }
  }

  /// The cadres whose search keys (`PinyinKeys`) have a key starting with the one bound to `parameter`:
  /// SQLite's full-text index of them, `cadre_search`; on PostgreSQL the keys themselves, a word at a time.
  package static func cadreIDs(searchedBy parameter: String) -> String {
    switch engine {
    case .sqlite: "(SELECT rowid FROM cadre_search WHERE cadre_search MATCH \(parameter))"
    case .postgresql: "(SELECT id FROM cadre WHERE ' ' || search_keys LIKE '% ' || \(parameter) || '%')"
    }
  }

  /// What `cadreIDs(searchedBy:)` is bound to for the letters and digits of `key`: a prefix query.
  package static func searchPrefix(_ key: String) -> String {
    switch engine {
    case .sqlite: "\"\(key)\"*"
    case .postgresql: key
    }
  }

  /// Rows of one foreign key each that points at no row, as `"table"`, `rowid` and `parent`: SQLite's own
  /// check of every foreign key, for rows written with the checks off. PostgreSQL never writes such a row.
  package static var brokenForeignKeys: String {
    switch engine {
    case .sqlite: "pragma_foreign_key_check"
    case .postgresql:
      "(SELECT CAST(NULL AS text) AS \"table\", CAST(NULL AS bigint) AS rowid, CAST(NULL AS text) AS parent WHERE false) AS none"
    }
  }

  /// The statement that checks the whole file, page by page (`full`), or quickly: `ok`, or what is wrong.
  /// A PostgreSQL server checks its own pages as it reads them.
  package static func integrityCheck(full: Bool) -> String {
    switch engine {
    case .sqlite: full ? "PRAGMA integrity_check" : "PRAGMA quick_check"
    case .postgresql: "SELECT 'ok'"
    }
  }

  /// The columns of the table bound to `?`, in their order, one a row as `name`; without the generated ones
  /// (`payment.counted_on`), which follow the others, unless `generated`.
  package static func columns(generated: Bool) -> String {
    switch engine {
    case .sqlite: "SELECT name FROM pragma_table_xinfo(?) WHERE \(generated ? "hidden <> 1" : "hidden = 0")"
    case .postgresql:
      """
      SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ?\(generated ? "" : " AND is_generated = 'NEVER'")
      ORDER BY ordinal_position
      """
    }
  }

  /// The tables the foreign keys of the table bound to `?` point to, one a row.
  package static var referencedTables: String {
    switch engine {
    case .sqlite: "SELECT \"table\" FROM pragma_foreign_key_list(?)"
    case .postgresql:
      "SELECT DISTINCT CAST(confrelid AS regclass)::text FROM pg_constraint WHERE contype = 'f' AND conrelid = CAST(? AS regclass)"
    }
  }

  /// A row as a JSON object of `columns`, as text: the audit log's before- and after-image.
  package static func jsonObject(_ columns: [String]) -> String {
    let pairs = columns.map { "'\($0)', \($0)" }.joined(separator: ", ")
    return switch engine {
    case .sqlite: "json_object(\(pairs))"
    case .postgresql: "CAST(json_build_object(\(pairs)) AS text)"
    }
  }

  /// Sets `columns` of `table`'s row `:id` back to their values in the JSON object bound to `:image`, each as
  /// its column's type: undo's return of a before-image.
  package static func restore(_ table: String, columns: [String]) -> String {
    switch engine {
    case .sqlite:
      "UPDATE \(table) SET " + columns.map { "\($0) = json_extract(:image, '$.\($0)')" }.joined(separator: ", ")
        + " WHERE id = :id"
    case .postgresql:
      "UPDATE \(table) SET (\(columns.joined(separator: ", "))) = (SELECT \(columns.joined(separator: ", ")) "
        + "FROM json_populate_record(CAST(NULL AS \(table)), CAST(:image AS json))) WHERE id = :id"
    }
  }
}
