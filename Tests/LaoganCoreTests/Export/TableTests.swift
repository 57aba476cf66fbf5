import Testing

@testable import LaoganCore

@Suite("Text tables")
struct TableTests {
  @Test("numbers are told from other cells: counts, money and negatives, not dates, ids with letters or blanks")
  func numbers() {
    for number in ["12", "-3", "1234.50", "0.05"] { #expect(Table.isNumber(number), "\(number)") }
    for text in ["", "-", ".5", "5.", "1.2.3", "2023-06", "11010519491231002X", "1,234.50", " 12"] {
      #expect(!Table.isNumber(text), "\(text)")
    }
  }

  @Test("a column of numbers is flush right, its header too; text stays left; CJK counts two columns")
  func alignment() {
    let table = Table(headers: ["姓名", "金额"], rows: [["张三", "800.00"], ["欧阳修文", "12.50"]])
    #expect(table.text() == "姓名        金额\n--------  ------\n张三      800.00\n欧阳修文   12.50\n")
  }
}
