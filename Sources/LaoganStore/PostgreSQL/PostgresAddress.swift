import Foundation

/// Where a shared database is, as libpq writes it (SPEC §15): `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME`,
/// or `postgresql://USER@/DBNAME?host=/socket/dir` for a server on a Unix socket. A password left out of the
/// address may come from `PGPASSWORD`, as psql takes it, so that it stays out of a cron line and `ps`.
/// Encryption is libpq's `sslmode` (in the address, or `PGSSLMODE`), with `sslrootcert` (or `PGSSLROOTCERT`)
/// the certificate authority a verifying mode trusts.
public struct PostgresAddress: Sendable, Equatable {
  public enum Server: Sendable, Equatable {
    case network(host: String, port: Int)
    /// The folder holding the server's socket, `.s.PGSQL.PORT`.
    case socket(folder: String, port: Int)
  }

  /// libpq's `sslmode`, less `allow`, which psql itself no longer defaults to and laogan takes as `prefer`.
  public enum Security: String, Sendable, Equatable {
    /// Never encrypted.
    case disable
    /// Encrypted when the server offers it, its certificate not checked: libpq's default.
    case prefer
    /// Always encrypted; the certificate checked only when `sslrootcert` names an authority.
    case require
    /// Always encrypted, the certificate signed by the trusted authority.
    case verifyCA = "verify-ca"
    /// As `verifyCA`, and the certificate names the host.
    case verifyFull = "verify-full"
  }

  public let server: Server
  public let user: String
  public let password: String?
  public let database: String
  /// On a Unix socket there is nothing to encrypt: `disable` there whatever was asked.
  public let security: Security
  /// The file of the certificate authority to trust, when given; otherwise the system's.
  public let rootCertificate: String?

  /// Whether `text` names a shared database rather than a file: what `--db` and `LAOGAN_DB` are told apart by.
  public static func isAddress(_ text: String) -> Bool {
    text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
  }

  public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
    guard Self.isAddress(text), let url = URLComponents(string: text) else {
      throw LaoganError.badDatabaseAddress(text, "应为 postgresql://用户[:密码]@主机[:端口]/数据库名")
    }
    let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
    guard let user = url.user ?? query["user"], !user.isEmpty else {
      throw LaoganError.badDatabaseAddress(text, "没有用户名：postgresql://用户@主机/数据库名")
    }
    let database = String(url.path.dropFirst())
    guard !database.isEmpty, !database.contains("/") else {
      throw LaoganError.badDatabaseAddress(text, "没有数据库名：postgresql://用户@主机/数据库名")
    }
    let port = url.port ?? query["port"].flatMap(Int.init) ?? 5432
    if let folder = query["host"], folder.hasPrefix("/") {
      server = .socket(folder: folder, port: port)
    } else if let host = url.host, !host.isEmpty {
      server = .network(host: host, port: port)
    } else {
      throw LaoganError.badDatabaseAddress(text, "没有主机：给出主机名，或用 ?host=/套接字/文件夹 指向本机的服务器")
    }
    self.user = user
    self.database = database
    password = url.password ?? query["password"] ?? environment["PGPASSWORD"]
    let mode = query["sslmode"] ?? environment["PGSSLMODE"].flatMap { $0.isEmpty ? nil : $0 } ?? "prefer"
    guard let security = Security(rawValue: mode == "allow" ? "prefer" : mode) else {
      throw LaoganError.badDatabaseAddress(
        text, "sslmode=\(mode) 不认识：应为 disable、prefer、require、verify-ca 或 verify-full")
    }
    if case .socket = server { self.security = .disable } else { self.security = security }
    rootCertificate = query["sslrootcert"] ?? environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The address with its password left out: what a message or the audit log may show.
  public var shown: String {
    switch server {
    case .network(let host, let port): "postgresql://\(user)@\(host):\(port)/\(database)"
    case .socket(let folder, let port): "postgresql://\(user)@/\(database)?host=\(folder)&port=\(port)"
    }
  }
}
