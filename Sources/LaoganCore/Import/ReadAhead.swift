import Foundation
import LaoganStore

/// The data rows of an import file, read, decoded and placed under their fields on a thread of their own
/// while the writer validates and stores the rows before them, so an import keeps both cores busy.
/// At most `ahead` batches wait, so memory stays flat however long the file.
///
/// The sheet is handed over whole: after `init` only the reading thread touches it, and only the lock's
/// holder touches what the two threads share — hence `@unchecked Sendable`.
final class ReadAhead<Kind: RecordKind>: @unchecked Sendable {
  typealias Field = Kind.Field

  /// A data row: its cells by field, or nil when it has filled cells beyond the header's, and what the
  /// reading thread worked out for it (`WorkAhead`).
  struct Row {
    let line: Int
    var cells: FieldReader<Field>?
    var ahead: RecordSaver<Kind>.Ahead?
  }

  /// How the reading ended: why the file stopped being readable, if it did, and the header as found.
  struct End {
    let unreadable: CSVError?
    let header: HeaderSearch<Field>
    /// The lines of the rows skipped as the sheet's footer (`FooterRow`).
    let footers: [Int]
  }

  private struct Batch {
    var rows: [Row] = []
    var fraction: Double?
  }

  /// The writer stopped taking rows; the reading thread gives up at its next batch.
  private struct Stopped: Error {}

  private static var batchSize: Int { 256 }
  private static var ahead: Int { 4 }

  private var sheet: ImportSheet
  private var header: HeaderSearch<Field>
  /// Opens the connection the reading thread works ahead through (`WorkAhead`).
  private let openReader: (() throws -> LaoganDatabase)?
  private let lock = NSCondition()
  // Guarded by `lock`:
  private var waiting: [Batch] = []
  private var end: Result<End, any Error>?
  private var stopped = false

  /// Starts reading `sheet` at once, its header found by `header`, its rows worked out ahead through a
  /// connection `openReader` opens once the writer's transaction has begun.
  init(_ sheet: ImportSheet, header: HeaderSearch<Field>, openReader: (() throws -> LaoganDatabase)?) {
    self.sheet = sheet
    self.header = header
    self.openReader = openReader
    Thread { [self] in read() }.start()
  }

  /// Calls `body` with each data row in the file's order and how far through the file its batch ends (0 to 1,
  /// nil when the file does not say); then says how the reading ended, or throws what it threw (a header with
  /// unknown columns). Whatever `body` throws is rethrown once the reading thread has stopped.
  func forEachRow(_ body: (Row, _ fraction: Double?) throws -> Void) throws -> End {
    defer { stop() }
    while true {
      lock.lock()
      while waiting.isEmpty && end == nil { lock.wait() }
      if waiting.isEmpty, let end {
        lock.unlock()
        return try end.get()
      }
      let batch = waiting.removeFirst()
      lock.broadcast()
      lock.unlock()
      // By index, each row lent to `body` where it lies: a `for row in` copies every row, retaining and then
      // releasing each of its parts on the writer.
      for index in batch.rows.indices { try body(batch.rows[index], batch.fraction) }
    }
  }

  /// Tells the reading thread to stop and waits until it has: the file is closed before the import returns.
  private func stop() {
    lock.lock()
    stopped = true
    lock.broadcast()
    while end == nil { lock.wait() }
    lock.unlock()
  }

  /// The reading thread: the file's rows in batches, then how it ended.
  private func read() {
    var batch = Batch()
    var footers: [Int] = []
    let outcome = Result<End, any Error> {
      let unreadable = try WorkAhead<Kind>.using(openReader) { work in
        let unreadable = try sheet.forEachRow { record, fraction in
          guard let columns = try header.columns(after: record) else { return }
          if FooterRow.matches(record.cells) {
            footers.append(record.line)
            return
          }
          let wide = record.cells.count > columns.width && record.cells[columns.width...].contains { !$0.isEmpty }
          batch.rows.append(Row(line: record.line, cells: wide ? nil : columns.reader(of: record)))
          batch.fraction = fraction
          if batch.rows.count == Self.batchSize {
            try hand(batch, workedBy: work)
            batch = Batch()
          }
        }
        if !batch.rows.isEmpty { try hand(batch, workedBy: work) }
        return unreadable
      }
      return End(unreadable: unreadable, header: header, footers: footers)
    }
    lock.lock()
    end = outcome
    lock.broadcast()
    lock.unlock()
  }

  /// Queues a batch for the writer, once `work` has worked it out, waiting while `ahead` batches already wait;
  /// throws once the writer stopped.
  private func hand(_ batch: Batch, workedBy work: WorkAhead<Kind>?) throws {
    var batch = batch
    work?.work(on: &batch.rows)
    lock.lock()
    defer { lock.unlock() }
    while waiting.count >= Self.ahead && !stopped { lock.wait() }
    if stopped { throw Stopped() }
    waiting.append(batch)
    lock.broadcast()
  }
}
