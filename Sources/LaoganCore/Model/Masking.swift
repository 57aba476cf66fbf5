/// Hides personal information (PIPL) in everything laogan shows unless the clerk asks for `--reveal`.
public enum Masking {
  /// `522301********0012`: the area code and the last four characters stay, so a clerk can still tell
  /// records apart and match them against a paper file.
  public static func residentID(_ value: String) -> String {
    let characters = Array(value)
    guard characters.count > 10 else { return String(repeating: "*", count: characters.count) }
    return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
      + String(characters.suffix(4))
  }

  /// `138****5678` for a mobile number; other numbers keep their first three and last four characters when
  /// long enough, and show only stars when not.
  public static func phone(_ value: String) -> String {
    let characters = Array(value)
    guard characters.count >= 8 else { return String(repeating: "*", count: characters.count) }
    return String(characters.prefix(3)) + String(repeating: "*", count: characters.count - 7)
      + String(characters.suffix(4))
  }
}
