import Foundation
import LaoganModel

/// Which offices' records a PostgreSQL role may read and write in a shared database (SPEC §15, `laogan
/// access`): its regions, and whether laogan may show it 身份证号 and phones whole.
public struct AccessGrant: Sendable, Equatable {
  public let role: String
  public let regionCodes: [String]
  public let reveal: Bool

  public init(role: String, regionCodes: [String], reveal: Bool) {
    self.role = role
    self.regionCodes = regionCodes.sorted()
    self.reveal = reveal
  }
}

/// The grants kept in the database itself, and the row-level security that holds a role to them: the rows
/// `RegionalRows` finds its regions' own. PostgreSQL applies the policies to every query, so psql as the role
/// sees what laogan shows it. The database's owner, who ran `init`, is held to none.
extension LaoganDatabase {
  /// The table of grants, a row a role and region.
  static let accessTable = "laogan_access"

  /// Rows every role reads whatever its regions: the hardship fund is the bureau's, and its balance — every
  /// allocation less every grant from it, in whichever county — is the same for every clerk, or a county's
  /// grant could overdraw it. A grant's cadre stays out of sight.
  private static let readByAll = ["fund_entry": "true", "payment": "item = '困难帮扶'"]

  /// `laogan access grant ROLE --region R [--reveal]`: the role reads and writes the regions' records, and
  /// nothing else, from now on. A role granted again has its regions replaced.
  public func grantAccess(_ grant: AccessGrant, _ context: AuditContext) throws {
    try writeAccess(context, role: grant.role) { session in try Self.give([grant], session) }
  }

  /// The grants in the database, the policies that hold every role to its own (made once), and each role's
  /// privileges.
  static func give(_ grants: [AccessGrant], _ session: any SQLSession) throws {
    for grant in grants where try !roleExists(grant.role, session) {
      throw LaoganError.invalidValue(
        field: "角色", value: grant.role, reason: "数据库中没有这个角色；请数据库管理员先 CREATE ROLE \(grant.role) LOGIN")
    }
    try installPolicies(session)
    for grant in grants { try record(grant, session) }
  }

  /// One role's grant in the database, and its privileges.
  private static func record(_ grant: AccessGrant, _ session: any SQLSession) throws {
    try session.execute(sql: "DELETE FROM \(accessTable) WHERE role = ?", arguments: [grant.role])
    for code in grant.regionCodes {
      try session.execute(
        sql: "INSERT INTO \(accessTable) (role, region_code, reveal) VALUES (?, ?, ?)",
        arguments: [grant.role, code, grant.reveal])
    }
    let (role, schema, database) = (quoted(grant.role), try Self.schema(session), try Self.database(session))
    // Records by the policies; the log only added to (a command marks the one it undid), the regions,
    // migrations and grants only read; temporary tables for a long file's rows (`CopyBatch`), whatever
    // the server grants everyone.
    for statement in [
      "GRANT USAGE ON SCHEMA \(schema) TO \(role)",
      "GRANT TEMPORARY ON DATABASE \(database) TO \(role)",
      "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(role)",
      "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \(schema) TO \(role)",
      "REVOKE INSERT, UPDATE, DELETE ON \(accessTable), region, grdb_migrations FROM \(role)",
      "REVOKE UPDATE, DELETE ON audit_entry FROM \(role)",
      "REVOKE UPDATE ON command_run FROM \(role)",
      "GRANT UPDATE (undone_by) ON command_run TO \(role)",
    ] {
      try session.execute(sql: statement)
    }
  }

  /// Every grant in the database, as `give` takes them: none where no grant was ever given.
  static func grants(_ session: any SQLSession) throws -> [AccessGrant] {
    guard try hasAccessTable(session) else { return [] }
    let rows = try session.rows(sql: "SELECT role, region_code, reveal FROM \(accessTable) ORDER BY role, region_code")
    return Dictionary(grouping: rows) { $0[0] as String }.sorted { $0.key < $1.key }.map { role, rows in
      AccessGrant(role: role, regionCodes: rows.map { $0[1] }, reveal: rows.contains { $0[2] as Bool })
    }
  }

  /// `laogan access revoke ROLE`: the role sees no record, and may write none.
  public func revokeAccess(role: String, _ context: AuditContext) throws {
    try writeAccess(context, role: role) { session in
      guard try Self.hasAccessTable(session) else { return }
      try session.execute(sql: "DELETE FROM \(Self.accessTable) WHERE role = ?", arguments: [role])
      if try session.value(
        Int.self,
        sql: "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'cadre' AND tableowner = ?",
        arguments: [role]) != nil
      {
        throw LaoganError.invalidValue(field: "角色", value: role, reason: "这是共享数据库的所有者，不受授权限制，不能收回")
      }
      if try Self.roleExists(role, session) {
        let (quoted, schema, database) = (Self.quoted(role), try Self.schema(session), try Self.database(session))
        try session.execute(sql: "REVOKE USAGE ON SCHEMA \(schema) FROM \(quoted)")
        try session.execute(sql: "REVOKE TEMPORARY ON DATABASE \(database) FROM \(quoted)")
        try session.execute(sql: "REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(quoted)")
        try session.execute(sql: "REVOKE ALL ON ALL SEQUENCES IN SCHEMA \(schema) FROM \(quoted)")
      }
    }
  }

  /// `laogan access list`: every role granted, with its regions.
  public func accessGrants() throws -> [AccessGrant] {
    guard case .postgresql = engine else { throw LaoganError.accessOnFile }
    return try read { try Self.grants($0) }
  }

  /// The regions the connected role is granted, nil when it is held to none: on a file, or as the shared
  /// database's owner.
  public func grantedRegionCodes() throws -> [String]? {
    guard case .postgresql = engine else { return nil }
    return try read { session in
      guard try Self.hasAccessTable(session) else { return nil }
      let codes = try session.values(
        String.self, sql: "SELECT region_code FROM \(Self.accessTable) WHERE role = current_user ORDER BY 1")
      return codes.isEmpty ? nil : codes
    }
  }

  /// Refuses to show the connected role personal information whole when its grant does not say `--reveal`.
  /// A role without a grant is the database's owner, or sees no record at all.
  static func checkMayReveal(_ session: any SQLSession) throws {
    guard try hasAccessTable(session),
      let reveal = try session.value(
        Bool.self, sql: "SELECT MAX(reveal) FROM \(accessTable) WHERE role = current_user")
    else { return }
    if !reveal { throw LaoganError.revealNotGranted }
  }

  /// Access is the shared database's: a file has one office, and its owner is whoever may open it.
  /// The change in one audited command, logged with the role's grant as it is afterwards.
  private func writeAccess(_ context: AuditContext, role: String, _ body: (any SQLSession) throws -> Void) throws {
    guard case .postgresql = engine else { throw LaoganError.accessOnFile }
    try write(context) { writer in
      let session = try writer.db
      try body(session)
      let regions =
        try Self.hasAccessTable(session)
        ? session.values(
          String.self, sql: "SELECT region_code FROM \(Self.accessTable) WHERE role = ? ORDER BY 1", arguments: [role])
        : []
      let after = try JSONSerialization.data(
        withJSONObject: ["role": role, "region_codes": regions.joined(separator: ",")], options: [.sortedKeys])
      try writer.log(
        action: "update", table: Self.accessTable, id: nil, before: nil, after: String(decoding: after, as: UTF8.self))
    }
  }

  static func roleExists(_ role: String, _ session: any SQLSession) throws -> Bool {
    try session.value(Int.self, sql: "SELECT 1 FROM pg_roles WHERE rolname = ?", arguments: [role]) != nil
  }

  /// The schema laogan's tables are in, as an identifier.
  private static func schema(_ session: any SQLSession) throws -> String {
    quoted(try session.value(String.self, sql: "SELECT current_schema()") ?? "public")
  }

  /// The shared database's name, as an identifier.
  private static func database(_ session: any SQLSession) throws -> String {
    quoted(try databaseName(session))
  }

  /// The shared database's name.
  static func databaseName(_ session: any SQLSession) throws -> String {
    try session.value(String.self, sql: "SELECT current_database()") ?? "laogan"
  }

  private static func hasAccessTable(_ session: any SQLSession) throws -> Bool {
    try session.value(Bool.self, sql: "SELECT to_regclass('\(accessTable)') IS NOT NULL") ?? false
  }

  /// The grants' table and every table's policy, made again each time: a table a later laogan adds is held
  /// too once a grant is given after it.
  private static func installPolicies(_ session: any SQLSession) throws {
    // One statement a call: PostgresNIO sends each as one prepared statement.
    for statement in [
      """
      CREATE TABLE IF NOT EXISTS \(accessTable) (
        role text COLLATE "C" NOT NULL,
        region_code text COLLATE "C" NOT NULL REFERENCES region(code),
        reveal bigint NOT NULL DEFAULT 0 CHECK (reveal IN (0, 1)),
        PRIMARY KEY (role, region_code))
      """,
      "ALTER TABLE \(accessTable) ENABLE ROW LEVEL SECURITY",
      "DROP POLICY IF EXISTS laogan_own ON \(accessTable)",
      "CREATE POLICY laogan_own ON \(accessTable) USING (role = current_user)",
    ] {
      try session.execute(sql: statement)
    }
    let regions = "(SELECT region_code FROM \(accessTable) WHERE role = current_user)"
    let rows = try RegionalRows(session)
    for table in rows.tables where !RegionalRows.openTables.contains(table) {
      // The policies hold the role to the rows of each table it points into.
      let condition = rows.condition(of: table, regions: regions) { "SELECT id FROM \($0)" }
      // A table of no region and no record of one — the benefit rules, the university's terms, notices — is
      // the bureau's: read by every role, written by 州直's clerks.
      try session.execute(sql: "DROP POLICY IF EXISTS laogan_region ON \(table)")
      try session.execute(sql: "DROP POLICY IF EXISTS laogan_read ON \(table)")
      if let readable = condition == nil ? "true" : readByAll[table] {
        try session.execute(sql: "CREATE POLICY laogan_read ON \(table) FOR SELECT USING (\(readable))")
      }
      let written = condition ?? "'\(Region.prefecture.code)' IN \(regions)"
      try session.execute(sql: "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY")
      try session.execute(
        sql: "CREATE POLICY laogan_region ON \(table) USING (\(written)) WITH CHECK (\(written))")
    }
    try installAuditPolicies(session)
  }

  /// The audit log as a role reads it: the entries about records it can see — another county's before- and
  /// after-images hold their people's numbers whole. Every role adds to it. And `laogan_rows`, which counts a
  /// range of rows as the owner sees them, for undo to tell a command whose rows a role sees only in part.
  private static func installAuditPolicies(_ session: any SQLSession) throws {
    let table = ParticipantList.eventTableSQL("entry_table")
    for statement in [
      """
      CREATE OR REPLACE FUNCTION laogan_sees(entry_table text, record bigint) RETURNS boolean
      LANGUAGE plpgsql STABLE AS $$
      DECLARE seen boolean;
      BEGIN
        IF record IS NULL THEN RETURN false; END IF;
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', \(table)) INTO seen USING record;
        RETURN seen;
      EXCEPTION WHEN others THEN RETURN false;
      END $$
      """,
      """
      CREATE OR REPLACE FUNCTION laogan_rows(target text, first bigint, last bigint) RETURNS bigint
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE found bigint;
      BEGIN
        EXECUTE format('SELECT count(*) FROM %I WHERE id BETWEEN $1 AND $2', target) INTO found USING first, last;
        RETURN found;
      END $$
      """,
      "ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY",
      "DROP POLICY IF EXISTS laogan_read ON audit_entry",
      "DROP POLICY IF EXISTS laogan_add ON audit_entry",
      "CREATE POLICY laogan_read ON audit_entry FOR SELECT USING (laogan_sees(table_name, record_id))",
      "CREATE POLICY laogan_add ON audit_entry FOR INSERT WITH CHECK (true)",
    ] {
      try session.execute(sql: statement)
    }
  }

  /// Whether the connected role sees only some of rows `ids` of `table`: another office's command.
  static func hidesRows(of table: String, _ ids: ClosedRange<Int64>, _ session: any SQLSession) throws -> Bool {
    guard try session.value(Bool.self, sql: "SELECT to_regproc('laogan_rows') IS NOT NULL") == true else {
      return false
    }
    let seen = try session.value(
      Int64.self, sql: "SELECT count(*) FROM \(table) WHERE id BETWEEN ? AND ?",
      arguments: [ids.lowerBound, ids.upperBound])
    let all = try session.value(
      Int64.self, sql: "SELECT laogan_rows(?, ?, ?)", arguments: [table, ids.lowerBound, ids.upperBound])
    return seen != all
  }

  /// A role's name as an identifier, whatever it holds.
  private static func quoted(_ role: String) -> String {
    "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
