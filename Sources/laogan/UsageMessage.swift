import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganText

/// argument-parser's usage errors, said in Chinese like every other message of laogan.
///
/// argument-parser writes its messages in English and exposes them only as text; the few shapes it uses are
/// matched here, and anything unrecognised is shown as it came rather than lost.
struct UsageMessage {
  let headline: String
  /// The lines after the headline: the option's help, the usage line, where to read more.
  let rest: String

  init(full: String, headline english: String) {
    headline = UsageMessage.translate(english)
    let lines = full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .drop { !$0.hasPrefix("Help:") && !$0.hasPrefix("Usage:") }
    rest = lines.map(UsageMessage.translateLine).joined(separator: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func translate(_ message: String) -> String {
    if let match = message.firstMatch(of: /^The value '(.*)' is invalid for '([^ ']+)[^']*'(.*)$/.dotMatchesNewlines())
    {
      return "\(match.2) 的值 \(match.1) 无效" + allowed(String(match.3))
    }
    if let match = message.firstMatch(of: /^Unknown option '(.*)'\. Did you mean '(.*)'\?$/) {
      return "不认识的选项 \(match.1)；是不是 \(match.2)？"
    }
    if let match = message.firstMatch(of: /^Unknown option '(.*)'$/) { return "不认识的选项 \(match.1)" }
    if let match = message.firstMatch(of: /^Missing value for '([^ ']+).*'$/) { return "\(match.1) 后面缺少值" }
    if let match = message.firstMatch(of: /^Unexpected argument '(.*)'$/) { return "多余的参数 \(match.1)" }
    if let match = message.firstMatch(of: /^\d+ unexpected arguments: (.*)$/) {
      return "多余的参数 " + match.1.replacingOccurrences(of: "'", with: "")
    }
    if let match = message.firstMatch(of: /^Missing expected argument '(.*)'$/) { return "缺少参数 \(match.1)" }
    if let match = message.firstMatch(of: /^Missing one of: (.*)$/) {
      return "缺少以下之一：" + match.1.replacingOccurrences(of: "'", with: "")
    }
    if let match = message.firstMatch(of: /^The option '(.*)' does not take any value, but '(.*)' was specified\.$/) {
      return "选项 \(match.1) 不带值，却给了 \(match.2)"
    }
    if message == "Missing required subcommand." { return "缺少子命令" }
    return message
  }

  /// `. Please provide one of 'a', 'b' or 'c'.` (or a bulleted list) as `；可用：a、b、c`.
  private static func allowed(_ tail: String) -> String {
    guard tail.contains("Please provide one of") else {
      return tail.hasPrefix(": ") ? "：" + tail.dropFirst(2) : ""
    }
    let values = tail.matches(of: /'([^']*)'|\n  - (.*)/).map { String($0.1 ?? $0.2 ?? "") }
    return "；可用：" + values.joined(separator: "、")
  }

  private static func translateLine(_ line: String) -> String {
    if line.hasPrefix("Help:") { return "说明：" + String(line.dropFirst("Help:".count)).trimmed }
    if line.hasPrefix("Usage:") { return "用法：" + String(line.dropFirst("Usage:".count)).trimmed }
    if let match = line.firstMatch(of: /See '(.*)' for more information\./) { return "  详见 \(match.1)" }
    return line
  }
}

/// A subcommand typed wrong (`laogan cadres list`, `laogan improt`), caught before parsing so that the
/// message can name the nearest command, in Chinese.
enum CommandSpelling {
  struct Mistake {
    let message: String
    let usage: String
  }

  /// Walks the words before the first option down the command tree; the first word that names no
  /// subcommand of a command that has them is the mistake.
  static func mistake(in arguments: [String], root: any ParsableCommand.Type) -> Mistake? {
    var command = root
    var path = [root.configuration.commandName ?? "laogan"]
    for word in arguments {
      if word.hasPrefix("-") || word == "help" { return nil }
      let subcommands = command.configuration.subcommands
      if subcommands.isEmpty { return nil }
      guard let next = subcommands.first(where: { names(of: $0).contains(word) }) else {
        let all = subcommands.compactMap { $0.configuration.commandName }
        let suggestion = EditDistance.nearest(to: word, among: all)
        let joined = path.joined(separator: " ")
        return Mistake(
          message: "不认识的命令 \(joined) \(word)" + (suggestion.map { "；是不是 \(joined) \($0)？" } ?? ""),
          usage: "可用：\(all.joined(separator: "、"))\n  详见 \(joined) --help")
      }
      command = next
      path.append(next.configuration.commandName ?? word)
    }
    return nil
  }

  private static func names(of command: any ParsableCommand.Type) -> [String] {
    [command.configuration.commandName].compactMap { $0 } + command.configuration.aliases
  }
}
