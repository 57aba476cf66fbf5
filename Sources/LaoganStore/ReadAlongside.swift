import Foundation
import Synchronization

extension LaoganDatabase {
  /// `here` on `db`, and meanwhile `there` on a second connection to the same file, on another core. `there`'s
  /// result is nil when that connection does not see the state `db` sees — a write was committed after `db`
  /// began reading — or cannot be opened; the caller then reads that part through `db` itself. On PostgreSQL
  /// both parts run on `db`, one after the other.
  ///
  /// Two connections see the same state when they see the same last command-run number: every laogan write
  /// commits under a new one, and AUTOINCREMENT never hands a number out twice, even for a run that changed
  /// nothing and was removed.
  package func readAlongside<Here, There: Sendable>(
    _ db: any SQLSession, here: () throws -> Here, there: @escaping @Sendable (any SQLSession) throws -> There
  ) throws -> (Here, There?) {
    // A shared database's server has cores of its own: both parts are read in turn, on the one connection.
    guard case .sqlite(_, let openReader) = engine else { return (try here(), try there(db)) }
    let mark = try Self.lastRun(db)
    let theirs = Mutex<Result<There?, any Error>>(.success(nil))
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      defer { done.signal() }
      guard let reader = try? openReader() else { return }
      defer { try? reader.close() }
      let outcome = Result {
        try reader.read { other in
          try SQLiteSession.reading(other) { other in try Self.lastRun(other) == mark ? there(other) : nil }
        }
      }
      theirs.withLock { $0 = outcome }
    }
    let mine = Result { try here() }
    done.wait()
    return (try mine.get(), try theirs.withLock { $0 }.get())
  }

  private static func lastRun(_ db: any SQLSession) throws -> Int64? {
    try db.value(Int64.self, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'command_run'")
  }
}
