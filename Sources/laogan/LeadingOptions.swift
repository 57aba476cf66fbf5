/// `--db` and `--operator` written before the subcommand — `laogan --db 兴义.db cadre list`, as `git -C` is
/// written — are moved after it, where every command takes them (SPEC §9).
enum LeadingOptions {
  private static let names = ["--db", "--operator"]

  static func moved(_ arguments: [String]) -> [String] {
    var leading: [String] = []
    var rest = arguments[...]
    while let first = rest.first {
      if names.contains(first), rest.count >= 2 {
        leading += rest.prefix(2)
        rest = rest.dropFirst(2)
      } else if names.contains(where: { first.hasPrefix($0 + "=") }) {
        leading.append(first)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    return Array(rest) + leading
  }
}
