import LaoganStore

/// The fast paths an import takes, each of which must store exactly what the plain path stores — the same
/// rows, ids and audit entries: `ImportPathsTests` imports every fixture with each turned off and compares
/// the files row for row. Not a clerk's choice; every command takes them all.
package struct ImportPaths: Sendable {
  /// Constraints checked once before the commit (`CommitCheck`, for kinds `checkedAtCommit`) rather than by
  /// SQLite statement by statement.
  package var checksAtCommit = true
  /// Look-ups and parsing worked out ahead on the reading thread's own connection (`WorkAhead`).
  package var worksAhead = true
  /// New rows stored together, this many a statement (`WaitingRows`); 0 stores each row as it comes.
  package var rowsPerStatement = WaitingRows.most

  package init() {}
}
