import ArgumentParser
import LaoganCore
import LaoganModel

extension Laogan.PermitCommand {
  struct Lend: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lend",
      abstract: "证照领用：为一次出国(境)交给本人（证照须在柜、未过期，且是该次出行登记的证照）。",
      discussion: "示例：\n  laogan permit lend E90000001 --on 2023-07-28 --trip 50")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "证照（编号或证照号码）") var permit: String
    @Option(help: "领用日期（默认今天）") var on: CalendarDate?
    @Option(help: "出国(境)登记的编号（trip list 可查）") var trip: Int64

    func run() throws {
      let lent = try database.open().lendPermit(permit, on: on, trip: trip, database.context())
      Terminal.error("已领用：\(lent.type.rawValue) \(lent.number)，出国(境)登记 \(trip)")
    }
  }

  struct Return: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "return",
      abstract: "证照归还：交回局里保管。",
      discussion: "示例：\n  laogan permit return E90000001 --on 2023-08-12")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "证照（编号或证照号码）") var permit: String
    @Option(help: "归还日期（默认今天）") var on: CalendarDate?

    func run() throws {
      let returned = try database.open().returnPermit(permit, on: on, database.context())
      Terminal.error("已归还：\(returned.type.rawValue) \(returned.number)")
    }
  }
}
