/// The words a demo prefecture is made of: names as 黔西南 families carry them, and the titles of its work.
enum DemoNames {
  /// Surnames by ethnic group: 布依 families are often 韦, 岑, 罗, 黄, 陆, 班; 苗 families 杨, 吴, 龙, 石, 王.
  static let hanSurnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单")
  static let buyiSurnames = Array("韦岑罗黄陆班王杨李吴梁蒙莫卢")
  static let miaoSurnames = Array("杨吴龙石王张李熊陶麻")
  static let givenCharacters = Array("国建明华英玉兰芳军平志强秀珍德成文光荣福春海云家正永德昌发学忠世林贵琼群秀凤敏丽勇祥富贤安品")

  /// 民族 of 黔西南 cadres, with weights (per thousand).
  static let ethnicities: [(String, Int)] = [
    ("汉族", 580), ("布依族", 260), ("苗族", 80), ("仡佬族", 20), ("彝族", 15), ("回族", 15), ("瑶族", 10), ("壮族", 8),
    ("水族", 7), ("土家族", 5),
  ]

  static let units = [
    "州委办公室", "州人大常委会办公室", "州政府办公室", "州政协办公室", "州教育局", "州卫生健康局", "州财政局",
    "州人民医院", "州民族中学", "州农业农村局", "县委办公室", "县人民政府", "县教育局", "县人民医院", "县供销社", "乡镇人民政府", "州电力公司",
    "州烟草公司", "州交通运输局", "州公安局",
  ]

  static let posts = ["主任", "副主任", "局长", "副局长", "科长", "副科长", "科员", "院长", "校长", "书记", "副书记", "主任科员", "调研员"]

  static let lectureTopics = [
    "学习党的二十大精神", "红色故事宣讲", "乡村振兴政策宣讲", "党史学习教育", "法治宣传", "移风易俗", "民族团结进步",
    "老干部讲传统", "关心下一代专题", "安全生产宣传",
  ]
}
