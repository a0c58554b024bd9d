/**
 * The one normaliser every message goes through before it is understood:
 * traditional characters read as simplified (opencc-js, Taiwan and Hong
 * Kong variants), full-width forms and look-alike dashes and spaces folded
 * (flows/parsers/normalize.ts), runs of whitespace collapsed, trimmed.
 * Parsers still normalise their own input, so calling them directly stays safe.
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { normalizeText } from '../parsers/normalize.js';
import { splitQuote } from '../../core/infra/text.js';
import { notedForTurn, readOnce } from '../parsers/turn-memo.js';
import { COMPOUND_SURNAMES, knownSurname } from './surnames.js';

/**
 * Patterns with `\p{…}` outside a character class, built once here: the TypeScript compiler this project
 * runs under (tsx, esbuild for the running Node) writes each such literal as `new RegExp(…)`, rebuilt on
 * every call when it stands inside a function (about a microsecond each, many times a turn).
 */
const HAN = /\p{Script=Han}/u;
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\ufe0f\u20e3])+/gu;
const SPACED_HAN_RUN = /(?<![^\s])\p{Script=Han}(?: \p{Script=Han}(?![^\s])){3,}/gu;

/**
 * Taiwan's standard to mainland simplified. (The Hong Kong converter is not
 * used: it reads simplified 么 as 幺 and breaks 饿了么 and 在么.)
 */
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Characters that only traditional writing uses often enough to be worth converting. */
const MAYBE_TRADITIONAL = /[\u4e00-\u9fff]/;

/**
 * WeChat's built-in emoji arrive inside text as their names in brackets
 * (`好的[微笑]`, `[抱拳][抱拳]`). Only WeChat's own names are taken off, so a
 * bracketed word of the worker's (`[东龙]`) is kept.
 */
const WECHAT_EMOJI = new RegExp(
  `\\[(?:${[
    ...'微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑 愉快 白眼 傲慢 困 惊恐 憨笑 悠闲 咒骂 疑问 嘘 晕 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 坏笑 右哼哼 左哼哼 哈欠 鄙视 委屈 快哭了 阴险 亲亲 可怜 笑脸 生病 脸红 破涕为笑 恐惧 失望 无语 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜 加油 汗 天啊 社会社会 旺柴 好的 打脸 哇 翻白眼 让我看看 叹气 苦涩 裂开 嘴唇 爱心 心碎 拥抱 强 弱 握手 胜利 抱拳 勾引 拳头 合十 啤酒 咖啡 蛋糕 玫瑰 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 發 福 烟花 爆竹 猪头 跳跳 发抖 转圈'.split(' '),
    'Emm',
    'OK',
    '666',
    'Smile',
    'Grimace',
    'Drool',
    'Scowl',
    'Chill',
    'Sob',
    'Shy',
    'Silent',
    'Sleep',
    'Cry',
    'Awkward',
    'Angry',
    'Tongue',
    'Grin',
    'Surprise',
    'Frown',
    'ThumbsUp',
    'ThumbsDown',
    'Fist',
    'Salute',
  ].join('|')})\\]`,
  'g',
);

/**
 * Slips of a pinyin keyboard that change what a word means to us, fixed
 * before reading. Only pairs whose wrong form has no other use here.
 */
const TYPOS: [RegExp, string, readonly string[]][] = [
  [/老版(?!本)/g, '老板', ['老版']],
  // `老板跑陆了` (跑路, by voice or pinyin): 跑陆 has no other use.
  [/跑陆/g, '跑路', ['跑陆']],
  [/(\d|[一二三四五六七八九十])月分/g, '$1月份', ['月分']],
  [/工姿/g, '工资', ['工姿']],
  // `老板拖欠工支`: 工支 (gongzhi) typed for 工资; never 施工支架, 工支付 (工 then 支付).
  [/(?<!施)工支(?![付出持架撑援部书票])/g, '工资', ['工支']],
  // `大家加一块二十几万`, `加在一块有三万`: 一块 (together) before the figure or what it comes to, never 1 yuan.
  [/(?<=[加合凑算放])(在)?一块儿?(?=[\d零一二两三四五六七八九十几]|有|是|总共|一共|共|大概|差不多|估计)/g, '$1一起', ['一块']],
  // `做保母`: the older spelling (and a common slip) of 保姆.
  [/保母/g, '保姆', ['保母']],
  // `同亿` typed for 同意 (tong yi), the whole answer: 同亿 has no other use.
  [/^同亿(?=[啊呀的了吧哈滴\s,，。.!！~～]*$)/g, '同意', ['同亿']],
  [/公资/g, '工资', ['公资']],
  [/加人工会/g, '加入工会', ['加人工会']],
  // `我想入汇`: never 收入汇总, 存入汇款, 转入汇丰.
  [/(?<![收出投输录存转汇])入汇(?![款总率兑票丰])/g, '入会', ['入汇']],
  // `我想入回`, `入回要啥条件`: never 收入回落, 投入回报, 输入回车, 转入回单, 拿回来.
  [/(?<![收出投输录存转汇进纳引流记导列代填写买卖])入回(?![来去到报收车单家流复答落升访扣款归国乡])/g, '入会', ['入回']],
  [/(入|加入|参加)公会/g, '$1工会', ['公会']],
  // `饿了吗`, `饿了嘛`: the platform 饿了么, as pinyin keyboards often write it (never `你饿了吗`, a question).
  [/(?<![你您我他她])饿了(?:吗|嘛|麽)/g, '饿了么', ['饿了']],
  [/检查官/g, '检察官', ['检查官']],
  // Speech recognition's homophones of words the questions use: `包公头` (包工头; 包公 is the judge of the old stories,
  // never a word here), `律诗` (律师; a kind of poem), `中裁` (仲裁; never 中裁判).
  [/包公头/g, '包工头', ['包公头']],
  [/律诗/g, '律师', ['律诗']],
  [/中裁(?!判)/g, '仲裁', ['中裁']],
  [/检查院/g, '检察院', ['检查院']],
  [/^在马([?？]*)$/g, '在吗$1', ['在马']],
  // Speech recognition's homophones of the menu's words: `预约法律园助`, `法律援主`, `查下进读`, `欠新三个月了`.
  [/法律(?:园|元|原|圆|源|援)(?:助|主|住|注|祝|驻)/g, '法律援助', ['法律']],
  [/法律援(?![助])(?=$|[了的吗呀啊，,。\s])/g, '法律援助', ['法律援']],
  [/进读/g, '进度', ['进读']],
  // `近度`, `尽度`, `进程` the whole message (after a report, 进度 mistyped; it was 没太明白).
  [/^(?:近度|劲度|进渡|尽度|进程|近渡)([?？!！。]*)$/g, '进度$1', ['度', '渡', '程']],
  [/(查|看|问|查下|查一下|看下|看一下|查询|案件|案子)(?:近度|劲度|进渡|尽度)/g, '$1进度', ['度', '渡']],
  // Not 欠新来的工人, 欠新房的钱, 新疆.
  [/欠新(?![来人房车疆年款店厂鲜的])/g, '欠薪', ['欠新']],
  // `两万八千无`, `八千无块`: 五 (wu) after 千 or 万 ending the figure, as a voice keyboard writes it. Never 万无一失,
  // 一千无人管 (a word goes on after it).
  [/(?<=[一二两三四五六七八九十][万千])无(?=$|[元块,，。!！?？\s]|左右)/g, '五', ['无']],
  // `六千块前` (钱, qian): only ending a clause after a figure's 块 (never 六千块前几天, 一块前面).
  [/(?<=[\d一二两三四五六七八九十百千万]块)前(?=$|[,，。!！?？\s])/g, '钱', ['块前']],
  // The review's two words mistyped, each the whole message: `确任` (确认), `去消` (取消; never 去消费, 去消毒). 取消
  // itself only asks whether to stop, so nothing is lost by reading it.
  [/^确任(提交)?([!！。.]*)$/g, '确认$1$2', ['确任']],
  [/^去消(了|吧)?([!！。.]*)$/g, '取消$1$2', ['去消']],
  // `额叫王大牛`, `额姓王`, `额是在工地干活的`: 额 is 我 in the north-west and Henan (and voice keyboards write 俺 so).
  // Only starting a clause and before a word a person says of themself: never 金额, 余额是, 额度, a filler `额 是的`.
  [/(?<![\p{Script=Han}\p{L}\d])额(?=叫|姓|是|在|的|们|老板|家|也|就|要|想|干|做|一个)/gu, '我', ['额']],
  // A handwriting pad's look-alikes (形近字), each in words where the wrong character makes no sense of its own: `同竟`
  // (同意), `丁资` (工资), `夕卖` (外卖), `取肖` (取消), `不哓得` (晓得: 哓 has no use here).
  [/同竟/g, '同意', ['同竟']],
  [/丁资/g, '工资', ['丁资']],
  [/夕卖/g, '外卖', ['夕卖']],
  [/取肖/g, '取消', ['取肖']],
  [/哓得/g, '晓得', ['哓得']],
  // `不清除` the whole answer (不清楚): never 清除 with what to clear after it.
  [/^(我|也|我也)?不清除([了啊呀的]*[。.!！]*)$/g, '$1不清楚$2', ['不清除']],
  // `工资末发`, `还末给` (未): only after what is unpaid or a word of still, never 月末发工资, 周末发, 年末结.
  [/(?<=工资|工钱|钱|薪水|还|都|一直|至今|仍然|仍|也|尚)末(?=发|付|给|结|到账|到手)/g, '未', ['末']],
  // `令年3月` (今年), `令天` (今天): never 命令, 口令, 令狐.
  [/(?<![命指口法号司禁责勒训])令(?=年|天)/g, '今', ['令年', '令天']],
  // `九月倒现在` (到): after a day or month said, or 从/一直, before now; never 摔倒现在, 跌倒.
  [/(?<=[月号日\d]|一直|直|从)倒(?=现在|今天|目前|年底|月底)/g, '到', ['倒']],
  // `雨个月` (两个月), `雨个人`: 雨 has no use before a count of months or people.
  [/(?<![下大小暴阵降淋落细冒春秋梅])雨(?=个(?:多|半)?(?:月|人|星期|礼拜|工友))/g, '两', ['雨个']],
  // `只千了几天`, `从3月千到10月`, `不千了`, `白千了` (干): only after 只/不/没/刚/才/白 or a month or day, before 了/到/活/过/完;
  // never in a figure (`三千`, `一千了`), nor `千万别`.
  [/(?<=只|不|没|刚|才|白|[月号])千(?=了|到|活|过|完)/g, '干', ['千']],
  // `工资 没发 老板欠我` (a word at a time): the wages and their not being paid are one phrase, read as `工资没发` is (「工资」
  // was stored as the unit at joining's unit question).
  [/(工资|工钱|薪水)[ \u3000]+(?=(?:都|也|一直|还)?(?:没有?|未|不)(?:发|给|结|到账|拿到))/g, '$1', ['工资', '工钱', '薪水']],
  // `5k+`, `5000+`, `1w+`: a figure and more, as 多 (never `6000+3000`, a sum, nor `+86`).
  [/(?<=\d|\d[kKwW万千百])\+(?=$|[\s元块,，。!！])/gu, '多', ['+']],
];

/** A figure said in digits or Chinese numerals, before a measure word (`三千五`, `3500`, `十几`). */
const FIGURE_BEFORE = '[\\d零〇一二两三四五六七八九十百千万半几kKwW]';

/**
 * Written Cantonese (粤语), as workers in Guangdong type it (`佢哋拖咗我三个月人工`, `我仲喺度做`, `三千五蚊`): read as
 * the Mandarin every reader knows (他们拖了我三个月工资). Only words whose meaning is plain. Characters Mandarin uses
 * too are read so only where the words around them make them Cantonese: 系 (关系, 联系, 系统), 人工 (人工客服; `人工`
 * alone asks for a person here), 仲 (仲裁, 仲恺), 蚊 (蚊子), 点 (一点, 重点). Readers that know a Cantonese word
 * already (点样, 搞成点, 唔好, 啱) keep it. Applied only to Chinese text, before {@link TYPOS}.
 */
const CANTONESE: [RegExp, string, readonly string[]][] = [
  // 咗佢 ending a clause is doing it away (`取消咗佢`, `删咗佢`: cancel it, delete it), never him.
  [/咗佢(?=$|[\s,，。.!！~～])/gu, '掉', ['咗佢']],
  // 佢 is he or she, 哋 makes it plural.
  [/佢哋/gu, '他们', ['佢']],
  [/我哋/gu, '我们', ['哋']],
  [/你哋/gu, '你们', ['哋']],
  [/佢/gu, '他', ['佢']],
  // 老细 is the boss (never 老细胞, 老细节).
  [/老细(?![胞节心致腻菌微])/gu, '老板', ['老细']],
  // 嗰 (which the converter writes 𠮶) is 那; 间 after who it belongs to is the measure word of a workplace (`佢哋间厂叫宏达`:
  // their factory), as 的.
  [/[嗰𠮶]/gu, '那', ['嗰', '𠮶']],
  [/(?<=我们|他们|你们|我哋|佢哋|我|他|佢)间(?=厂|工厂|公司|铺|店|餐厅|酒楼|饭店|茶楼|超市)/gu, '的', ['间']],
  // 咗 is 了 after a verb (`走咗`, `欠咗两个月`); 嘅 is 的.
  [/咗/gu, '了', ['咗']],
  // 喇 ending a clause is 了 (`唔使喇`, `唔做喇`, `搞掂喇`).
  [/(?<=\p{Script=Han})喇+(?=$|[\s,，。.!！~～])/gu, '了', ['喇']],
  [/嘅/gu, '的', ['嘅']],
  // 喺 is 在; 喺度 before a verb is 在 of an action going on (`仲喺度做`: still working there).
  [/喺度(?=做|干|返工|开工|上班|打工)/gu, '在', ['喺度']],
  [/喺度/gu, '在这里', ['喺度']],
  [/喺/gu, '在', ['喺']],
  // 冇 is 没有: 有冇 asks whether (`有冇人跟进`), 冇 ending a clause is 没有, before a word 没 (`冇俾`, `冇问题`, `冇错`).
  [/有冇/gu, '有没有', ['有冇']],
  [/冇(?=$|[\s,，。.!！?？;；啊呀啦喇嘞哦喔])/gu, '没有', ['冇']],
  [/冇/gu, '没', ['冇']],
  // 俾 and 畀 are 给 (`冇俾人工我`); 揾 (搵 reads as 揾) is 找, 睇 is 看, 攞 is 拿, 嚟 is 来.
  // Before who is let do something, 俾 is 让 (`唔俾我走`: 不让我走); before who did something to the person, 被
  // (`俾老细炒咗`: 被老板炒了).
  [/[俾畀](?=(?:我|你|他|他们|人)(?:走|辞职|辞工|离开|离职|放假|休息|返工|上班|讲|说|去|做))/gu, '让', ['俾', '畀']],
  [/[俾畀](?=(?:老板|老板娘|厂里|厂|公司|包工头|工头|他|他们|人)(?:炒|开除|辞退|辞|赶|扣|骂|打|裁))/gu, '被', ['俾', '畀']],
  [/[俾畀]/gu, '给', ['俾', '畀']],
  [/揾/gu, '找', ['揾']],
  [/睇/gu, '看', ['睇']],
  [/攞/gu, '拿', ['攞']],
  [/嚟/gu, '来', ['嚟']],
  // 出粮 is paying wages (`冇出粮`, `几时出粮`).
  [/出粮/gu, '发工资', ['出粮']],
  // 粮 held back is pay too (`拖粮`, `欠咗我两个月粮`); never 粮食, 粮油, 粮票.
  [/(?<=[拖欠扣压](?:了|咗)?(?:我|我们|我哋)?(?:[\d一二两三四五六七八九十几半]+个?半?月)?)粮(?![食油票仓草站])/gu, '工资', ['粮']],
  // 系 is 是 only after 唔 or a word of who or how surely (`唔系`, `我系陈大文`, `佢系老板`, `都系`, `系咪`), and said alone
  // (`系呀`); never 关系, 联系, 系统, nor 我们系主任 (a department).
  [/系唔系|系咪/gu, '是不是', ['系唔系', '系咪']],
  [/唔系/gu, '不是', ['唔系']],
  [/^系(?=[啊呀啦喇嘞嘅的]*[。.!！]*$)/gu, '是', ['系']],
  [/(?<=^|[\s,，。!！]|我|你|他|她|我们|你们|他们|都|就|又|也|即|先|真|唔|不|还)系(?![统列数上着住紧主领里的])/gu, '是', ['系']],
  // 唔 is 不 before a verb (`唔知`, `唔使`, `唔要`, `唔俾`); never 唔 of a pause (`唔，好的`), nor 唔好, 唔啱, which
  // readers know already.
  [/唔知(?!道)/gu, '不知道', ['唔知']],
  [/差唔多/gu, '差不多', ['差唔多']],
  // 早晨 said alone is good morning.
  [/^早晨(?=[啊呀呢哦喔晒嘅]*[。.!！~～]*$)/gu, '早上好', ['早晨']],
  [/唔使|唔驶|唔洗/gu, '不用', ['唔使', '唔驶', '唔洗']],
  [/唔得/gu, '不行', ['唔得']],
  [/唔明(?!白)/gu, '不明白', ['唔明']],
  [/唔(?=到|让|知道|清楚|记得|晓得|明|懂|是|要|想|做|干|给|发|结|肯|会|在|识|理|管|接|同意|愿意|去|回|来|用|走|讲|准|够|见|找|看|拿|出|需要|搞|弄|办|报|入|加|填|约|申请|登记)/gu, '不', ['唔']],
  // 唔该 is thanks (`唔该晒`) or please, before what is asked (`唔该帮我睇下`).
  [/唔该(?:晒|哂|你|您)?(?=$|[\s,，。.!！~～])/gu, '谢谢', ['唔该']],
  [/唔该/gu, '请', ['唔该']],
  // 话 after who says it is 说 (`老细话冇钱`; never 电话, 说话, 话费, 其他话); 边度 asking where is 哪里, 边个 asking who is 谁.
  [/(?<=老板|老细|(?<!其)他们?|她们?|包工头|工头|厂里|公司|经理|老板娘)话(?![费题筒务语剧])/gu, '说', ['话']],
  [/(?<=^|[\s,，。!！?？]|在|系|是|去|到|住|你|我|他)边度(?![假过日])/gu, '哪里', ['边度']],
  [/(?<=^|[\s,，。!！?？]|是|系|你是|找|问)边个/gu, '谁', ['边个']],
  // 乜嘢 and 咩嘢 are 什么, 嘢 alone a thing (做嘢 is work); 点算 is 怎么办; 几多 is 多少; 而家 is 现在.
  [/乜嘢|咩嘢|乜(?=都|事|人|时候|意思)/gu, '什么', ['乜', '咩嘢']],
  // 咩 alone is 什么 after a verb that asks what (`叫咩`, `有咩好处`, `做咩`) or before what is asked about (`咩事`,
  // `咩时候`); never the particle ending a question (`系咩`, `真系咩`), nor a sheep's 咩咩.
  [/(?<=叫|做|有|讲|说|搞|干|为|要|带|交|填|签)咩(?!咩)|(?<!咩)咩(?=事|意思|时候|人|东西|好处|条件|资料|材料|名|单位|公司|工)/gu, '什么', ['咩']],
  [/做嘢/gu, '干活', ['做嘢']],
  [/嘢/gu, '东西', ['嘢']],
  [/(?<![清盘])点算(?!人数|清|数)/gu, '怎么办', ['点算']],
  [/几多/gu, '多少', ['几多']],
  // 几耐 is 多久 (`仲要等几耐`); 点解 starting a clause is 为什么 (never 重点解决, 要点解读).
  [/几耐(?![用心磨热寒久])/gu, '多久', ['几耐']],
  [/(?<=^|[\s,，。!！?？]|你|我|他|但|又|咁)点解(?![决析读释答说剖码锁])/gu, '为什么', ['点解']],
  // 搞成点 asks how it has turned out (`搞成点呀`, `件事搞成点`): 搞得怎么样了.
  [/(?:搞成|搞到|搞得)点(?:样)?(?:了)?/gu, '搞得怎么样了', ['点']],
  // 点样 is 怎么样 (`我嘅申请点样啦`, `件事点样`); never 一点样品. 啦 after it asks how it has gone: 了.
  [/点样(?![品本板])/gu, '怎么样', ['点样']],
  [/(?<=怎么样|咋样|怎样)啦/gu, '了', ['啦']],
  [/(?<![然因从反进幸])(?:而家|依家|宜家)(?![具居私电])/gu, '现在', ['而家', '依家', '宜家']],
  // 仲 is 还 before a verb or 未 (`仲未俾`, `仲喺度做`, `仲要等几耐`); never 仲裁, 仲恺, 仲介, 伯仲.
  [/(?<!伯)仲(?=未|没|不|在|是|要|有|欠|做|干|返工|等|会|可以|拖|唔|喺|冇)/gu, '还', ['仲']],
  // 未 before a verb is 没 (`仲未俾`, `未有人打电话俾我`), as it is in written Mandarin.
  [/未(?=给|发|结|找|走|有(?:人|消息|结果|回复|动静|进展|回音)|打|联系|理|收到|拿到|回)/gu, '没', ['未']],
  // 蚊 after a figure is 元 (`三千五蚊`, `五千几蚊`); never 蚊子, 蚊香.
  [new RegExp(`(?<=${FIGURE_BEFORE})蚊(?![子香虫帐蝇])`, 'gu'), '元', ['蚊']],
  // `个半月` is one and a half months (never 两个半月, 这个半月).
  [/(?<![\d一二两俩三四五六七八九十几这那哪每上下])个半(?=月|礼拜|星期|钟头?)/gu, '一个半', ['个半']],
  // 人工 is pay only with words of pay around it: owed or held back (`拖咗我三个月人工`, `冇俾人工`, `扣我人工`), given
  // to me (`俾人工我`), a time's or a sum's pay (`两个月人工`, `三千蚊人工`), mine (`我嘅人工冇发`). Never 人工 alone, 转人工,
  // 要人工, 人工客服, 人工服务, 人工智能 (asking for a person, or not pay at all).
  [
    /(?:(?<=(?:[欠拖扣压结讨追]|(?:拿|收|领)(?:不|唔)?到|(?:没|不|未)(?:有)?钱?(?:给|发|结|出))(?:了|着|紧)?(?:我|我们|他|他们|你|工人|大家)?(?:[\d一二两俩三四五六七八九十几半]+个?半?(?:月|日|天|礼拜|星期|年|周))?(?:的)?)|(?<=[\d一二两俩三四五六七八九十百千万几半]个?半?(?:[月日天年周]|礼拜|星期|元|块)(?:的)?)|(?<=(?:我|我们|他们|大家)的)|(?<=[\d一二两俩三四五六七八九十几半]个?半?(?:[月日天年周]|礼拜|星期)(?:都|也|还|一直)?没有?))人工(?!客服|服务|智能|台|坐席|座席|接待|回复|处理|审核|介入|干预|通道|帮|跟进|接|转|专员|咨询|对话|聊天|费)/gu,
    '工资',
    ['人工'],
  ],
  [/(?<=给)人工(?=我|我们|他们|工人|大家)/gu, '工资', ['人工']],
  [/人工(?=(?:都|一直|还|又)?(?:没|未|不)(?:有)?(?:发|结|出)(?!消息|信息|通知|回复))/gu, '工资', ['人工']],
  // 得 said alone is yes (`得`, `得啦`, `得嘅`, `得咯`, `得，`, `得啦得啦`): it will do. Never 得了(吧) (enough, or
  // scoffing), 得得得, nor 得 in a sentence (`我得问问`).
  [/^得(?:[啊呀啦喇嘞的咯喔哦噢㗎喎㖞]+得)?[啊呀啦喇嘞的咯喔哦噢㗎喎㖞]*(?=[。.!！,，~～\s]*$)/gu, '行', ['得']],
];

/**
 * Words of the north-east, Sichuan and Chongqing, Henan and Shandong that migrant workers type as they speak them (and
 * voice keyboards write down): `莫得给我`, `啷个申请`, `不整了`, `恁好`, `中不中`; and the fillers and long forms of
 * speech a voice keyboard writes down (`就是说`, `叫做`). Read as the Mandarin every reader knows. Only words whose
 * meaning is plain: 整 only where it is 弄 (`不整了`, `整活`; never 整整四个月, 整个), 中 only in 中不中 (中 alone as yes
 * is the yes/no readers' own), 恁 only as you (`恁好`, `恁问吧`; never 恁大, so big). Applied only to Chinese text,
 * after {@link CANTONESE}, before {@link TYPOS}.
 */
const REGIONAL: [RegExp, string, readonly string[]][] = [
  // 莫得 is 没有 (Sichuan, Chongqing, Guizhou), read as 冇 is: 有莫得 asks whether (`有莫得真人`), 莫得 ending a clause is
  // 没有 (`一分钱都莫得`), before a word 没 (`莫得给`, `莫得合同`, `莫得印象`, `莫得问题`).
  [/有莫得/gu, '有没有', ['莫得']],
  [/莫得(?=$|[\s,，。.!！?？;；啊呀啦喇嘞哦喔了])/gu, '没有', ['莫得']],
  [/莫得/gu, '没', ['莫得']],
  // 一毛 before a not given is 一分钱 (`老板一毛不给`, `一毛钱都没发`): nothing paid, as 一分钱 says it. Never 一毛不拔 (stingy,
  // no pay told) nor a price (`一毛钱一个`).
  [/一毛钱?(?=(?:都|也)?(?:不|没|莫|冇|未)(?:有)?(?:给|发|结|付|拿|领|见|到手))/gu, '一分钱', ['一毛', '一毛钱']],
  // 还差我 before a sum is 还欠我 (`干了一年多 还差我六千`): the sum still owed to the person (`还差两天`, `差不多` are not).
  [/(?<=还|仍|仍然|还是)差(?=(?:我|我们|俺|俺们)(?:的)?(?:\d|[一二三四五六七八九十两几]+(?:多|来)?[千万百块元]))/gu, '欠', ['差']],
  // 啷个 is 怎么 (`啷个申请`, `啷个办`).
  [/啷个/gu, '怎么', ['啷个']],
  // 整 after a no is 弄 (`不整了`, `别整了`); 整活 is 干活 (`在老李那整活`). (咋整 the readers know already.)
  [/(?<=不|别|甭|不想|不要)整(?=了|啦|喽|咯|吧|$|[\s,，。!！])/gu, '弄', ['整']],
  [/整活儿?/gu, '干活', ['整活']],
  // 恁 is 您 (Henan, Shandong) before a greeting or what the person is asked to do; never 恁大, 恁多 (so much).
  [/恁(?=好|们|问|说|看|帮|是|的|那|这|老|家|贵姓)/gu, '您', ['恁']],
  // 中不中 is 行不行 (Henan).
  [/中不中/gu, '行不行', ['中不中']],
  // 嘞 after thanks is 了 (`辛苦嘞`, `麻烦嘞`); 好嘞 stays (a yes of its own).
  [/(?<=辛苦|麻烦|费心|打扰)嘞/gu, '了', ['嘞']],
  // Spoken fillers a voice keyboard writes down: 就是说 opening a clause (`就是说在那个宏运家具厂`), 然后 opening the
  // message, 那个 before a total or a guess (`我们那个一共是十二个`); 打从 is 从 (`打从七月份到现在`).
  [/(?<=^|[\s,，。!！])就是说[\s,，]*(?=\S)/gu, '', ['就是说']],
  [/^然后[\s,，]+(?=\S)/gu, '', ['然后']],
  // `工资没有 拿到`: a not parted from its verb by a space, typed a word at a time, is one word (没有拿到).
  [/(?<=没有?)[ ]+(?=(?:拿|领|收)到|(?:发|给|结)(?:工资|工钱|钱|账|帐)|到手)/gu, '', ['没 ', '没有 ']],
  [/那个(?=一共|总共|大概|差不多|然后)/gu, '', ['那个']],
  // 那个 between a name and the kind of place it names is a pause (`嘉禾那个社区`: 嘉禾社区).
  [/(?<=[\p{Script=Han}]{2})(?<![我你他她们俺咱的住在])那个(?=社区|小区|村(?![里子])|街道)/gu, '', ['那个']],
  [/打从(?=[\d一二两三四五六七八九十去今上前正过年春])/gu, '从', ['打从']],
  // 叫做 naming someone or a unit is 叫, as it is spoken (`我叫做梁家豪`, `公司叫做华盛制衣`): 做 is no part of the name.
  // Only after who or what is named (never 叫做饭, told to cook).
  [/(?<=我|俺|他|她|名字|名|公司|厂|单位|店|老板|老板娘|包工头|工头|项目|工地|它)叫做(?=[\p{Script=Han}A-Za-z])/gu, '叫', ['叫做']],
];

/**
 * Internet wording young workers type on their phones (`木有`, `不造`, `神马`, `肿么办`, `酱紫`, `是滴`): read as the
 * Mandarin every reader knows. Only words whose meaning is plain: 木 only as 没 before a word of having, knowing or
 * paying, 不 before knowing (never 木工, 木材, 红木有限公司), 不造 only ending a clause or before what is not known (never 不造假), 滴 only as
 * the particle ending a clause (never 滴滴, 一滴), 肿么 never after a part of the body (`脚肿么`: swollen?).
 */
const INTERNET_CUE_BEFORE = String.raw`(?<=^|[\s,，。.!！?？~～、]|[我你他她们俺都也还又就说却可但啥人钱方字])`;
const INTERNET: [RegExp, string, readonly string[]][] = [
  [/有木有/gu, '有没有', ['木有']],
  // `名字？李建华`, `电话? 139…`: the question's word echoed with a question mark, then the answer: the word as a label.
  [/^(名字|姓名|电话|手机号?|电话号码?|身份证号?)[?？]+\s*(?=[\p{Script=Han}\d])/u, '$1：', ['?', '？']],
  [/木有(?!限)/gu, '没有', ['木有']],
  [new RegExp(`${INTERNET_CUE_BEFORE}木(?=知道|晓得)`, 'gu'), '不', ['木']],
  [new RegExp(`${INTERNET_CUE_BEFORE}木(?=看到|看见|听说|收到|拿到|给|发|结|算|钱(?!包)|办法|法子|事|印象|问题|得)`, 'gu'), '没', ['木']],
  [/不造(?=$|[\s,，。.!！?？~～啊呀哎诶啦了哦呢吧嘛叫啥是哪咋怎他她])/gu, '不知道', ['不造']],
  [/神马/gu, '什么', ['神马']],
  [/(?<![脚手腿脸眼肚腰背头指])肿么/gu, '怎么', ['肿么']],
  [/酱紫/gu, '这样子', ['酱紫']],
  // 滴 ending a clause is 的 (`是滴`, `好滴`, `开货车滴`, `修电动车滴`); 我滴 is 我的.
  [/(?<=\p{Script=Han})(?<![滴一水点几])滴(?!滴)(?=$|[\s,，。.!！?？~～啊呀哈哦])/gu, '的', ['滴']],
  [/(?<=[我你他她俺])滴(?=\p{Script=Han})(?!滴)/gu, '的', ['滴']],
];

/**
 * A letter that an English word or pinyin initials below may match: every pattern of {@link englishPayWords} matches
 * letters (case-insensitively: ſ and the Kelvin sign K fold to s and k under the `iu` flags).
 */
const LATIN_LETTER = /[A-Za-z\u017F\u212A]/;

/**
 * English pay words in a Chinese sentence (`老板不给salary`, `欠我wages`, `boss不给pay`): 工资. Only with
 * Chinese in the message, only whole words; `pay` only right after 给, 发 or 欠 (never `alipay`, `wechat pay`).
 */
function englishPayWords(s: string): string {
  if (!HAN.test(s) || !LATIN_LETTER.test(s)) return s;
  return s
    .replace(/(?<![a-z])(?:salary|salaries|wages?)(?![a-z])/giu, '工资')
    .replace(/(?<=[给发欠])\s*pay(?![a-z])/giu, '工资')
    // Pinyin initials young people type (`站点拖我gz`, `lb欠我gz`, `gz没发`): 工资 and 老板, only beside the words
    // that make them so (never `在gz打工`, Guangzhou; never `5lb`, pounds).
    .replace(/(?<=(?:[欠拖扣压结发给要讨拿]|不给|没给|不发|没发)(?:了|着)?(?:我|俺|我们|俺们|他|她)?(?:的)?\s?)gz(?![a-z])/giu, '工资')
    .replace(/(?<![a-z])gz(?=\s?(?:没|不|拖|欠|被|还|一直|都|也|少|扣))/giu, '工资')
    .replace(/(?<![a-z\d])lb(?=\s?(?:欠|拖|扣|不|没|跑|说|姓|叫|是|让|把|给|压|又|还|一直|也))/giu, '老板')
    .replace(/(?<=(?:我|俺|我们|俺们|找|问|跟|和|的)\s?)lb(?![a-z])/giu, '老板');
}

/**
 * Traditional characters the converter reads as another simplified one although they are simplified characters
 * in their own right, found in names (乾 is not 干, 於 is a surname as well as 于, 徵 is not 征, 著 is not 着).
 */
const NAME_AS_TYPED = /[乾於徵著]/u;

/** Characters simplified writing has too (names: 乾, 於, 徵), which the converter would change all the same. */
const SIMPLIFIED_TOO = /[乾於徵]/u;

/** Whether every character the converter changed is one simplified writing has too: the message was typed in simplified. */
function onlySimplifiedToo(typed: string, read: string): boolean {
  const [a, b] = [[...typed], [...read]];
  return a.length === b.length && a.every((c, i) => c === b[i] || SIMPLIFIED_TOO.test(c));
}

/** This turn's messages typed with traditional characters, by what they read as. */
const typedTraditional = notedForTurn<string>();

/**
 * A part of this turn's message (a name read from it), with the characters of {@link NAME_AS_TYPED} as typed (`张乾`
 * typed in simplified reads as 张干 too), and whether it now differs from what was typed (traditional characters
 * read as simplified: `張偉`). `read` is the message, or a clause of it, as read.
 */
export function partAsTyped(read: string, part: string): { text: string; converted: boolean } {
  const bare = (x: string) => [...x.replace(/\s+/gu, '')];
  // The message itself, or the one this turn it is a part of (a clause of it); spaces left out of all three.
  const said = bare(read).join('');
  const whole = typedTraditional.entries().find(([r]) => bare(r).join('').includes(said));
  const name = bare(part);
  // The part as the message reads it (a part already given back as typed reads as converted there).
  const asRead = [name.join(''), bare(fromTaiwan(part)).join('')].find((x) => x !== '' && said.includes(x));
  if (!whole || asRead === undefined) return { text: part, converted: false };
  const [w, typed] = [bare(whole[0]), bare(whole[1])];
  if (w.length !== typed.length) return { text: part, converted: false };
  const from = w.join('').indexOf(said) >= 0 ? [...w.join('').slice(0, w.join('').indexOf(said))].length + [...said.slice(0, said.indexOf(asRead))].length : -1;
  if (from < 0) return { text: part, converted: false };
  const was = typed.slice(from, from + name.length);
  const text = name.map((c, i) => (NAME_AS_TYPED.test(was[i] ?? '') ? was[i]! : c)).join('');
  return { text, converted: text !== was.join('') };
}

/**
 * Whether the text holds one of these words: the third part of each {@link CANTONESE} and {@link TYPOS} entry is
 * words one of which every match of its pattern holds (a pattern is run only on a text that has one: a lookup of a
 * word costs far less than running a pattern that finds nothing).
 */
function holdsAny(s: string, words: readonly string[]): boolean {
  for (const w of words) if (s.includes(w)) return true;
  return false;
}

/**
 * Only the reply of a WeChat quoted reply is the person's message (core/infra/text.ts splitQuote): the quote (a
 * question of ours with its options and examples, or their own earlier words) is never read
 * (nothing typed under a quote: empty). Other text passes unchanged.
 */
export function quotedReply(text: string): string {
  const { said, quoted } = splitQuote(text);
  return quoted === null && QUOTE_ALONE.test(text) ? '' : said;
}
/** A quote with nothing typed under it (splitQuote leaves it whole): no words of the person's at all. */
const QUOTE_ALONE = /^「[\s\S]*」\r?\n(?:- ?){10,}\s*$/u;

/** What WeChat writes in text for a message that is not text, by what the chat says of it (flows/texts.ts `unreadable`). */
export type WechatPlaceholder = 'picture' | 'voice' | 'video' | 'call' | 'money' | 'link' | 'location' | 'chat-record' | 'mini-program' | 'card' | 'other';

const PLACEHOLDER_KINDS: Record<string, WechatPlaceholder> = {
  图片: 'picture',
  照片: 'picture',
  语音: 'voice',
  视频: 'video',
  视频通话: 'call',
  语音通话: 'call',
  转账: 'money',
  红包: 'money',
  链接: 'link',
  位置: 'location',
  定位: 'location',
  聊天记录: 'chat-record',
  小程序: 'mini-program',
  名片: 'card',
  文件: 'other',
};

/**
 * WeChat's placeholders, with what belongs to them: a call's outcome (`[视频通话] 通话时长 00:12`), a transfer's sum,
 * and the rest of the line after a link, a file, a red packet, a mini-program or a chat record (a forwarded article's
 * title, a file's name, 恭喜发财: never the person's own words). A location keeps what follows (a place they typed).
 */
const PLACEHOLDER =
  /\[(?:(视频通话|语音通话)\](?:\s*(?:通话时长\s*\d{1,2}(?::\d{2}){1,2}|已取消|对方已取消|已拒绝|对方已拒绝|未接听|对方无应答|通话中断|连接失败))?|(转账)\](?:\s*[¥]?\s*\d+(?:\.\d+)?\s*元?)?|(链接|文件|红包|小程序|聊天记录)\][^\n]*|(图片|照片|语音|视频|位置|定位|名片)\])/gu;

/**
 * A message of nothing but WeChat placeholders (`[图片]`, `[语音]`, `[视频通话] 通话时长 00:12`, `[链接]<title>`):
 * what the first one stands for; null when the person wrote words too (read without the placeholders).
 */
export function placeholderOnly(text: string): WechatPlaceholder | null {
  const t = normalizeText(text);
  if (!t.includes('[')) return null;
  let first: WechatPlaceholder | null = null;
  const rest = t.replace(PLACEHOLDER, (_m, call?: string, money?: string, titled?: string, bare?: string) => {
    first ??= PLACEHOLDER_KINDS[call ?? money ?? titled ?? bare ?? ''] ?? 'other';
    return ' ';
  });
  return first !== null && rest.replace(WECHAT_EMOJI, ' ').replace(EMOJI_RUN, ' ').trim() === '' ? first : null;
}

export const normalizeMessage = readOnce((text: string): string => {
  let s = normalizeText(quotedReply(text));
  if (s.trim() === '') return '';
  // WeChat's placeholders for what is not text (`东龙[定位]`, `[图片]\n拍了身份证`): the words count. Placeholders alone
  // are no words at all (the chat says what it cannot see: flows/service.ts).
  if (s.includes('[')) {
    const without = s.replace(PLACEHOLDER, ' ');
    if (without !== s && without.replace(WECHAT_EMOJI, ' ').replace(EMOJI_RUN, ' ').trim() === '') return '';
    s = without;
  }
  // Words with emoji (WeChat's bracketed ones or Unicode): the words count. Emoji alone stay, and are read as an emoji.
  const words = s
    .replace(WECHAT_EMOJI, ' ')
    .replace(EMOJI_RUN, ' ')
    .trim();
  if (words !== '') s = words;
  // Simplified text passes unchanged; 么 is kept (the converter reads it as 幺).
  const typed = s;
  if (MAYBE_TRADITIONAL.test(s)) {
    const read = fromTaiwan(s.replace(/么/g, '\uE000')).replace(/\uE000/g, '么');
    // Typed in simplified (`王乾`, `于小梅`): nothing to convert but characters simplified writing has too.
    s = onlySimplifiedToo(s, read) ? s : read;
  }
  const converted = s !== typed;
  if (HAN.test(s)) for (const [cantonese, mandarin, needs] of CANTONESE) if (holdsAny(s, needs)) s = s.replace(cantonese, mandarin);
  if (HAN.test(s)) for (const [regional, mandarin, needs] of REGIONAL) if (holdsAny(s, needs)) s = s.replace(regional, mandarin);
  if (HAN.test(s)) for (const [slang, mandarin, needs] of INTERNET) if (holdsAny(s, needs)) s = s.replace(slang, mandarin);
  for (const [wrong, right, needs] of TYPOS) if (holdsAny(s, needs)) s = s.replace(wrong, right);
  s = englishPayWords(s);
  let read = nameSpokenSlowly(oneCharAtATime(withoutHesitation(s.replace(/\s+/g, ' ').trim())));
  // Typed a character at a time (`不 哓 得`, `丁 资`): the look-alikes read in the words as joined too (「不哓得」 was
  // stored as the project's name).
  if (read.length < s.length) for (const [wrong, right, needs] of TYPOS) if (holdsAny(read, needs)) read = read.replace(wrong, right);
  // Only where nothing but the characters changed, so the two line up character for character.
  if (converted) {
    const plain = nameSpokenSlowly(oneCharAtATime(withoutHesitation(typed.replace(/\s+/g, ' ').trim())));
    if ([...plain].length === [...read].length) typedTraditional.set(read, plain);
  }
  return read;
});

/** A sound of hesitation said alone between pauses (`呃`): voice input writes it as a word of its own. */
const HESITATION = /^呃+$/u;

/**
 * What speaking into WeChat's voice input writes between the words meant, parted by pauses (spaces or commas): a
 * sound of hesitation standing alone (`呃 就在白沙镇沙湾村村口`, `一共是 呃 四万八`), dropped with the pause after it.
 * (Not 嗯, which may be a nod, a yes; nor 额, 唔, which may be 我 and 不 in dialect. Words said again and 那个 are left
 * to the question's reader, which confirms an answer said so.) Nothing is dropped from a message that is only that.
 */
function withoutHesitation(s: string): string {
  if (!s.includes('呃') || !/[ ,、]/u.test(s)) return s;
  const parts = s.split(/([ ,、]+)/u);
  const words: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    words.push(parts[i] ?? '');
    seps.push(parts[i + 1] ?? '');
  }
  if (!words.some((w) => w !== '' && !HESITATION.test(w))) return s;
  return words
    .map((w, i) => (HESITATION.test(w) ? '' : w + (seps[i] ?? '')))
    .join('')
    .replace(/\s+$/u, '');
}

/**
 * A sentence typed one character at a time (`我 是 做 保 姆 的 雇 主 不 给 工 资`, as some older people and
 * some voice keyboards write): the characters joined. Only a run of four or more single Chinese characters is
 * joined (a name `王 芳` and words parted by spaces stay as they are).
 */
function oneCharAtATime(s: string): string {
  // A run of spaced characters needs a space.
  if (!s.includes(' ')) return s;
  return wordAtATime(s) ?? s.replace(SPACED_HAN_RUN, (run) => run.replace(/ /g, ''));
}

/** A word of a message typed a word at a time: one to three Chinese characters (a month's figure may lead it). */
const SPACED_WORD = /^(?:\d{1,2})?\p{Script=Han}{1,3}$/u;
/** A word of one Chinese character. */
const ONE_HAN = /^\p{Script=Han}$/u;

/**
 * A whole message typed a word or a character at a time, as learners of Chinese and people who write little do
 * (`入会 要 钱 吗`, `我 腿 残疾 能 入 吗`, `我爸叫 王 大 军`, `检察官 有用 吗`): the words joined, as Chinese is written.
 * Only when every piece is a short word (one to three characters), there are three pieces or more and at least half
 * stand as single characters, or the last is a question's 吗 (so a list of names or places, `张三 李四 王五`, and
 * clauses a space parts in an ordinary message, `不是东龙镇的 是隔壁白沙`, `10月工资五千 一直没发`, stay as they are).
 */
function wordAtATime(s: string): string | null {
  const m = /^(.*?)([?？!！。.]*)$/u.exec(s);
  const pieces = (m?.[1] ?? s).split(' ');
  if (pieces.length < 3 || !pieces.every((p) => SPACED_WORD.test(p))) return null;
  // Mostly single characters, or a question parted word by word (`检察官 有用 吗`); never clauses after a sound of
  // assent (`嗯 可以 你问吧`).
  // A word said again as a restart (`王 王 王建国`, `我 我 我要入会`): never run together (「王王王建国」).
  if (pieces.some((p, i) => i > 0 && p.startsWith(pieces[i - 1]!))) return null;
  const singles = pieces.filter((p) => ONE_HAN.test(p)).length;
  if (/^[嗯恩哦噢额呃唔]+$/u.test(pieces[0]!) || !(singles * 2 >= pieces.length || /^[吗嘛么呢]$/u.test(pieces.at(-1)!))) return null;
  return pieces.join('') + (m?.[2] ?? '');
}

/** After a surname parted off: a given name of one or two characters, in one or two pieces, the piece ending the clause. */
const GIVEN_AFTER = String.raw`[,、]\s?(\p{Script=Han}{1,2})(?:[,、]\s?(\p{Script=Han}))?(?=$|[,、\s.。!！?？])`;
/** A surname standing alone between commas (or after 叫, 是), then its given name (compound surnames first). */
const SPLIT_NAMES = [
  new RegExp(String.raw`(?<=^|[,、\s]|叫|是)(${COMPOUND_SURNAMES.join('|')})${GIVEN_AFTER}`, 'gu'),
  new RegExp(String.raw`(?<=^|[,、\s]|叫|是)(\p{Script=Han})${GIVEN_AFTER}`, 'gu'),
];
/** Characters no given name said after a surname is made of here: words of a sentence, numbers, money, time, titles. */
const NOT_GIVEN_NAME = /[我你他她俺咱们的了吧啊呀呢吗嘛哦是在有不没也都就还这那哪个一二三四五六七八九十两几多块元钱月年天号欠工活干给发说要找去来做叫姓老板总先生女士师傅哥姐弟妹叔姨]/u;

/**
 * A name spoken slowly into a voice keyboard comes out parted by commas (`老板叫，张，建军，`, `俺叫，李，铁柱`,
 * `王，大，牛`): read as the one name (it read 「建军」, the surname lost). Only a known surname standing alone, and a
 * given name of at most two characters none of which is a word of a sentence (`是,王,欠钱`, `和,我` stay parted).
 */
function nameSpokenSlowly(s: string): string {
  if (!/[,、]/u.test(s)) return s;
  return SPLIT_NAMES.reduce(
    (t, re) =>
      t.replace(re, (all, surname: string, a: string, b: string | undefined) => {
        const given = a + (b ?? '');
        if (knownSurname(surname + given) !== surname || given.length > 2 || NOT_GIVEN_NAME.test(given)) return all;
        return surname + given;
      }),
    s,
  );
}

/**
 * The message without spaces and sentence punctuation, for matching words. A range of counts (`3-4个月`, `5~6个人`)
 * keeps its two ends apart (`3到4个月`), never run together into 34.
 */
export const compact = readOnce((text: string): string =>
  text.replace(/(\d{1,2})\s*[-~～—–]+\s*(\d{1,2})(?=\s*(?:个|多个))/gu, '$1到$2').replace(/[\s,.!?;:、，。！？；：…~～"'“”‘’「」『』【】()（）\-—]+/g, ''),
);

// --- pinyin typed without a Chinese keyboard ---------------------------------------------------

/**
 * The words a message typed in pinyin (`wo yao tao xin`, `laoban qian wo
 * gongzi`) is read with: the services' key words and the few words around
 * them. A word with its own reading (`了` is le here, not liao) gives it;
 * the rest are read by pinyin-pro. `钱` and `欠` are both qian, so neither
 * stands alone: only in words that tell which (`欠我`, `给钱`).
 */
const PINYIN_WORDS: readonly (string | readonly [string, string])[] = [
  // The services and commands.
  '工资', '工钱', '欠薪', '讨薪', '拖欠', '欠我', '欠我们', '欠俺', '欠了', '欠钱', '给钱', '发钱', '讨钱', '要钱',
  '入会', '工会', '加入', '参加', '会员', '进度', '查', '查询', '法律援助', '法律', '援助', '法援', '律师', '反映', '人工', '菜单',
  // The words around them.
  '我', '我们', '俺', '要', '想', '想要', '帮', '帮我', '给我', '一下', ['的', 'de'], ['了', 'le'], '请', '申请', '预约', '找',
  '没', '没有', '不', '给', '发', ['还', 'hai'], '一直', '老板', '包工头', '工头', '怎么办', '看', '吗',
  // A greeting typed in pinyin shows the menu.
  '你好', '您好', '在吗',
  // Commands and a question passed over (`fan hui`, `hui zhu cai dan`, `tiao guo`, `bu zhi dao`, `bu xiang bao le`).
  '返回', '主菜单', '回主菜单', '跳过', '不知道', '不晓得', '不清楚', '不想报了', '不报了', '入工会',
  // Work said in pinyin where the kind of work is asked (`pao waimai`): whole words only (`pao` alone is too many characters).
  '跑外卖', '送外卖',
];

interface PinyinWord {
  zh: string;
  /** Its syllables, toneless, ü as v. */
  syllables: string[];
}

let pinyinWords: PinyinWord[] | null = null;

function pinyinLexicon(): PinyinWord[] {
  if (pinyinWords) return pinyinWords;
  const out: PinyinWord[] = [];
  for (const entry of PINYIN_WORDS) {
    const [zh, given] = typeof entry === 'string' ? [entry, null] : entry;
    const syllables = given ? given.split(' ') : pinyin(zh, { toneType: 'none', type: 'array', v: true });
    out.push({ zh, syllables });
    // ü is typed v or u (`lv shi`, `lu shi`).
    if (syllables.some((x) => x.includes('v'))) out.push({ zh, syllables: syllables.map((x) => x.replace(/v/g, 'u')) });
  }
  pinyinWords = out;
  return out;
}

/**
 * A message typed in pinyin without tones (only Latin letters and spaces),
 * read as Chinese when every letter of it is one of our words
 * (`wo yao ru hui` → 我要入会, `cha jin du` → 查进度); null otherwise. A space
 * typed must fall between syllables. Where several readings cover it, the
 * one with the fewest words. What it reads is for telling what is wanted,
 * never a value: the caller says what it understood.
 */
export function fromPinyin(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/ü/g, 'v');
  if (!/^[a-z' ]+$/.test(t)) return null;
  const tokens = t.split(/[\s']+/).filter((x) => x !== '');
  const joined = tokens.join('');
  if (joined.length < 4) return null;
  const breaks = new Set<number>();
  let at = 0;
  for (const tok of tokens.slice(0, -1)) breaks.add((at += tok.length));
  const best: ({ words: number; zh: string } | null)[] = new Array(joined.length + 1).fill(null);
  best[0] = { words: 0, zh: '' };
  for (let i = 0; i < joined.length; i++) {
    const here = best[i];
    if (!here) continue;
    for (const w of pinyinLexicon()) {
      const spelled = w.syllables.join('');
      if (!joined.startsWith(spelled, i)) continue;
      // A space typed inside the word must fall between two of its syllables.
      const inside = new Set<number>();
      let p = i;
      for (const x of w.syllables.slice(0, -1)) inside.add((p += x.length));
      let fits = true;
      for (let k = i + 1; k < i + spelled.length; k++) if (breaks.has(k) && !inside.has(k)) fits = false;
      if (!fits) continue;
      const end = i + spelled.length;
      const prev = best[end];
      if (!prev || here.words + 1 < prev.words) best[end] = { words: here.words + 1, zh: here.zh + w.zh };
    }
  }
  return best[joined.length]?.zh ?? null;
}

/**
 * The longest message read as pinyin: an answer or a request typed so is a few words. Longer letters are no reading's
 * (every pinyin reader tries the words of the places, options and commands against them: 20,000 letters, the most the
 * chat takes, cost a second of CPU at one question).
 */
const PINYIN_MAX = 80;

/** Letters and spaces only, with a vowel, and short: what a message typed in pinyin without a Chinese keyboard looks like. */
export function typedInPinyin(text: string): boolean {
  if (text.length > PINYIN_MAX * 2) return false;
  const t = text.trim().toLowerCase();
  if (t.length > PINYIN_MAX) return false;
  return /^[a-zü' ]+$/.test(t) && /[aeiouvü]/.test(t);
}

/** The syllables a sum or a month typed in pinyin is made of, and the characters they stand for (longest first). */
const FIGURE_SYLLABLES: readonly [string, string][] = [
  ['liang', '两'], ['ling', '零'], ['qian', '千'], ['kuai', '块'], ['yuan', '元'], ['nian', '年'], ['jiu', '九'], ['shi', '十'],
  ['bai', '百'], ['wan', '万'], ['san', '三'], ['liu', '六'], ['yue', '月'], ['jin', '今'], ['er', '二'], ['si', '四'],
  ['xian', '现'], ['zai', '在'], ['dao', '到'], ['hao', '号'], ['wu', '五'], ['qi', '七'], ['ba', '八'], ['yi', '一'], ['qu', '去'],
  ['ri', '日'],
];
const FIGURE_SYLLABLE = new RegExp(FIGURE_SYLLABLES.map(([py]) => py).join('|'), 'gy');
const NUMERAL = /[\d零一二两三四五六七八九十]/u;

/**
 * A sum or a month typed in pinyin, with digits or not (`liang wan`, `liangwan`, `san qian wu`, `qu nian 10 yue`,
 * `jin nian san yue`, `qu nian shi yue dao xian zai`): the Chinese it spells (两万, 去年10月), for the question that asks
 * one (`figure`: a sum, `month`: a month). Only numerals with a unit of money (never `wan` alone, never a 月 or 年 in
 * it), or a number right before 月 (never `yue` alone), the year said only as 去年 or 今年, 到现在 only after the month;
 * `day`: a month and its day (`11 yue 3 hao`: 11月3号);
 * any other syllable, or any other letter: null.
 */
export function pinyinFigureOf(text: string, kind: 'figure' | 'month' | 'day'): string | null {
  const t = text.trim().toLowerCase();
  if (t.length > 40 || !/^[a-z\d ]+$/u.test(t) || !/[a-z]/u.test(t)) return null;
  const pieces = t.split(/\s+|(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/u).filter(Boolean);
  let zh = '';
  for (const piece of pieces) {
    if (/^\d+$/u.test(piece)) {
      zh += piece;
      continue;
    }
    FIGURE_SYLLABLE.lastIndex = 0;
    let at = 0;
    for (let m = FIGURE_SYLLABLE.exec(piece); m; m = FIGURE_SYLLABLE.exec(piece)) {
      zh += FIGURE_SYLLABLES.find(([py]) => py === m![0])![1];
      at = FIGURE_SYLLABLE.lastIndex;
    }
    if (at !== piece.length) return null;
  }
  if (kind === 'figure') {
    return NUMERAL.test(zh) && /[万千百块元]/u.test(zh) && !/[月年今去]/u.test(zh) && /^[\d零一二两三四五六七八九十百千万]+(?:块|元)?$/u.test(zh) ? zh : null;
  }
  // `11 yue 3 hao`, `qu nian shi er yue yi hao` (legal aid's days): a month and its day, nothing after.
  if (kind === 'day') return /^(?:(?:去|今)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:号|日)$/u.test(zh) ? zh : null;
  return /^(?:(?:去|今)年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:到现在)?$/u.test(zh) ? zh : null;
}

/** The toneless syllables of Chinese words as pinyin-pro reads them in context, ü as v (`还在干` → hai zai gan). */
export function syllablesOf(zh: string): string[] {
  return pinyin(zh, { toneType: 'none', type: 'array', v: true });
}

/**
 * Whether a message typed in pinyin spells exactly these syllables: every
 * letter of it, a space typed only between two syllables (`bu dui`, `budui`,
 * never `bud ui`), ü typed v or u. Nothing else is allowed in it.
 */
export function spellsPinyin(text: string, syllables: readonly string[]): boolean {
  if (!typedInPinyin(text) || syllables.length === 0) return false;
  const fold = (x: string) => x.replace(/[üv]/g, 'u');
  const tokens = fold(text.trim().toLowerCase()).split(/[\s']+/).filter((x) => x !== '');
  const sylls = syllables.map(fold);
  if (tokens.join('') !== sylls.join('')) return false;
  const between = new Set<number>();
  let at = 0;
  for (const x of sylls.slice(0, -1)) between.add((at += x.length));
  at = 0;
  for (const tok of tokens.slice(0, -1)) if (!between.has((at += tok.length))) return false;
  return true;
}

/** Words voice input writes between a word and its restart (`滨江一号 对 滨江一号`, `张 嗯 张建军`). */
const BETWEEN_RESTART = /^(?:[嗯呃额啊]+|那个|这个|就是|对|对对)$/u;

/**
 * Words said again as a restart in a spoken answer (`黄 黄 黄志强`, `网店客服 网店客服`, `叫那个 青溪花园 青溪花园三期`,
 * `滨江一号 对 滨江一号`): a word, then after a pause (and only fillers) the same word again or said longer. Returns
 * the answer with the words said before their restart dropped, and what those ran into when written without the pauses
 * (`黄黄志强`, `网店客服网店客服`), which a reader keeping the whole answer would keep; null when nothing is said again.
 */
export function saidAgain(text: string): { said: string; runs: string[] } | null {
  const words = text.trim().split(/[\s,、，]+/u).filter(Boolean);
  if (words.length < 2) return null;
  const drop = new Set<number>();
  const runs: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i]!;
    if (BETWEEN_RESTART.test(w) || !/\p{Script=Han}|\p{L}/u.test(w)) continue;
    let j = i + 1;
    while (j < words.length && BETWEEN_RESTART.test(words[j]!)) j += 1;
    if (j >= words.length || !words[j]!.startsWith(w)) continue;
    for (let k = i; k < j; k += 1) drop.add(k);
    runs.push(words.slice(i, j + 1).join(''));
  }
  if (runs.length === 0) return null;
  return { said: words.filter((_, k) => !drop.has(k)).join(' '), runs };
}
