import Foundation
import LaoganCore
import LaoganStore
import LaoganText

/// Where output goes: results on stdout, messages on stderr (SPEC §9).
enum Terminal {
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

  /// Results, with control characters shown as code points (a second line of defence behind the refusal at
  /// the door): also into a pipe, since `| head` and `| less` end on a terminal too. A file `--output` names
  /// gets the data as stored.
  static func output(_ text: String) {
    let shown = CellText.printable(text)
    guard !Pager.show(shown) else { return }
    FileHandle.standardOutput.write(Data(shown.utf8))
  }

  static func error(_ text: String, terminator: String = "\n") {
    FileHandle.standardError.write(Data((CellText.printable(text) + terminator).utf8))
  }

  /// One line on stderr, then exit 1.
  static func fail(_ message: String) -> Never {
    error("laogan: \(message)")
    exit(1)
  }

  /// Overwrites one status line on stderr while long work runs, only when a person is watching.
  static func progress(_ text: String) {
    guard standardErrorIsTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  /// How far long work has come, and the time left once the pace is known: `已读取 12000 行（45%，约剩 30 秒）`.
  struct ProgressLine: Sendable {
    let started = Date()

    func text(_ what: String, fraction: Double?) -> String {
      guard let fraction, fraction > 0 else { return what + "…" }
      var line = "\(what)（\(Int(fraction * 100))%"
      let elapsed = Date().timeIntervalSince(started)
      if fraction < 1, fraction >= 0.02, elapsed >= 1 {
        let left = Int((elapsed / fraction - elapsed).rounded(.up))
        line += left < 60 ? "，约剩 \(left) 秒" : "，约剩 \(left / 60) 分 \(left % 60) 秒"
      }
      return line + "）"
    }
  }

  static func endProgress() {
    guard standardErrorIsTerminal else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }

  /// The clerk's yes to a change that replaces or reverts data: asked at a terminal, where anything but `y`
  /// stops the command with `declined`; a script, which cannot answer, is stopped with `inScript` (it must
  /// say `--yes`).
  static func confirm(_ question: String, inScript: String, declined: String) {
    guard standardInputIsTerminal else { fail(inScript) }
    guard ask(question)?.lowercased() == "y" else { fail(declined) }
  }

  /// Asks for one value at the terminal; nil when nothing was typed.
  static func ask(_ prompt: String) -> String? {
    FileHandle.standardError.write(Data(prompt.utf8))
    guard let answer = readLine()?.trimmed, !answer.isEmpty else { return nil }
    return answer
  }
}

extension Terminal {
  /// A command typed wrong: one line `laogan: 原因`, then how to type it, and exit 64 (EX_USAGE).
  static func usageFail(_ message: String, usage: String) -> Never {
    error("laogan: \(message)")
    if !usage.isEmpty { error(usage) }
    exit(64)
  }
}
