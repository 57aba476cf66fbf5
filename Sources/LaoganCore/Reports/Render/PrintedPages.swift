/// Where a report sheet's A4 pages end, decided by laogan rather than by the spreadsheet: a section title
/// never ends a page, a table's header never leaves its first rows, and a table that runs on to another page
/// starts that page with its own header again (a sheet's print titles can repeat one header only, which on a
/// sheet of several tables is the wrong one on most pages).
///
/// The sheet prints at a scale laogan sets, small enough that its columns surely fit the page's width (they
/// are measured generously: a column a little narrower than thought leaves a margin, one wider would spill
/// onto a page of its own), so that how many rows a page holds is known, not guessed.
struct PrintedPages {
  /// Whether the sheet prints landscape: wider than this many character widths.
  let landscape: Bool
  /// The scale the sheet prints at, per cent.
  let scale: Int
  /// Points of row height a page holds, at that scale.
  let capacity: Double
  /// Points used on the current page.
  private(set) var used = 0.0
  /// The rows after which a page ends, 1-based.
  private(set) var breaks: [Int] = []

  /// Wider than this many character widths, a table prints landscape.
  static let portraitWidth = 100

  init(columnWidths: [Int]) {
    let characters = columnWidths.reduce(0, +)
    landscape = characters > Self.portraitWidth
    // A4 less the margins `XLSXPackage.pageSetup` sets (0.4 in at the sides, 0.6 in above and below).
    let (width, height) = landscape ? (841.9 - 57.6, 595.3 - 86.4) : (595.3 - 57.6, 841.9 - 86.4)
    // A column of `w` characters is 7w + 5 pixels of the default font at 0.75 points a pixel in Excel;
    // LibreOffice, without 宋体, draws them wider: 7.0 points a character measured on printed pages, here
    // rounded up to 9.5 pixels.
    let points = columnWidths.map { (9.5 * Double($0) + 5) * 0.75 }.reduce(0, +)
    scale = max(10, min(100, Int(width / max(points, 1) * 100)))
    // The footer and rounding: a page is filled to 96%.
    capacity = height * 100 / Double(scale) * 0.96
  }

  /// Whether `height` more points fit on the current page.
  func fits(_ height: Double) -> Bool {
    used + height <= capacity
  }

  /// Whether nothing is on the current page yet.
  var atTop: Bool { used == 0 }

  /// Counts a row of `height` points onto the current page.
  mutating func add(_ height: Double) {
    used += height
  }

  /// Ends the page after row `row`.
  mutating func breakPage(after row: Int) {
    breaks.append(row)
    used = 0
  }

  /// The sheet's manual page breaks, which close the worksheet after its page setup.
  var xml: String {
    guard !breaks.isEmpty else { return "" }
    let list = breaks.map { "<brk id=\"\($0)\" max=\"16383\" man=\"1\"/>" }.joined()
    return "<rowBreaks count=\"\(breaks.count)\" manualBreakCount=\"\(breaks.count)\">\(list)</rowBreaks>"
  }
}
