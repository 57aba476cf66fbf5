import Foundation
import LaoganStore

/// Long results at a terminal go through a pager, as git's do: `$PAGER`, else `less -FRX` (which quits when
/// the text fits one screen and leaves it on the screen). Never into a pipe or a file, and never with
/// `--no-pager`, which any command takes.
enum Pager {
  /// Off for this run (`--no-pager`).
  nonisolated(unsafe) static var isOff = false

  /// `--no-pager` taken out of the arguments wherever it stands.
  static func takingFlag(from arguments: [String]) -> [String] {
    guard arguments.contains("--no-pager") else { return arguments }
    isOff = true
    return arguments.filter { $0 != "--no-pager" }
  }

  /// Shows `text` through the pager when it is longer than the terminal; false when it was not shown.
  static func show(_ text: String) -> Bool {
    guard !isOff, isatty(STDOUT_FILENO) == 1 else { return false }
    var size = winsize()
    let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : 24
    guard text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= rows else { return false }
    let command = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRX"
    setenv("LESSCHARSET", "utf-8", 0)
    // Spawned in laogan's own process group, which the terminal has in the foreground: Foundation's Process
    // starts a group of its own, and a pager there is stopped the moment it reads the keyboard.
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return false }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, ends[1])
    let arguments: [String] = ["/bin/sh", "-c", command]
    let words = arguments.map { strdup($0) }
    defer { words.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/bin/sh", &actions, nil, words + [nil], environ) == 0 else {
      close(ends[0])
      close(ends[1])
      return false
    }
    close(ends[0])
    // A pager quit early (q) closes its end: the rest is not wanted, and writing it must not kill laogan.
    signal(SIGPIPE, SIG_IGN)
    let input = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    try? input.write(contentsOf: Data(text.utf8))
    try? input.close()
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return true
  }
}
