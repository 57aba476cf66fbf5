import Foundation
import LaoganModel
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to a shared database, used synchronously: a laogan command runs straight through, so each
/// statement waits for its result on the command's thread while NIO's one event-loop thread talks to the
/// server. Closed when the command's database is closed.
final class PostgresLink: @unchecked Sendable {
  let address: PostgresAddress
  private let group: MultiThreadedEventLoopGroup
  private let connection: PostgresConnection
  private var closed = false
  /// How many times a command's writes were tried again after a conflict with another clerk's.
  var retries = 0
  /// Statements sent and not yet answered (`send`), each answer made nothing but success or the refusal.
  private var unanswered: [EventLoopFuture<Void>] = []

  /// PostgresNIO logs nothing a clerk should see; its errors reach laogan as errors.
  private static let logger = Logger(label: "laogan.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })

  init(_ address: PostgresAddress) throws {
    self.address = address
    var configuration =
      switch address.server {
      case .network(let host, let port):
        PostgresConnection.Configuration(
          host: host, port: port, username: address.user, password: address.password, database: address.database,
          tls: try Self.tls(address))
      case .socket(let folder, let port):
        PostgresConnection.Configuration(
          unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: address.user, password: address.password,
          database: address.database)
      }
    // A day made text is `YYYY-MM-DD`, as SQLite keeps it, whatever the server's default style.
    configuration.options.additionalStartupParameters = [("DateStyle", "ISO, YMD")]
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    do {
      connection = try PostgresConnection.connect(
        on: group.next(), configuration: configuration, id: 1, logger: Self.logger
      ).wait()
    } catch {
      try? group.syncShutdownGracefully()
      throw LaoganError.serverUnreachable(address: address.shown, reason: Self.reason(error))
    }
    self.group = group
    try setClerksTimeZone()
  }

  /// The clerk's calendar: `CURRENT_DATE` is today where the clerk is, as SQLite's `localtime` is. A zone the
  /// server does not know by name is given by its offset from UTC now.
  private func setClerksTimeZone() throws {
    let zone = TimeZone.current
    do {
      try run("SET TIME ZONE '\(zone.identifier.replacingOccurrences(of: "'", with: ""))'")
    } catch is PostgresRefusal {
      let minutes = zone.secondsFromGMT() / 60
      let offset = String(format: "%@%02d:%02d", minutes < 0 ? "-" : "+", abs(minutes) / 60, abs(minutes) % 60)
      try run("SET TIME ZONE INTERVAL '\(offset)' HOUR TO MINUTE")
    }
  }

  /// Encryption as the address asks for it (`PostgresAddress.Security`), libpq's way.
  private static func tls(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    if let root = address.rootCertificate { configuration.trustRoots = .file(root) }
    switch address.security {
    case .disable: return .disable
    case .prefer, .require:
      if address.security == .prefer || address.rootCertificate == nil {
        configuration.certificateVerification = .none
      } else {
        configuration.certificateVerification = .noHostnameVerification
      }
    case .verifyCA: configuration.certificateVerification = .noHostnameVerification
    case .verifyFull: configuration.certificateVerification = .fullVerification
    }
    let context: NIOSSLContext
    do {
      context = try NIOSSLContext(configuration: configuration)
    } catch {
      throw LaoganError.badDatabaseAddress(address.shown, "sslrootcert 无法读取：\(error)")
    }
    return address.security == .prefer ? .prefer(context) : .require(context)
  }

  /// One statement with its parameters (`$1`, `$2`, …), every row of its result collected.
  func query(_ sql: String, _ bindings: PostgresBindings = PostgresBindings()) throws -> PostgresQueryResult {
    try settle()
    let answer = connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: Self.logger)
    return try Self.translating {
      try awaitUnanswered()
      return try answer.wait()
    }
  }

  /// A statement without parameters sent without waiting for the server's answer — a read's `BEGIN` — a round
  /// trip saved: the next statement follows it on the connection before its answer is read, and throws its
  /// refusal, if any. Only for a statement whose refusal would leave the next harmless.
  func send(_ sql: String) throws {
    try settle()
    unanswered.append(connection.simpleQuery(sql).map { _ in })
  }

  /// Waits for the statements sent before (`send`), and throws the first refusal among them.
  private func awaitUnanswered() throws {
    defer { unanswered = [] }
    for answer in unanswered { try answer.wait() }
  }

  /// Rows into `table` by `COPY … FROM STDIN`, in PostgreSQL's text format: the server's own bulk load, one
  /// round trip for the lot. It quotes the table's and columns' names itself.
  func copy(into table: String, columns: [String], rows data: ByteBuffer) throws {
    try copyAhead(into: table, columns: columns, rows: data) { $0 }
    try settle()
  }

  /// Where a `COPY` runs: a thread of its own, not Swift's shared pool of threads. A caller that blocks a pool
  /// thread waiting for the copy (tests run on that pool, two threads on two cores) would otherwise wait for a
  /// copy that has no thread to run on.
  private final class CopyThread: TaskExecutor {
    static let shared = CopyThread()
    private let queue = DispatchQueue(label: "laogan.postgresql.copy")

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      let executor = asUnownedTaskExecutor()
      queue.async { job.runSynchronously(on: executor) }
    }
  }

  /// A `COPY` still on its way: the server stores one batch while the command works out the next.
  private final class CopyInFlight: Sendable {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<Void, any Error>>(.success(()))
  }
  private var inFlight: CopyInFlight?
  /// What the command makes of a refusal of the `COPY` in flight (the row it names, as the clerk knows it).
  private var refusedInFlight: (PostgresRefusal) -> any Error = { $0 }

  /// Sends rows by `COPY` (as `copy(into:columns:rows:)`) without waiting for the server to store them: the
  /// next statement waits first (`settle`), and throws the refusal, if any, as `refused` makes it. PostgresNIO
  /// offers `COPY` only asynchronously; the command's thread goes on meanwhile.
  func copyAhead(
    into table: String, columns: [String], rows data: ByteBuffer,
    refused: @escaping (PostgresRefusal) -> any Error
  ) throws {
    try settle()
    let flight = CopyInFlight()
    let connection = connection
    Task(executorPreference: CopyThread.shared) {
      defer { flight.done.signal() }
      do {
        try await connection.copyFrom(table: table, columns: columns, logger: Self.logger) { writer in
          try await writer.write(data)
        }
      } catch {
        flight.outcome.withLock { $0 = .failure(error) }
      }
    }
    inFlight = flight
    refusedInFlight = refused
  }

  /// Waits for the `COPY` in flight, if any, and throws its refusal.
  private func settle() throws {
    guard let flight = inFlight else { return }
    inFlight = nil
    flight.done.wait()
    do {
      try Self.translating { try flight.outcome.withLock { $0 }.get() }
    } catch let refusal as PostgresRefusal {
      throw refusedInFlight(refusal)
    }
  }

  /// Rolls the transaction back, whatever became of a `COPY` still in flight, without waiting for the server's
  /// answer: the next statement follows it, and nothing is made of a refusal (there was no transaction).
  func rollBack() {
    try? settle()
    try? awaitUnanswered()
    unanswered.append(connection.simpleQuery("ROLLBACK").map { _ in }.recover { _ in })
  }

  /// Statements without parameters, several to a text (a schema's).
  func run(_ script: String) throws {
    try settle()
    let answer = connection.simpleQuery(script)
    _ = try Self.translating {
      try awaitUnanswered()
      return try answer.wait()
    }
  }

  /// Closes the connection and stops its thread; a link let go without it closes itself.
  func close() {
    guard !closed else { return }
    closed = true
    try? settle()
    try? awaitUnanswered()
    try? connection.close().wait()
    try? group.syncShutdownGracefully()
  }

  deinit {
    close()
  }

  /// The server's refusals as laogan's errors, in the server's own words.
  static func translating<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as PSQLError {
      throw PostgresRefusal(error)
    } catch let error as PostgresError {
      // The text protocol (`run`: a schema, BEGIN, COMMIT) reports the server's refusal in the older form.
      throw PostgresRefusal(error)
    }
  }

  static func reason(_ error: any Error) -> String {
    guard let error = error as? PSQLError else { return "\(error)" }
    // The server's words when it answered; else why no answer came (a refused certificate, a closed port).
    return error.serverInfo?[.message] ?? error.underlying.map { "\(error.code)：\($0)" } ?? "\(error.code)"
  }
}

/// A statement the server refused, with its SQLSTATE: a serialization failure (`40001`) is worth another try;
/// the rest are the clerk's to read.
struct PostgresRefusal: Error, CustomStringConvertible {
  let state: String?
  private(set) var message: String
  /// The row of a `COPY` the server refused, counted from 1 (its context says `COPY payment, line 3`).
  let copiedRow: Int?

  init(_ error: PSQLError) {
    self.init(
      state: error.serverInfo?[.sqlState], message: error.serverInfo?[.message] ?? "\(error.code)",
      detail: error.serverInfo?[.detail], copiedRow: error.serverInfo?[.locationContext].flatMap(Self.copiedRow(in:)))
  }

  /// The row number in a context such as `COPY payment, line 3, column amount_fen: "…"`.
  private static func copiedRow(in context: String) -> Int? {
    guard context.hasPrefix("COPY "), let match = context.firstMatch(of: /, line (\d+)/) else { return nil }
    return Int(match.1)
  }

  init(_ error: PostgresError) {
    guard case .server(let server) = error else {
      self.init(state: nil, message: "\(error)", detail: nil)
      return
    }
    self.init(
      state: server.fields[.sqlState], message: server.fields[.message] ?? "\(error)", detail: server.fields[.detail])
  }

  private init(state: String?, message: String, detail: String?, copiedRow: Int? = nil) {
    self.state = state
    self.copiedRow = copiedRow
    // A row whose key is there already, a row outside the role's regions, is told in the clerk's words. A key
    // (a 身份证号) is personal information, masked as everywhere else.
    let said =
      switch state {
      case "23505": "已有相同的记录"
      case "42501": "你的账户无权读写这些记录（共享数据库只许读写授权地区的记录，见 laogan access list）：\(message)"
      default: message
      }
    self.message = Masking.inText(said + (detail.map { "（\($0)）" } ?? ""))
  }

  var description: String { message }

  /// The refusal with the refused row named after the server's words, as the commit check names one.
  func naming(_ row: String) -> PostgresRefusal {
    var named = self
    named.message += "（\(row)）"
    return named
  }

  /// Another command got in the way (a serialization failure, a deadlock): the same command tried again
  /// may well succeed.
  var isConflict: Bool { state == "40001" || state == "40P01" }
}
