import ArgumentParser
import Foundation
import LaoganCore
import LaoganModel
import LaoganStore

extension Laogan {
  /// `laogan notice`: notices to cadres, the file a gateway or phone tree works from, and who was not reached.
  struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "notice",
      abstract: "通知：记录通知及收件人，导出通讯录，标记未送达。",
      discussion: """
        一条通知的收件人在 notice add 时按条件选定并保存；之后干部的变动不改变收件人。
        送达情况：有电话且未被标记的为“已送达”，notice mark 标记的为“未送达”，
        现在的记录没有电话的为“无电话”（需另行通知）。

        示例：
          laogan notice add --title 重阳节活动通知 --on 2026-10-20 --region 兴义 --min-age 80
          laogan notice contacts 1 --reveal --output 重阳节通知.xlsx
          laogan notice mark 1 --unreached 短信发送失败.csv
          laogan notice show 1
        """,
      subcommands: [Add.self, Contacts.self, Mark.self, Show.self, List.self])

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "记录一条通知，按条件选定收件人（当日在册、健在的干部）。",
        discussion: """
          收件人是 --alive-on 当日（默认通知日期）在册、健在、已退休并由本局管理的干部，再按其余条件筛选。
          没有符合条件的干部时拒绝，不记录。记入审计日志，可用 laogan undo 撤销。

          示例：
            laogan notice add --title 三季度党课通知 --on 2026-09-01 --party-member --region 普安
            laogan notice add --title 支部党员大会 --organization 兴义离退休干部第1党支部 \\
              --text "9月5日上午9时在支部活动室"
          """)

      @OptionGroup var database: DatabaseOptions
      @Option(help: "标题。") var title: String
      @Option(help: "通知日期；默认今天。") var on: CalendarDate?
      @Option(help: "正文。") var text: String?
      @Option(help: Region.scopeHelp) var region: Region?
      @Option(help: "只发给该党组织当日的党员（名称）。") var organization: String?
      @Option(help: "类别（离休/退休）") var category: CadreCategory?
      @Flag(help: "只发给党员。") var partyMember = false
      @Option(help: "最低年龄（含，按选定收件人的那天计）。") var minAge: Int?
      @Option(help: "按哪天在册、健在选定收件人；默认通知日期。") var aliveOn: CalendarDate?

      func run() throws {
        let selection = NoticeSelection(
          region: region, organization: organization, category: category, partyMembers: partyMember, minAge: minAge,
          aliveOn: aliveOn)
        let summary = try database.open().addNotice(
          title: title, on: on ?? CalendarDate(Date()), text: text, selection: selection, database.context())
        let id = summary.notice.id ?? 0
        Terminal.output(
          "已记录通知 \(id)：\(summary.notice.title)，收件人 \(summary.recipients) 人（无电话 \(summary.noPhone) 人）\n"
            + "下一步：laogan notice contacts \(id) --reveal --output 通知\(id).xlsx\n")
      }
    }

    struct Contacts: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "contacts",
        abstract: "导出通知收件人的通讯录（姓名、电话、党组织），供短信平台或电话通知。",
        discussion: """
          电话默认打码；给短信平台用的文件加 --reveal（记入审计日志，文件权限 0600）。
          没有电话的收件人不在文件中，列在标准错误输出上，需另行通知。

          示例：
            laogan notice contacts 1 --reveal --output 重阳节通知.csv
            laogan notice contacts 1 --unreached --reveal --output 电话补通知.xlsx
          """)

      enum Format: String, FileFormat {
        case csv, xlsx
      }

      @OptionGroup var database: DatabaseOptions
      @Argument(help: "通知编号") var id: Int64
      @OptionGroup var file: FileOutputOptions<Format>
      @Flag(help: "只导出未送达的收件人（电话补通知）。") var unreached = false
      @Flag(help: "导出完整的身份证号与电话（记入审计日志）。") var reveal = false

      func run() throws {
        let opened = try database.open()
        let contacts = NoticeContacts(try opened.notice(id).recipients, onlyUnreached: unreached, reveal: reveal)
        let data = file.chosenFormat == .xlsx ? try contacts.workbook() : Data(contacts.table.csv().utf8)
        if reveal {
          try file.write(revealed: data) { try opened.logReveal(of: contacts.listed, database.context()) }
        } else {
          try file.write(data)
        }
        if let output = file.output { Terminal.error("已导出 \(contacts.rows.count) 人到 \(output)") }
        if !reveal { Terminal.error("电话已打码；给短信平台用的文件请加 --reveal") }
        guard !contacts.withoutPhone.isEmpty else { return }
        Terminal.error("没有电话、需另行通知的 \(contacts.withoutPhone.count) 人：")
        Terminal.error(NoticeListing.recipients(contacts.withoutPhone, reveal: false).text())
      }
    }

    struct Mark: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "按短信平台的失败报告（身份证号或电话，CSV 或 .xlsx）标记未送达的收件人。",
        discussion: """
          文件中任何一列的身份证号或电话都被读出，列名不限。已标记的保持不变。
          有不是该通知收件人的身份证号或手机号时整个文件被拒绝，指出行号（可能是另一条通知的报告）。
          记入审计日志，可用 laogan undo 撤销。

          示例：
            laogan notice mark 1 --unreached 短信发送失败.csv
            laogan notice mark 1 --unreached 失败报告.xlsx    # 读第一个工作表，或用 --sheet
          """)

      @OptionGroup var database: DatabaseOptions
      @Argument(help: "通知编号") var id: Int64
      @Option(help: "未送达名单（CSV 或 .xlsx）。", completion: .file()) var unreached: String
      @Option(help: "CSV 的编码；默认自动识别。") var encoding: TextEncoding?
      @Option(help: "工作簿中的工作表名称；默认第一个。") var sheet: String?

      func run() throws {
        let marking = try database.open().markUnreached(
          id, file: URL(fileURLWithPath: unreached), encoding: encoding, sheet: sheet, database.context())
        var text = "通知 \(id)：标记未送达 \(marking.marked) 人"
        if marking.markedBefore > 0 { text += "，\(marking.markedBefore) 人此前已标记" }
        if marking.withoutPhone > 0 { text += "，\(marking.withoutPhone) 人没有电话（仍算无电话）" }
        Terminal.output(text + "\n" + NoticeListing.counts(marking.summary) + "\n")
      }
    }

    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "显示一条通知及每个收件人的送达情况。",
        discussion: """
          示例：
            laogan notice show 1
          """)

      @OptionGroup var database: DatabaseOptions
      @Argument(help: "通知编号") var id: Int64
      @Flag(help: "显示完整的身份证号与电话（记入审计日志）。") var reveal = false

      func run() throws {
        let opened = try database.open()
        let (summary, recipients) = try opened.notice(id)
        if reveal { try opened.logReveal(of: recipients, database.context()) }
        let notice = summary.notice
        var text = "通知 \(id)：\(notice.title)\n日期：\(notice.sentOn)\n收件人：\(notice.chosenBy)\n"
        if let body = notice.text { text += "正文：\(body)\n" }
        text += NoticeListing.counts(summary) + "\n\n"
        text += NoticeListing.recipients(recipients, reveal: reveal).text()
        Terminal.output(text)
      }
    }

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出通知（新的在前）及送达情况。",
        discussion: """
          示例：
            laogan notice list
          """)

      @OptionGroup var database: DatabaseOptions

      func run() throws {
        let rows = try database.open().notices().map {
          [
            "\($0.notice.id ?? 0)", $0.notice.sentOn.description, $0.notice.title, "\($0.recipients)",
            "\($0.reached)", "\($0.unreached)", "\($0.noPhone)",
          ]
        }
        guard !rows.isEmpty else { return Terminal.output("还没有通知（用 laogan notice add 记录）\n") }
        Terminal.output(
          Table(headers: ["编号", "日期", "标题", "收件人", "已送达", "未送达", "无电话"], rows: rows).text())
      }
    }
  }
}

/// How `notice` commands show a notice's reach and its recipients.
enum NoticeListing {
  static func counts(_ summary: NoticeSummary) -> String {
    "收件人 \(summary.recipients) 人：已送达 \(summary.reached)，未送达 \(summary.unreached)，无电话 \(summary.noPhone)"
  }

  static func recipients(_ recipients: [NoticeRecipient], reveal: Bool) -> Table {
    Table(
      headers: ["编号", "姓名", "身份证号", "党组织", "电话", "送达"],
      rows: recipients.map {
        [
          "\($0.cadreID)", $0.name, reveal ? $0.residentID : Masking.residentID($0.residentID), $0.organization ?? "",
          $0.phone.map { reveal ? $0 : Masking.phone($0) } ?? "", $0.reach.rawValue,
        ]
      })
  }
}
