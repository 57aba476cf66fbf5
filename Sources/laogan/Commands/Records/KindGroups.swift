import ArgumentParser
import LaoganCore
import LaoganModel
import LaoganStore

// The command group of each record kind: the shared commands, plus a kind's own where it has them.

extension Laogan {
  struct OrgCommand: KindCommands {
    typealias Kind = OrganizationKind
    static let addExample = "laogan org add 名称=兴义市桔山街道离退休干部党支部 类型=党支部 地区=兴义 示范级别=州级 命名日期=2022-07-01"
    static let editExamples = [
      "laogan org edit 兴义市桔山街道离退休干部党支部 示范级别=县级 命名日期=2023-07-01",
      "laogan org edit 兴义市桔山街道离退休干部党支部 撤销日期=2026-12-31",
    ]
    static let configuration = CommandConfiguration(
      commandName: "org", abstract: "离退休干部党组织：登记、列出、修改、撤销（撤销日期），干部转入转出。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands + [Join.self, Leave.self, Members.self])

    /// `org show` lists the organization's officers, current and past.
    static func sections(of record: PartyOrganization, _ opened: LaoganDatabase, reveal: Bool) throws
      -> [(String, Table)]
    {
      [("党组织委员（现任与历任）", try opened.listTable(OfficerKind.self, try opened.officers(of: record), reveal: reveal))]
    }
  }

  struct OfficerCommand: KindCommands {
    typealias Kind = OfficerKind
    static let addExample =
      "laogan officer add 党组织=兴义市桔山街道离退休干部党支部 身份证号=522301194603150011 \\\n    "
      + "职务=书记 任职日期=2024-03-01"
    static let editExamples = ["laogan officer edit 12 离任日期=2026-12-31"]
    static let configuration = CommandConfiguration(
      commandName: "officer", abstract: "党组织委员：书记、副书记、组织委员等的任职与离任；同一党组织同一时间只有一名书记。",
      discussion: "示例：\n  \(addExample)\n  laogan officer list --type 书记 --region 兴义",
      subcommands: recordCommands)
  }

  struct AssociationCommand: KindCommands {
    typealias Kind = AssociationKind
    static let addExample = "laogan association add 名称=兴义市老干部合唱团 类别=歌舞 地区=兴义 成立日期=2015-03-01"
    static let editExamples = [
      "laogan association edit 兴义市老干部合唱团 负责人=李明",
      "laogan association edit 兴义市老干部合唱团 撤销日期=2026-12-31",
    ]
    static let configuration = CommandConfiguration(
      commandName: "association", abstract: "涉老社团：登记、列出、修改、撤销，会员入会退会。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands + [JoinAssociation.self, LeaveAssociation.self])
  }

  struct VenueCommand: KindCommands {
    typealias Kind = VenueKind
    static let addExample = "laogan venue add 名称=兴义市桔山老年大学 类型=老年大学 地区=兴义 向社会老年人开放=是"
    static let editExamples = [
      "laogan venue edit 兴义市桔山老年大学 向社会老年人开放=否",
      "laogan venue edit 兴义市桔山老年大学 撤销日期=2026-12-31",
    ]
    static let configuration = CommandConfiguration(
      commandName: "venue", abstract: "阵地：老年大学、活动中心、五老工作室、志愿服务队、网络平台。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands)
  }

  struct ActivityCommand: KindCommands {
    typealias Kind = ActivityKind
    static let addExample =
      "laogan activity add 日期=2023-06-12 类型=主题宣讲 标题=学习二十大精神 \\\n    "
      + "地区=兴义 场所=社区 受众人次=120 参与干部=522301194603150011"
    static let editExamples = [
      "laogan activity edit 12 受众人次=150"
    ]
    static let configuration = CommandConfiguration(
      commandName: "activity", abstract: "活动：培训班、调研、送学上门、主题宣讲、政治学习等。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands)
  }

  struct TreatmentCommand: KindCommands {
    typealias Kind = TreatmentKind
    static let addExample =
      "laogan treatment add 日期=2023-01-15 类型=走访慰问 场合=节日慰问 标题=春节慰问 \\\n    "
      + "地区=普安 参与干部=522301194603150011 走访人=王芳"
    static let editExamples = [
      "laogan treatment edit 12 走访人=李明"
    ]
    static let configuration = CommandConfiguration(
      commandName: "treatment", abstract: "政治待遇：阅读文件、参加会议活动、参观学习、情况通报、征订党刊党报、走访慰问。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands)
  }

  struct ContributionCommand: KindCommands {
    typealias Kind = ContributionKind
    static let addExample = "laogan contribution add 日期=2023-03-05 领域=关心下一代 优势=威望 标题=红色故事进校园 地区=安龙 参与人次=6"
    static let editExamples = [
      "laogan contribution edit 12 成效=调解纠纷三起"
    ]
    static let configuration = CommandConfiguration(
      commandName: "contribution", abstract: "发挥作用：宣传政策、传播文化、化解矛盾纠纷、关心下一代等。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands)
  }

  struct HonorCommand: KindCommands {
    typealias Kind = HonorKind
    static let addExample = "laogan honor add 日期=2022-10-01 称号=最美五老 级别=省级 地区=兴义 身份证号=522301194603150011"
    static let editExamples = [
      "laogan honor edit 12 称号=优秀共产党员"
    ]
    static let configuration = CommandConfiguration(
      commandName: "honor", abstract: "先进典型：个人（身份证号）或集体（集体名称）。",
      discussion: "示例：\n  \(addExample)",
      subcommands: recordCommands)
  }

  struct DuesStandardCommand: KindCommands {
    typealias Kind = DuesStandardKind
    static let addExample =
      "laogan dues-standard add 身份证号=522301194603150011 \\\n    月缴金额=20.00 起始月份=2024-01"
    static let editExamples = ["laogan dues-standard edit 12 月缴金额=25.00"]
    static let configuration = CommandConfiguration(
      commandName: "dues-standard", abstract: "党费标准：党员每月应缴的金额，自某月起，到下一条标准为止。",
      discussion: "示例：\n  \(addExample)\n  laogan dues-standard derive --month 2027-01 --dry-run",
      subcommands: recordCommands + [DeriveDuesStandards.self])
  }

  struct MeetingCommand: KindCommands {
    typealias Kind = MeetingKind
    static let addExample =
      "laogan meeting add 党组织=兴义离退休干部第1党支部 日期=2026-11-05 \\\n    类型=支部党员大会 主题=学习党的二十届四中全会精神"
    static let editExamples = ["laogan meeting edit 12 请假=522301194603150011"]
    static let configuration = CommandConfiguration(
      commandName: "meeting",
      abstract: "组织生活：支部党员大会、支委会、党小组会、党课、主题党日，出席与请假的党员。未列出的党员为缺席。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct PensionCommand: KindCommands {
    typealias Kind = PensionKind
    static let addExample =
      "laogan pension add 身份证号=522301194603150011 起始月份=2024-01 \\\n    月离退休费=6200.00"
    static let editExamples = ["laogan pension edit 12 月离退休费=6350.00"]
    static let configuration = CommandConfiguration(
      commandName: "pension",
      abstract: "离退休费：干部每月的离退休费，自某月起，到下一条为止。党费标准由它算出（dues-standard derive）。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct DuesCommand: KindCommands {
    typealias Kind = DuesKind
    static let addExample =
      "laogan dues add 身份证号=522301194603150011 所属月份=2024-01 \\\n    金额=20.00 缴纳日期=2024-01-15"
    static let editExamples = ["laogan dues edit 12 金额=25.00"]
    static let configuration = CommandConfiguration(
      commandName: "dues", abstract: "党费缴纳：党员某月缴纳的党费（同月多笔相加）。欠缴见 report dues --owed。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct TransferCommand: KindCommands {
    typealias Kind = TransferKind
    static let addExample =
      "laogan transfer add 身份证号=522301194603150011 类型=迁入 \\\n    日期=2024-03-01 对方单位或地区=遵义市老干部局"
    static let editExamples = ["laogan transfer edit 12 人事档案转接=是"]
    /// The demo's transfers come after its report day.
    static let examplePeriod = "--from 2023-07-01 --to 2026-10-31"
    static let configuration = CommandConfiguration(
      commandName: "transfer", abstract: "迁入迁出：干部的管理关系迁入本局或迁往他处；迁出之日起不计入各项存量统计。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct HospitalStayCommand: KindCommands {
    typealias Kind = HospitalStayKind
    static let addExample =
      "laogan hospital-stay add 身份证号=522301194603150011 \\\n    入院日期=2023-05-20 医院=黔西南州人民医院"
    static let editExamples = ["laogan hospital-stay edit 12 出院日期=2023-06-02"]
    static let configuration = CommandConfiguration(
      commandName: "hospital-stay", abstract: "住院：入院、出院日期与医院（不记病情）。在院名单见 report in-hospital。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct PermitCommand: KindCommands {
    typealias Kind = PermitKind
    static let addExample =
      "laogan permit add 身份证号=522301194603150011 证照类型=护照 \\\n    证照号码=E90000001 有效期至=2030-05-01"
    static let editExamples = ["laogan permit edit E10000001 有效期至=2032-01-01"]
    static let configuration = CommandConfiguration(
      commandName: "permit", abstract: "证照：干部交局里保管的护照、往来港澳通行证、往来台湾通行证；领用与归还。",
      discussion: "示例：\n  \(addExample)\n  laogan permit list --type 护照",
      subcommands: recordCommands + [Lend.self, Return.self])
  }

  struct TripCommand: KindCommands {
    typealias Kind = TripKind
    static let addExample =
      "laogan trip add 身份证号=522301194603150011 目的地=日本 \\\n    出发日期=2023-08-01 计划返回日期=2023-08-10"
    static let editExamples = ["laogan trip edit 47 实际返回日期=2023-02-02"]
    static let configuration = CommandConfiguration(
      commandName: "trip", abstract: "出国(境)：目的地、事由、出发与返回日期、所持证照。在外与逾期名单见 report abroad。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct TermCommand: KindCommands {
    typealias Kind = TermKind
    static let addExample = "laogan term add 学期=2023年秋季 开学日期=2023-09-04 结业日期=2024-01-12"
    static let editExamples = ["laogan term edit 2023年秋季 结业日期=2024-01-19"]
    /// The demo has one term; the example's has no courses to refuse its void.
    static let exampleRecord = "2023年秋季"
    static let configuration = CommandConfiguration(
      commandName: "term", abstract: "老年大学学期：名称与开学、结业日期。报名统计见 report university。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }

  struct CourseCommand: KindCommands {
    typealias Kind = CourseKind
    static let addExample =
      "laogan course add 学期=2023年春季 课程=合唱 班级=周五上午班 \\\n    教师=王老师 上课地点=州老干部活动中心 容量=30 学费=200"
    static let editExamples = ["laogan course edit 1 容量=45"]
    /// Every course of the demo has students, whose course is not voided; this example's has none.
    static let exampleRecord = "围棋"
    static let configuration = CommandConfiguration(
      commandName: "course", abstract: "老年大学课程：学期、课程、班级、教师、地点、容量、学费、年龄上限；学员名册。",
      discussion: "示例：\n  \(addExample)\n  laogan course add 学期=2023年春季 课程=围棋 容量=20",
      subcommands: recordCommands + [Roster.self])
  }

  struct EnrolmentCommand: KindCommands {
    typealias Kind = EnrolmentKind
    static let addExample =
      "laogan enrolment add 学期=2023年春季 课程=合唱 身份证号=522301194603150011 \\\n    报名日期=2023-02-20"
    static let editExamples = ["laogan enrolment edit 1 实收学费=0 减免原因=离休干部免费"]
    static let configuration = CommandConfiguration(
      commandName: "enrolment",
      abstract: "老年大学报名：干部按身份证号，社会学员按姓名（及电话、身份证号）；满员时写 候补=是 排入候补。",
      discussion: "示例：\n  \(addExample)\n  laogan enrolment add 学期=2023年春季 课程=合唱 姓名=刘桂兰 \\\n"
        + "    电话=13900001234 报名日期=2023-02-21", subcommands: recordCommands)
  }

  struct FamilyCommand: KindCommands {
    typealias Kind = FamilyKind
    static let addExample =
      "laogan family add 身份证号=522301194603150011 关系=配偶 \\\n    姓名=李秀英 出生日期=1950-03-02 同住=是"
    static let editExamples = ["laogan family edit 12 联系电话=13812345678"]
    static let configuration = CommandConfiguration(
      commandName: "family", abstract: "家庭成员：配偶、子女、父母等（身份证号为干部本人的；同一干部的关系与姓名确定一条）。",
      discussion: "示例：\n  \(addExample)", subcommands: recordCommands)
  }
}
