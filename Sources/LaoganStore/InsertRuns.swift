/// A command's inserted rows not logged yet, as runs of consecutive ids, one a table, in the order of each
/// table's first row: a roster's cadres and memberships come in turns, and are logged as two ranges, not
/// two entries a row.
///
/// `undo` removes a command's entries newest first, so a run may grow past the runs begun after it only
/// while none of their tables is one its own rows point to: then those later runs — memberships — hold the
/// rows that point to it, and go first. Anything else ends every run (`AuditedWriter.logInserts`).
struct InsertRuns {
  private(set) var runs: [(table: String, ids: ClosedRange<Int64>)] = []

  /// Adds row `id` of `table` — whose foreign keys point to `references` — to the table's run, or begins a
  /// run with it when the table has none; false when it can do neither, the id not following the run's last
  /// or a later run's table being one `table` points to.
  @discardableResult
  mutating func extend(_ table: String, with id: Int64, references: Set<String>) -> Bool {
    guard let index = runs.firstIndex(where: { $0.table == table }) else {
      runs.append((table, id...id))
      return true
    }
    let run = runs[index]
    guard run.ids.upperBound + 1 == id, !runs[(index + 1)...].contains(where: { references.contains($0.table) })
    else { return false }
    runs[index].ids = run.ids.lowerBound...id
    return true
  }
}
