/**
 * Chinese surnames, for telling a name from other words typed where a name
 * is asked (`马上`, `工地`, `河南人`). The common single-character surnames
 * (well over 99 % of people) and the compound ones still in use. A name
 * whose surname is not here is not refused: it is confirmed (flows/nlu/facts.ts
 * `nameAnswer`). No registry package lists them; this is the 百家姓 plus the
 * frequent surnames of the 2020 census that it lacks.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split('');

const COMPOUND = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离',
  '端木', '南宫', '西门', '独孤', '申屠', '太史', '闻人', '万俟', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '呼延', '赫连',
  '拓跋', '百里', '东郭', '左丘', '第五', '司空', '仲孙', '巫马', '乐正', '梁丘', '谷梁', '羊舌', '微生', '公羊',
];

const SURNAMES = new Set(SINGLE);

/** The compound surnames (欧阳, 司马 …). */
export const COMPOUND_SURNAMES: readonly string[] = COMPOUND;

/** The surname a Han name starts with, if it is a known one. */
export function knownSurname(name: string): string | null {
  const two = name.slice(0, 2);
  if (COMPOUND.includes(two)) return two;
  const one = name.charAt(0);
  return SURNAMES.has(one) ? one : null;
}

/**
 * Whether a Han name starts with one of the hundred most frequent surnames (王, 李, 张 …): a word typed alone
 * where something else is asked is taken for a name only then (`初三`, `国庆前`, `元宵节` start with rarer ones).
 */
export function commonSurname(name: string): boolean {
  return SINGLE.slice(0, 100).includes(name.charAt(0));
}
