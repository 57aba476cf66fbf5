import Foundation
import LaoganTestSupport
import Testing

/// Every example a clerk is shown — in `--help` and in the README's tour — run against the demo database, as
/// the clerk would type it. An example that fails, or lists nothing where it promises a list, fails here.
@Suite("Examples in --help and the README")
struct ExampleTests {
  /// One example line as typed: the words after `laogan`, and where a `> FILE` sends stdout.
  struct Example: CustomStringConvertible {
    let line: String
    let words: [String]
    let redirect: String?

    init(_ line: String, usb: String, home: String) {
      self.line = line
      var text = line
      if let comment = text.range(of: "  #") { text = String(text[..<comment.lowerBound]) }
      var words: [String] = []
      var word = ""
      var quoted = false
      var started = false
      for character in text {
        if character == "\"" {
          quoted.toggle()
          started = true
        } else if character == " " && !quoted {
          if started { words.append(word) }
          word = ""
          started = false
        } else {
          word.append(character)
          started = true
        }
      }
      if started { words.append(word) }
      words = words.dropFirst().map {
        $0.replacingOccurrences(of: "/mnt/u盘", with: usb).replacingOccurrences(of: "~/", with: home + "/")
      }
      if let arrow = words.firstIndex(of: ">") {
        redirect = words[arrow + 1]
        words = Array(words[..<arrow])
      } else {
        redirect = nil
      }
      self.words = words
    }

    var description: String { line }
  }

  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("README.md")

  /// The lines of `--help` discussions that start with `laogan `, command by command, a line ending in ` \`
  /// joined with the next. Every physical line fits the 80 columns argument-parser wraps at, so that no
  /// example is broken mid-command.
  static func helpExamples(_ laogan: Laogan) throws -> [String] {
    let dump = try laogan.run("--experimental-dump-help", withDatabase: false).stdout
    let object = try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any]
    var lines: [String] = []
    func walk(_ command: [String: Any]) {
      var continued: String?
      for line in (command["discussion"] as? String ?? "").split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("laogan ") || continued != nil else { continue }
        #expect(line.count <= 78, "wrapped in --help: \(line)")
        let joined = (continued.map { $0 + " " } ?? "") + trimmed
        if joined.hasSuffix(" \\") {
          continued = String(joined.dropLast(2))
        } else {
          lines.append(joined)
          continued = nil
        }
      }
      for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
    }
    walk(object?["command"] as? [String: Any] ?? [:])
    return lines
  }

  /// The commands of the README's tour: the first shell block after its "A tour with the demo database".
  static func tourExamples() throws -> [String] {
    let text = try String(contentsOf: readme, encoding: .utf8)
    guard let tour = text.range(of: "## A tour with the demo database"),
      let open = text.range(of: "```sh\n", range: tour.upperBound..<text.endIndex),
      let close = text.range(of: "```", range: open.upperBound..<text.endIndex)
    else { return [] }
    return text[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
      .filter { $0.hasPrefix("laogan ") }
  }

  /// Commands that change something and say so on stderr only, leaving stdout to results.
  static let quiet: Set<String> = [
    "edit", "void", "die", "join", "leave", "end", "lend", "return", "backup", "restore", "undo", "init", "copy",
  ]

  /// A list that lists nothing: an empty table (header and rule only), a CSV header alone, `[]`.
  static func listsNothing(_ output: String) -> Bool {
    let lines = output.split(whereSeparator: \.isNewline)
    if lines.isEmpty { return true }
    if output.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: "") == "[]" {
      return true
    }
    if lines.count == 2, lines[1].allSatisfy({ $0 == "-" || $0 == " " }) { return true }
    return lines.count == 1 && lines[0].hasPrefix("\u{FEFF}")
  }

  @Test("every example runs against the demo database and shows what it promises")
  func everyExample() throws {
    let laogan = try Laogan()
    let built = try laogan.run("demo", "--db", laogan.database, "--format", "json", withDatabase: false)
    try #require(built.status == 0, "\(built.stderr)")
    let usb = laogan.folder.appendingPathComponent("u盘")
    let home = laogan.folder.appendingPathComponent("home")
    for folder in [usb, home] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    // The spreadsheets the import examples name, as a clerk has them: whole 身份证号, not a masked export.
    #expect(try laogan.run("export", "cadres", "--reveal", "--output", "花名册.csv").status == 0)
    #expect(try laogan.run("export", "activities", "--reveal", "--output", "2023年6月活动.csv").status == 0)
    #expect(try laogan.run("export", "activities", "--reveal", "--output", "2023年6月活动.xlsx").status == 0)
    // The gateway's failure reports `notice mark` reads: numbers of the demo's first notice.
    for report in ["短信发送失败.csv", "失败报告.xlsx"] {
      #expect(try laogan.run("notice", "contacts", "1", "--reveal", "--output", report).status == 0)
    }

    // A line shown in two places (a group's help and its `add`'s) is run once.
    var seen = Set<String>()
    let lines = try (Self.helpExamples(laogan) + Self.tourExamples()).filter { seen.insert($0).inserted }
    #expect(lines.count > 100)
    // Records are registered and imported before they are looked up, and the tour's backups made before the
    // --merge examples read them (copies of the demo, so every cadre is in both), as a clerk works.
    let examples = lines.map { Example($0, usb: usb.path, home: home.path) }
    func registers(_ example: Example) -> Bool {
      ["import", "backup"].contains(example.words.first) || example.words.dropFirst().first == "add"
    }
    // A shared database's address in an example is one of the test server's databases, the same for every
    // example: `init` then `copy` into it, as a county clerk would.
    let shared = PostgresServer.runs ? try PostgresServer.started.get().newDatabase().address : nil
    for example in examples.filter(registers) + examples.filter({ !registers($0) }) {
      // The demo builds a whole prefecture (tested on its own); the rest all run.
      if example.words.first == "demo" { continue }
      let addressed = example.words.contains { $0.hasPrefix("postgresql://") }
      if addressed && shared == nil { continue }
      // `copy` of the whole demo takes a minute in a debug build; PostgresCommandTests copies the sample files.
      if example.words.first == "copy" { continue }
      // `access` grants roles only a server's administrator makes; PostgresCommandTests makes one and grants it.
      if example.words.first == "access" { continue }
      let words = example.words.map { $0.hasPrefix("postgresql://") ? shared ?? $0 : $0 }
      // The database as the tour names it, in LAOGAN_DB: an example's own --db or --merge takes its place.
      let outcome = try laogan.run(
        words, withDatabase: false,
        environment: ["HOME": home.path, "LAOGAN_OPERATOR": "王芳", "LAOGAN_DB": laogan.database])
      switch example.words.first {
      case "undo" where !example.words.contains("--yes"), "restore" where !example.words.contains("--yes"):
        // Asks at a terminal; a script must say --yes.
        #expect(outcome.status == 1 && outcome.stderr.contains("--yes"), "\(example): \(outcome.stderr)")
        continue
      case "check":
        // Silent when all is well; the demo has findings to show.
        #expect(outcome.status == 2 && !outcome.stdout.isEmpty, "\(example): \(outcome.stderr)")
        continue
      default:
        #expect(outcome.status == 0, "\(example): \(outcome.stderr)")
      }
      if let redirect = example.redirect {
        try Data(outcome.stdout.utf8).write(to: laogan.folder.appendingPathComponent(redirect))
        #expect(!Self.listsNothing(outcome.stdout), "\(example) wrote an empty list")
      } else if let output = example.words.firstIndex(of: "--output").map({ example.words[$0 + 1] }) {
        let written = laogan.folder.appendingPathComponent(output).path
        let size = (try? FileManager.default.attributesOfItem(atPath: written)[.size] as? Int) ?? 0
        #expect(size > 0, "\(example) wrote nothing to \(output)")
      } else if Set(example.words.prefix(3)).isDisjoint(with: Self.quiet) {
        #expect(!Self.listsNothing(outcome.stdout), "\(example) showed nothing")
      }
    }
  }
}

@Suite("The manual's cron recipe")
struct CronRecipeTests {
  /// The manual's crontab, as lines: variables (`NAME=value`) and jobs (five time fields, then a command).
  static func crontab() throws -> [String] {
    let manual = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/manual.md"), encoding: .utf8)
    let block = try #require(manual.components(separatedBy: "```cron\n").dropFirst().first)
    return block.components(separatedBy: "\n```").first?.split(separator: "\n").map(String.init) ?? []
  }

  @Test("every job runs as cron runs it: only the crontab's variables, laogan found through its PATH line")
  func runsUnderCron() throws {
    let laogan = try Laogan()
    // laogan installed where the recipe says it is (`make install`: /usr/local/bin), here in a folder of its own.
    let prefix = laogan.folder.appendingPathComponent("usr-local-bin")
    try FileManager.default.createDirectory(at: prefix, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      at: prefix.appendingPathComponent("laogan"), withDestinationURL: Laogan.binary)
    for folder in ["backup", "share/报表"] {
      try FileManager.default.createDirectory(
        at: laogan.folder.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    try laogan.run("init")
    try laogan.run(
      "benefit", "rule", "add", "--item", "高龄补贴", "--monthly", "100", "--from", "2020-01", "--min-age", "80")

    let lines = try CronRecipeTests.crontab()
    let place = { (text: String) in
      text.replacingOccurrences(of: "/usr/local/bin", with: prefix.path)
        .replacingOccurrences(of: "/data/老干部局/laogan.db", with: laogan.database)
        .replacingOccurrences(of: " /backup/", with: " \(laogan.folder.path)/backup/")
        .replacingOccurrences(of: " /share/", with: " \(laogan.folder.path)/share/")
    }
    var environment = ["HOME": laogan.folder.path, "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin"]
    var jobs: [String] = []
    for line in lines where !line.hasPrefix("#") && !line.isEmpty {
      if let equals = line.firstIndex(of: "="), !line.prefix(upTo: equals).contains(" ") {
        environment[String(line[..<equals])] = place(String(line[line.index(after: equals)...]))
      } else {
        // cron passes the sixth field on to sh, with `\%` for a literal %.
        let command = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true).last.map(String.init)
        jobs.append(place(command ?? "").replacingOccurrences(of: "\\%", with: "%"))
      }
    }
    #expect(environment["PATH"]?.hasPrefix(prefix.path) == true, "the recipe needs a PATH line with laogan's folder")
    #expect(jobs.count == 2)
    for job in jobs {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", job]
      process.environment = environment
      process.currentDirectoryURL = laogan.folder
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(job): \(said)")
    }
    let backups = try FileManager.default.contentsOfDirectory(
      atPath: laogan.folder.appendingPathComponent("backup").path)
    let packs = try FileManager.default.contentsOfDirectory(
      atPath: laogan.folder.appendingPathComponent("share/报表").path)
    #expect(backups.count == 1 && packs.count == 1 && packs.first?.hasSuffix("报表.xlsx") == true)
  }
}
