import Foundation

/// A throwaway PostgreSQL cluster for the tests of the shared database: made once a test run in a temporary
/// folder by Debian's `initdb`, serving on a Unix socket only, as an unprivileged user when the tests run as
/// root (CI does; PostgreSQL refuses to run as root), stopped when the run ends. Each test gets a database
/// of its own.
///
/// Without a server installed the PostgreSQL tests are skipped with that reason; under `CI=true` they run and
/// fail instead, so CI never skips them. Shared by the core's suites, which run on both engines, and the
/// binary's.
public final class PostgresServer: Sendable {
  let binaries: URL
  public let folder: URL
  /// The cluster's superuser, who owns each test's database.
  public static let user = "laogan"

  /// The run's server, started at the first use, or why it could not be.
  public static let started = Result { try PostgresServer() }
  /// Whether the PostgreSQL tests run: where a server is installed, and always under CI.
  public static let runs = installedBinaries != nil || ProcessInfo.processInfo.environment["CI"] == "true"
  /// Why they do not, for the run's report.
  public static let skipped = "PostgreSQL 未安装（apt-get install postgresql）：共享数据库（PostgreSQL）的测试全部跳过"

  /// Debian's newest server, `/usr/lib/postgresql/VERSION/bin`.
  static var installedBinaries: URL? {
    let root = URL(fileURLWithPath: "/usr/lib/postgresql")
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return versions.compactMap(Int.init).sorted().last.map {
      root.appendingPathComponent("\($0)/bin")
    }.flatMap { FileManager.default.fileExists(atPath: $0.appendingPathComponent("initdb").path) ? $0 : nil }
  }

  private init() throws {
    guard let binaries = Self.installedBinaries else {
      throw Failure("PostgreSQL 未安装：CI 须装 postgresql（.ci/run 会装）")
    }
    self.binaries = binaries
    folder = URL(fileURLWithPath: "/tmp/laogan-pg-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    if getuid() == 0 {
      try Self.shell("chown", "postgres", folder.path)
    }
    // Chinese collation by default, as a province's server may well be made: laogan's text must still sort and
    // compare by code points, as on SQLite.
    try runAsServer(
      "initdb", "-D", data, "--auth=trust", "--encoding=UTF8", "--locale=C", "--locale-provider=icu",
      "--icu-locale=zh", "-U", Self.user)
    try runAsServer(
      "pg_ctl", "-D", data, "-l", folder.appendingPathComponent("log").path, "-w", "-o",
      "-k \(folder.path) -c listen_addresses='' -F", "start")
    Self.running = self
    atexit { PostgresServer.running?.stop() }
  }

  nonisolated(unsafe) private static var running: PostgresServer?

  private var data: String { folder.appendingPathComponent("data").path }

  /// A new database, empty or a copy of `template` (a database no one is connected to): its name, and its
  /// address as laogan takes it.
  public func newDatabase(copying template: String? = nil) throws -> (name: String, address: String) {
    let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    try psql("postgres", "CREATE DATABASE \(name)" + (template.map { " TEMPLATE \($0)" } ?? ""))
    return (name, "postgresql://\(Self.user)@/\(name)?host=\(folder.path)")
  }

  /// What psql prints for `sql` in `database`, unaligned, one row a line.
  @discardableResult
  public func psql(_ database: String, _ sql: String, as role: String = PostgresServer.user) throws -> String {
    try Self.shell(
      binaries.appendingPathComponent("psql").path, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", folder.path,
      "-U", role, "-d", database, "-c", sql)
  }

  public func stop() {
    _ = try? runAsServer("pg_ctl", "-D", data, "-m", "immediate", "stop")
    try? FileManager.default.removeItem(at: folder)
  }

  private func runAsServer(_ program: String, _ arguments: String...) throws {
    let path = binaries.appendingPathComponent(program).path
    if getuid() == 0 {
      try Self.shell("runuser", ["-u", "postgres", "--", path] + arguments)
    } else {
      try Self.shell(path, arguments)
    }
  }

  @discardableResult
  public static func shell(_ program: String, _ arguments: String...) throws -> String {
    try shell(program, arguments)
  }

  /// Runs a program and waits for it, by `posix_spawnp` and `waitpid` rather than Foundation's `Process`, which
  /// here lost sight of a `runuser` that had exited while pg_ctl's server lived on. What it prints goes to a
  /// file, not a pipe: the server pg_ctl starts would hold a pipe open.
  @discardableResult
  public static func shell(_ program: String, _ arguments: [String]) throws -> String {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("laogan-pg-\(UUID().uuidString)")
      .path
    defer { try? FileManager.default.removeItem(atPath: outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var child: pid_t = 0
    let spawned = posix_spawnp(&child, program, &actions, nil, argv, environ)
    guard spawned == 0 else { throw Failure("\(program): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    guard status == 0 else { throw Failure("\(program) \(arguments): \(printed)") }
    return printed
  }

  public struct Failure: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }
}
