/// The line of the file each row a command wrote came from, table by table: so that a row the commit check
/// refuses is named by the line a clerk can find in the file, not by an id the clerk has never seen. Kept as
/// runs of consecutive ids from consecutive lines — a file of a million payments is one run a table.
package struct FileLines {
  /// Rows `firstID`, `firstID + 1` … from lines `firstLine`, `firstLine + 1` …
  fileprivate struct Run {
    let firstID: Int64
    let firstLine: Int
    var count: Int64

    func line(of id: Int64) -> Int? { id >= firstID && id < firstID + count ? firstLine + Int(id - firstID) : nil }
  }

  private var runs: [String: [Run]] = [:]

  package init() {}

  /// Row `id` of `table` came from `line`.
  package mutating func note(_ table: String, id: Int64, line: Int) {
    runs[table, default: []].note(id: id, line: line)
  }

  /// Row `id` of `table` as a clerk finds it: by the line of the file it came from, else by its table and id —
  /// never a bare number a clerk would read as a line.
  package func row(of table: String, id: Int64) -> String {
    line(of: table, id: id).map { "文件第 \($0) 行" } ?? "\(table) 表编号 \(id) 的记录"
  }

  /// The line row `id` of `table` came from, if the command wrote it from a file's line: the latest, for a row
  /// written twice (added, then updated from a later line).
  package func line(of table: String, id: Int64) -> Int? {
    runs[table]?.reversed().lazy.compactMap { $0.line(of: id) }.first
  }
}

extension [FileLines.Run] {
  /// Extends the last run when the row follows it, in place.
  fileprivate mutating func note(id: Int64, line: Int) {
    if let last = indices.last, self[last].firstID + self[last].count == id,
      self[last].firstLine + Int(self[last].count) == line
    {
      self[last].count += 1
    } else {
      append(FileLines.Run(firstID: id, firstLine: line, count: 1))
    }
  }
}
