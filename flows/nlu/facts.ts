/**
 * Facts found inside a sentence that every flow may use: a mobile number, an
 * ID number, the person's name, an employer, whether they still work there
 * and since when they left. Each finder is precision-first: it needs a cue
 * in the words (`我叫`, `老板叫`, `在…上班`, a company suffix) and then runs
 * the same parser a direct answer gets. Tables are in test/flows/nlu/.
 */
import { MOBILE_MESSAGES, NAME_MESSAGES, parseIdNumber, parseMobile, parseMonthDetailed, parseOrgName, parsePersonName, type IdNumber } from '../parsers/index.js';
import { parsePastDay } from '../parsers/day.js';
import { mobileSpans } from '../parsers/mobile.js';
import { normalizeText } from '../parsers/normalize.js';
import { readOnce } from '../parsers/turn-memo.js';
import { chinaDay as chinaToday } from '../../core/infra/time.js';
import { saidLast, type SaidPick } from '../parsers/said-last.js';
import { commonSurname, knownSurname } from './surnames.js';
import { SAID_WHEN } from '../parsers/when-said.js';
import { plainYesNo, yesNo } from './talk.js';
import { partAsTyped } from './normalize.js';

/** Built once: a `\p{…}` pattern outside a character class inside a function is rebuilt on every call under tsx (see nlu/normalize.ts). */
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|[\u200d\ufe0f])+/gu;

/** 令 and 灵 are 零 heard wrong by voice input (`一三七令令令令…`): read only in a run of digits, and proposed for a yes. */
const CHINESE_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 令: '0', 灵: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** A digit said in words (the keys of CHINESE_DIGIT). */
const DIGIT_IN_WORDS = /[零〇洞令灵幺一二两三四五六七八九]/u;

/** The character codes of the digits said in words (all one UTF-16 unit, none below 〇, U+3007). */
const DIGIT_IN_WORDS_CODES = new Set(Object.keys(CHINESE_DIGIT).map((c) => c.charCodeAt(0)));

/**
 * Whether `text` has fewer than 11 characters that are, or {@link spokenDigits} reads as, Arabic digits: then it holds
 * no mobile number (11 digits), whatever is read (spokenDigits turns one character into one digit).
 */
function tooFewDigitsForMobile(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0x3007 && DIGIT_IN_WORDS_CODES.has(c))) {
      if (++n >= 11) return false;
    }
  }
  return true;
}

/** A number read out digit by digit (`一三八 一二三四 五六七八`, `幺三八…`) in Arabic digits; other text unchanged. */
export function spokenDigits(text: string): string {
  // No digit said in words: both readings below leave the text as it is (each needs one of these).
  if (!DIGIT_IN_WORDS.test(text)) return text;
  const s = text.replace(/[\s-]/g, '');
  const digits = (run: string) => [...run.replace(/[\s-]/g, '')].map((c) => CHINESE_DIGIT[c] ?? c).join('');
  // Arabic digits alone stay as typed: `13800138000 13900001111` is two numbers, not one run.
  if (s.length >= 7 && [...s].every((c) => c in CHINESE_DIGIT || /\d/.test(c)) && /[零〇洞令灵幺一二两三四五六七八九]/u.test(s)) return digits(s);
  // Inside a sentence (`电话是幺三八零七七一二二三三`): only a run as long as a mobile number, which no other words are.
  return text.replace(/[零〇洞令灵幺一二两三四五六七八九\d][零〇洞令灵幺一二两三四五六七八九\d\s-]{9,}[零〇洞令灵幺一二两三四五六七八九\d]/gu, (run) => {
    const d = digits(run);
    return d.length === 11 && /[零〇洞令灵幺一二两三四五六七八九]/u.test(run) ? d : run;
  });
}

/** A mainland mobile number anywhere (spaces and dashes inside, +86 before), not part of a longer number. */
export function findPhone(text: string): string | null {
  const pick = ownPhones(text);
  return pick.kind === 'one' ? pick.value : null;
}

/**
 * The person's own mobile numbers in a message: someone else's are left out,
 * and of two typed with a correction (`138… 不对 139…`) the one corrected to.
 * Two with nothing to choose between them are `several`.
 */
function ownPhones(text: string): SaidPick<string> {
  // A mobile number is 11 Arabic digits (mobileSpans): with fewer, none is found.
  if (tooFewDigitsForMobile(text)) return { kind: 'none' };
  const s = spokenDigits(text);
  const own = mobileSpans(s).filter((m) => {
    // `老板电话13912345678`: someone else's number is never the person's own.
    const before = s.slice(Math.max(0, m.index - 20), m.index);
    return !(OTHERS_PHONE_BEFORE.test(before) || OTHER_NAMED_BEFORE.test(before) || saidOfSomeoneElse(s.slice(0, m.index)) || namedJustBefore(s.slice(0, m.index)));
  });
  // `我的号码是135…，打不通的话打我儿子的186…`: a relative's number given besides the person's own is a spare, never the
  // one kept (alone, `电话写我女儿的吧 139…`, it is the contact number the person gives).
  const spare = own.filter((m) => RELATIVES_NUMBER_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index)));
  return saidLast(s, spare.length > 0 && spare.length < own.length ? own.filter((m) => !spare.includes(m)) : own);
}

/** A relative's number offered as the contact (`打我儿子电话吧`, `留我女儿的手机`, `用我老婆的`). */
const RELATIVES_PHONE_OFFERED = new RegExp(`^(?:就)?(?:打|留|用|写|填|找|联系)(?:我|俺)${'(?:爸爸|爸|父亲|妈妈|妈|母亲|老公|丈夫|爱人|媳妇|老婆|妻子|儿子|女儿|闺女|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹)'}(?:的)?(?:电话|手机|手机号|号码|电话号码)?(?:吧|啊|呀|也行|就行)?$`, 'u');
/** Right before a number: a relative's (`打我儿子的`, `我老婆的手机`). */
const RELATIVES_NUMBER_BEFORE = new RegExp(`(?:我|俺)${'(?:爸爸|爸|父亲|妈妈|妈|母亲|老公|丈夫|爱人|媳妇|老婆|妻子|儿子|女儿|闺女|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹|老乡|朋友|亲戚)'}(?:的)?(?:电话|手机|手机号|号码|电话号码)?(?:是|:|：)?\\s*$`, 'u');

/**
 * `只知道都叫他老覃 电话180…`, `他叫李强 手机159…`: a number in the clause right after one naming someone else (叫他…,
 * 他叫…, 老板姓…), the number's clause only saying it is a phone: theirs, never the person's own.
 */
function namedJustBefore(before: string): boolean {
  const clauses = before.split(/[,，。;；!！?？\s]+/u);
  const own = clauses.pop() ?? '';
  if (!/^(?:电话|手机|手机号|号码|电话号码|联系方式)?(?:号码|号)?(?:是|:|：)?$/u.test(own)) return false;
  const said = clauses.filter(Boolean);
  const prev = said.at(-1) ?? '';
  // `打我儿子电话吧 他叫韦东 189…`: the 他 named is the relative whose number was offered first: the contact number given.
  if (/^(?:他|她)(?:叫|是)/u.test(prev) && said.slice(0, -1).some((c) => RELATIVES_PHONE_OFFERED.test(c))) return false;
  return /(?:叫|喊|称呼?)(?:他|她)|(?:他|她|老板|老板娘|包工头|工头|老总|经理|雇主|东家)(?:的)?(?:名字|全名)?(?:叫|是|姓)[\p{Script=Han}]/u.test(prev) && !OWN_MARK.test(prev);
}

/** A clause about a third person (`他没告诉我名字`, `她不接电话`), as the subject. (`他们` is mostly the unit: `他们公司欠我…`.) */
const THIRD_PERSON_CLAUSE = /^(?:因为|可是|但是|就是|反正|而且|然后)?(?:他|她)(?!们)/u;
/** A boss or employer said to be the one who did not give a name (`老板没告诉我名字`, `包工头不肯说他叫啥`). */
const BOSS_IDENTITY_CLAUSE = /^(?:那个)?(?:老板|老板娘|包工头|工头|老总|经理|主管|班长|队长|厂长|雇主|东家)[^,，。;；!！?？]{0,10}(?:名字|姓名|叫啥|叫什么|姓什么|姓啥|不告诉|没告诉|不肯说|没说)/u;
/** Words that make a number the person's own after all (`我电话`, `我的是`, `打我这个`). */
const OWN_MARK = /我的|俺的|我(?:电话|手机|号码)|本人|自己的|联系我|打我|找我|我是|我叫/u;

/**
 * A number typed after a clause about someone else, with nothing saying it is
 * the person's (`他没告诉我名字 电话是135…`, `老板没告诉我名字 手机135…`):
 * whose it is cannot be told, and it is never taken as the person's own.
 */
function saidOfSomeoneElse(before: string): boolean {
  const clauses = before.split(/[,，。;；!！?？\s]+/u).filter(Boolean);
  // The number in the first clause (`电话13800138000 他欠我钱`) is not after anything.
  if (clauses.length < 2 && !/[,，。;；!！?？\s]$/u.test(before)) return false;
  const at = clauses.findIndex((c) => THIRD_PERSON_CLAUSE.test(c) || BOSS_IDENTITY_CLAUSE.test(c));
  if (at < 0) return false;
  // `打我儿子电话吧 他叫韦东 189…`: the third person is the relative whose number was offered before.
  if (clauses.slice(0, at).some((c) => RELATIVES_PHONE_OFFERED.test(c)) && /^(?:他|她)(?:叫|是)/u.test(clauses[at]!)) return false;
  // The clauses after it (the number's own among them) may still say it is the person's own (`他欠我钱 我电话138…`).
  return !clauses.slice(at + 1).some((c) => OWN_MARK.test(c));
}

/** `包工头叫刘德明 电话15812345678`: a number given right after naming someone else, with nothing about the person between. */
const OTHER_NAMED_BEFORE =
  /(?:老板|老板娘|包工头|工头|老总|经理|主管|班长|队长|工长|领班|对方|厂长|项目经理|雇主|东家)[^我俺,，。;；!！?？]{0,12}(?:电话|手机|手机号|号码|电话号码|联系方式)(?:号码|号)?(?:是|为|:|：)?\s*$/;
/**
 * Right before a phone number: whose it is, when it is not the person's (`老板电话`, `包工头的手机是`, `他电话`), and
 * `老板的是` after the person's own (`我的是135… 老板的是136…`): the boss's, the word phone left out; `老板电话我有 136…`:
 * the boss's number the person has (it was kept as the person's own).
 */
const OTHERS_PHONE_BEFORE =
  /(?:老板|老板娘|包工头|工头|老总|经理|主管|班长|队长|工长|领班|对方|公司|厂里|厂长|项目部|项目经理|他|她|他们|雇主|东家)(?:的)?(?:电话|手机|手机号|号码|电话号码|手机号码|联系方式|微信)(?:号码|号)?(?:是|为|:|：)?\s*$|(?:老板|老板娘|包工头|工头|老总|经理|主管|班长|队长|工长|领班|对方|公司|厂里|厂长|项目经理|雇主|东家)的(?:是|为|:|：)\s*$|(?:老板|老板娘|包工头|工头|老总|经理|主管|班长|队长|工长|领班|对方|公司|厂里|厂长|项目部|项目经理|雇主|东家)(?:的)?(?:电话|手机|手机号|号码|电话号码|手机号码|联系方式)(?:号码|号)?(?:我|俺)(?:这里|这儿|这边)?(?:也)?(?:有|知道|存了|存着|记得)(?:的)?(?:是|:|：)?[,，\s]*$/;

/** An 18-character ID number anywhere, valid (check digit, birth date); of two typed with a correction, the one corrected to. */
export function findIdNumber(text: string, now: Date): IdNumber | null {
  const spans = [...text.matchAll(/(?<![\dA-Za-z])\d{6}\s?\d{8}\s?\d{3}[\dXx](?![\dA-Za-z])/g)].map((m) => ({
    index: m.index,
    length: m[0].length,
    value: m[0].replace(/\s/g, '').toUpperCase(),
  }));
  const pick = saidLast(text, spans);
  if (pick.kind !== 'one') return null;
  const p = parseIdNumber(pick.value, now);
  return p.ok ? p.value : null;
}

/**
 * Words that are never a person's name after 我是 (我是外卖骑手, 我是东龙的), nor after 我叫 (`我叫不出老板名字`:
 * 不 and 没 start no name), nor after the Cantonese 我系 (`我系喺东龙镇做嘢嘅`: 喺 is 在), nor a word saying how things
 * stand after 本人 (`本人已离职`, `本人还没拿到工资`, `本人一直在这干`).
 */
const NOT_A_NAME = /^(?:啥|什么|谁|哪|咋|怎么|不|没|冇|喺|係|唔|已|也|还|都(?:没|是|在|不|被)|刚|正在|目前|现|一直|被|未|才|只|亲自|确实|同样|仍|依然|算了|不搞|不填|不弄|不想|外卖|快递|骑手|司机|工人|农民|打工|保姆|家政|保洁|员工|职工|会员|本地|外地|老乡|从|在|来|想|要|做|干|搞|跑|开|送|他|她|它|这|那|一个|个|女|男|师傅|老板|包工头|本人|自己)/;
/** Someone else's name: 老板叫…, 包工头叫…, 老板名字叫…. */
const SOMEONE_ELSE = /(?:老板|老板娘|包工头|工头|东家|雇主|经理|主管|班长|队长)(?:的)?(?:名字|姓名)?(?:叫|是)?$/;

/**
 * The person's own figure, said as a clause of its own (`我是一万`, `我的是一万`, `我被欠一万`, `…三万 我一万` run together
 * after a figure): they are owed too, whatever is said of another.
 */
const OWN_FIGURE = String.raw`(?:^|[，,。\s]|(?<=[0-9万千百元块]))(?:我|俺)(?:自己)?(?:的)?(?:也)?(?:是|被欠了?|被拖欠?了?|有|欠了?|差)?[0-9零〇一二两三四五六七八九十百千万.]+(?:块钱|块|元)?(?:多|左右)?(?:[，,。\s]|$)`;
const OWN_FIGURE_RE = new RegExp(OWN_FIGURE, 'u');

/** A relative, or someone else the person may speak for (`我爸`, `我老公`, `老乡`). */
const RELATIVE =
  '(?:爸爸|爸|父亲|老爸|老爹|爹|老头子|老伴|妈妈|妈|母亲|老妈|娘|老公|丈夫|爱人|对象|媳妇|老婆|妻子|儿子|女儿|闺女|儿媳妇?|女婿|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹|叔叔|叔|舅舅|舅|姑姑|姑|姨|侄子|外甥|老乡|工友|朋友|同事|亲戚|邻居|表哥|表弟|表姐|表妹|堂哥|堂弟|公公|婆婆|岳父|丈母娘|老丈人)';
/**
 * Right before a name, words saying whose it is when not the person's own (`包工头`, `我爸`, `他`,
 * `我老公的`). A relative is someone else's only as the person's (`我爸`): `我是张三他媳妇` is the person.
 */
const OTHER_PERSON_BEFORE = new RegExp(
  `(?:老板娘|老板|包工头|工头|东家|雇主|经理|主管|班长|队长|厂长|老总|组长|领班|工长|^(?:他|她)|(?:我|俺)(?:家)?(?:的)?${RELATIVE})(?:的)?(?:名字|姓名|全名|大名)?$`,
  'u',
);
/** Speaking for someone (`我帮我爸问一下`, `替我老公问`, `我替老乡反映`): a name not said to be the person's own is theirs. */
const FOR_SOMEONE = new RegExp(`(?:帮|替|给|代)(?:我|俺)?(?:家)?(?:的)?${RELATIVE}(?:们)?(?:问|反映|登记|弄|办|申请|咨询|要|讨|找|说)`, 'u');

/**
 * The person's own name, said with a cue: `我叫张三`, `俺叫牛二`, `我姓李叫李四`,
 * `姓陈，陈志明`, `名字是王五`, `本人赵六`, `联系人：孙七`. A bare `我是…` counts
 * only when what follows is 2–3 Han characters and nothing else. Someone
 * else's name (`老板名字叫赵铁柱`, `包工头姓刘叫刘大壮`, `我爸名字叫王大军`)
 * never does; nor, when the person speaks for someone (`帮我爸问一下`), a name
 * not said to be their own (`我叫…` still is).
 */
/** What someone is, said after 我是, that starts like a name (`高中生`, `车间主任`, `李家村的`): never a name. */
const SELF_NOT_NAME =
  /(?:主任|学生|中生|小学|初中|高中|大学|经理|主管|老师|师傅|工人|员工|司机|代表|书记|主席|会计|律师|医生|护士|老乡|工友|同事|老板|老总|组长|班长|队长|厂长|店长|领导|家属|村|镇|屯|县|区|市|省|厂|店|队|组|班)/u;

function findPersonNameRead(text: string): string | null {
  // Spoken: fillers after the cue (`我叫 那个 张伟`) and a surname said twice (`张 张伟`) are not the name.
  const s = withoutSpelledOut(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=(?:我|俺|本人)叫|名字(?:是|叫)|姓名(?:是|叫))(?:[\s,，、]*(?:那个啥|那个什么|那个|就是|嗯+|呃+|额|啊))+[\s,，、]*/gu, '')
    .replace(/(?<=^|[\s,，、]|叫|是)([\p{Script=Han}])[\s,，、]+(?=\1[\p{Script=Han}])/gu, '');
  const compact = s.replace(/\s+/g, '');
  const forSomeone = FOR_SOMEONE.test(compact);
  // `我姓上官 上官云`: a two-character surname too (one known as such), then the whole name.
  for (const sur of s.matchAll(/(我|俺)?姓([\p{Script=Han}]{1,2}?)[,，\s]*(?:叫|名叫|全名叫|全名)?\s*(\2[\p{Script=Han}]{1,3})/gu)) {
    if ([...sur[2]!].length === 2 && knownSurname(sur[2]!) !== sur[2]) continue;
    // `包工头姓刘叫刘大壮`, `我爸姓王`: someone else's surname and name.
    if (!sur[1] && (OTHER_PERSON_BEFORE.test(clauseBefore(s, sur.index)) || forSomeone)) continue;
    return personName(sur[3]!);
  }
  // `我姓司马 名字就一个字 亮`, `我姓欧阳 单名一个勇`: the surname, then a one-character given name said as such.
  const single = singleGivenName(s);
  if (single && !forSomeone && !(single.whose === '' && OTHER_PERSON_BEFORE.test(clauseBefore(s, single.index)))) return single.name;
  // `叫我阿强就行 身份证上是韦志强`: the name on the ID card over what they are called (阿强 was proposed), unless it is
  // someone else's (`我爸身份证上是…`).
  const official = forSomeone ? null : ownOfficialName(s);
  if (official) return official;
  // A space ends the name (`我叫王强 老板欠我两万`); `我 叫 王强` still reads.
  const CUE = /(?:我叫|俺叫|我系|大名叫|大名是|大名|我名叫|我的名字是|我的名字叫|名字是|名字叫|姓名是|姓名叫|姓名:|姓名：|本人叫|本人是|本人|联系人是|联系人:|联系人：|联系人|叫我)\s*([\p{Script=Han}·]{2,8})/gu;
  const cues = [...s.matchAll(CUE)].map((m) => ({ m, in: s }));
  if (cues.length === 0) cues.push(...[...compact.matchAll(CUE)].map((m) => ({ m, in: compact })));
  for (const { m: cue, in: said } of cues) {
    const before = said.slice(0, cue.index);
    if (SOMEONE_ELSE.test(before) || /(?:老板|包工头|工头)[^，,。]{0,3}$/u.test(before)) continue;
    // `项目的名字叫翡翠湾`, `公司名字是宏达`: a place's or a unit's name, never a person's.
    // `营业执照上的名字是宏达电子`, `合同上的名字叫…`: a name written on a paper is a unit's (a person's own is asked by 我叫).
    if (/(?:项目|工地|楼盘|公司|厂|店|单位|小区|平台|饭店|酒店|超市|工程|(?:营业)?执照|工牌|厂牌|工作证|合同|工资条|工资单|招牌|牌子|门头|发票|收据|欠条)(?:上面?|里面?)?(?:的)?$/u.test(before) && /^(?:名字|姓名)/u.test(cue[0]!)) continue;
    // `我爸名字叫王大军`, `他姓名是…`: a cue that does not say whose (名字叫, 姓名是) after someone else is theirs.
    const own = /^(?:我|俺|本人|叫我|联系人)/u.test(cue[0]);
    if (!own && (OTHER_PERSON_BEFORE.test(clauseBefore(said, cue.index)) || forSomeone)) continue;
    // `不知道他大名 村里都叫他阿贵`: his or her name (大名, 名字), never the person's own.
    if (!own && /(?:他|她)(?:的)?$/u.test(before)) continue;
    // `本人在宏达建筑上班 我叫王强`: a cue with no name after it leaves the next one to say it.
    const name = personName(cue[1]!);
    // `本人曾离职` aside, bare 本人 (no 叫/是) is a name only with a known surname: `本人亲自来的` names nobody.
    if (name && /^本人\s*$/u.test(cue[0]!.slice(0, cue[0]!.length - cue[1]!.length)) && knownSurname(name) === null) continue;
    if (name) return name;
  }
  // `你好 我是上官婉清 想加入工会`, `我是阿卜杜拉·买买提 在…上班`: 我是 and a name, a clause of its own beside others; only a
  // name with a known surname (or one joined with ·), never what someone is (`我是河南人`, `我是宏达建筑`, `我是他老婆`).
  const selfIntro = /(?<=^|[\s,，。!！]|你好|您好)(?:我是|俺是)([\p{Script=Han}·]{2,12})(?=[\s,，。!！]|$)/u.exec(s);
  if (selfIntro && !forSomeone) {
    const said = selfIntro[1]!;
    // A word for what someone is that starts like a surname (`我是高中生`, `我是车间主任`) is no name.
    const shaped = said.includes('·')
      ? /^[\p{Script=Han}]{2,6}·[\p{Script=Han}]{2,6}$/u.test(said)
      : [...said].length <= 4 && knownSurname(said) !== null && (commonSurname(said) || knownSurname(said)!.length === 2) && !SELF_NOT_NAME.test(said);
    if (shaped && !/[的了吗呢吧啊呀哦嘛他她们人]$/u.test(said) && !isRoleWord(said) && !ORG_SUFFIX.test(said) && !PLACE_SUFFIX.test(said) && !isFormOfAddress(said) && !UNIT_NOT_PERSON.test(said)) {
      const name = said.includes('·') ? said : personName(said);
      if (name === said) return name;
    }
  }
  const bare = /^(?:我是|俺是|我系)([\p{Script=Han}]{2,3})$/u.exec(compact.replace(/[,，。.!！]+$/u, ''));
  // `我是单干的`, `我是跑单的`: what someone is or does (是…的), never who.
  if (bare && !bare[1]!.endsWith('的')) return personName(bare[1]!);
  // `张秀兰 610322…`, `何小燕 139…`: a short name standing beside a phone or ID number.
  const clauses = s.split(/[,，。;；\s]+/u).filter(Boolean);
  // Not beside someone else's number (`宏达建筑 老板电话137…`), nor a unit's name (`宏达建筑`), nor words about the
  // number (`138… 微信同号`).
  if (clauses.length === 2 && clauses.some((c) => /\d{11,}|[电话手机]\S*\d{7,}/u.test(c)) && !(mobileSpans(spokenDigits(s)).length > 0 && findPhone(s) === null)) {
    // Nor a place (`东龙镇 137…` where the township is asked: the town, never the contact's name).
    const other = clauses.find((c) => /^(?:名字|姓名)?([\p{Script=Han}·]{2,4})$/u.test(c) && !/这|那|打|就|个|的|了|吗|电话|手机|号码|微信|同号|短信|联系|都行|可以|随时|工会|入会|加入|报名|申请|咨询|援助|律师|欠薪|讨薪|维权|反映/u.test(c) && !ORG_SUFFIX.test(c) && !PLACE_SUFFIX.test(c));
    if (other) return personName(other.replace(/^(?:名字|姓名)/u, ''));
  }
  // `欠薪 东龙镇 宏达建筑 12000 3个月 王大军 138…`: the name next to the phone in a list of keywords.
  return forSomeone ? null : keywordName(s);
}

/** What ends a place's name: a town, a street, a village, a county (never a person's name beside a number). */
const PLACE_SUFFIX = /(?:镇|乡|村|街道|社区|县|市|区|路)$/u;

/** The words of the clause before `index` (from the last comma, full stop or space). */
function clauseBefore(text: string, index: number): string {
  return text.slice(0, index).split(/[,，。;；!！?？\s]/u).pop() ?? '';
}

/**
 * The worker owed, when the person speaks for a relative or a fellow worker
 * and names them: `我爸叫王大军` → { relation: 爸, name: 王大军 };
 * `我替老乡反映 他叫张三` → { relation: 老乡, name: 张三 }. Never the person's
 * own name (`我叫王小红` beside it is theirs: findPersonName), never a boss's.
 * Null when no such name is said, or two different ones are.
 *
 * Read once per turn (parsers/turn-memo.ts): a function of the text alone, asked of the same message by the
 * reading of whose wages (findOwedFor, findOwedLater) and by every field's parser; callers never change what it returns.
 */
export const findOwedName = readOnce(owedName);

function owedName(text: string): { relation: string; name: string } | null {
  const s = text.replace(/\s+/g, ' ').trim();
  const compact = s.replace(/\s+/g, '');
  const found: { relation: string; name: string }[] = [];
  // `我爸叫王大军`, `我老公的名字是李强`, `俺家老头子叫…`.
  // The name is read ahead, not taken up: `我爸叫王大军我妈叫李秀英` names two.
  for (const m of s.matchAll(RELATIVE_NAMED)) {
    const name = personName(m[2]!);
    if (name) found.push({ relation: m[1]!, name });
  }
  // `我替老乡反映 他叫张三`: 他/她 named after saying whom the person speaks for.
  const who = SPEAKS_FOR.exec(s);
  if (who && FOR_SOMEONE.test(compact)) {
    for (const m of s.slice(who.index).matchAll(/(?:他|她)(?:的)?(?:名字|姓名|全名|大名)?(?:叫|名叫)(?=([\p{Script=Han}·]{2,8}))/gu)) {
      const name = personName(m[1]!);
      if (name) found.push({ relation: who[1]!, name });
    }
  }
  const names = new Set(found.map((f) => f.name));
  return names.size === 1 ? found[0]! : null;
}

/**
 * Wages owed to someone else than the person typing: said (`帮我爸问一下`, `我替老乡反映`, `我老公的工资被拖了`)
 * or only suggested (`他老板欠他工资`). The relation when named (爸, 老乡), the worker's name when said
 * (findOwedName). Null when the wages are the person's own (`老板欠我工资 我爸让我来问的`), or theirs among
 * others (`我和我老乡都被欠了工资`), or nothing says whose (`我爸是老板`).
 *
 * Read once per turn (parsers/turn-memo.ts): a function of the text alone, asked of the same message by the
 * opening facts and by findOwedLater (every field's parser of the wage report); callers never change what it returns.
 */
export const findOwedFor = readOnce(owedFor);

function owedFor(text: string): { relation: string | null; workerName: string | null; said: boolean } | null {
  const s = text.replace(/\s+/g, '');
  // Owed to the person, alone or with others: their own report. In `老板一分钱没给 我是他老婆` the 我 opens the next
  // clause (我是他…, said of the one owed), never the one not paid.
  const own = s.replace(MY_RELATIVE_ALL, '某');
  if (/(?:欠|拖|扣|克扣|拖欠|没给|不给|没发|不发)(?:了)?(?:我|俺|咱)(?!是(?:他|她))|(?:我|俺)(?:的)?(?:工资|工钱|血汗钱)|(?:我|俺)(?:和|跟|同|与)|(?:和|跟|同|与)(?:我|俺)(?:都|也|一起|一块)|我们|俺们|咱们|我自己|俺自己/u.test(own) || OWN_FIGURE_RE.test(own)) return null;
  const owed = findOwedName(text);
  // `替我们村的老乡问问`, `我哥让我帮他问`: whom the person speaks for.
  const forSomeone =
    ASKS_FOR.exec(s) ?? ASKED_BY.exec(s);
  // `我老公的工资`, `欠我爸`, `老乡的工资被拖了`, `老婆的工资被拖欠了` (at the start, no 我 needed), `我老乡被欠薪了`,
  // `我老公三个月没发工资` (the relative the one not paid; not `我老公说…`).
  const wagesOf = WAGES_OF_RELATIVE.exec(s);
  // Only suggested (`我妈在饭店干了三个月 老板欠她8000`): the relative named first, offered for confirmation.
  const named = MY_RELATIVE.exec(s);
  const relation = forSomeone?.[1] ?? wagesOf?.slice(1).find((g) => g !== undefined) ?? owed?.relation ?? named?.[1] ?? null;
  if (forSomeone || wagesOf) return { relation, workerName: owed?.name ?? null, said: true };
  // `我爸在宏达建筑的工地干了半年 … 我帮他反映一下`: a relative named, then the person acting for 他/她 (that relative).
  if (named && HELPS_THEM.test(s)) return { relation: named[1]!, workerName: owed?.name ?? null, said: true };
  // `我弟弟在工地被欠了两万`: the relative the one owed, where they work said with it (suggested, to confirm).
  const owedAt = RELATIVE_OWED_AT.exec(s);
  if (owedAt) return { relation: owedAt[1]!, workerName: owed?.name ?? null, said: false };
  // `我老婆在饭店干活老板不给工资`: the relative works there and the pay is not given, nothing says the
  // person is owed. Not `我老婆也在这干` (也/都: the person works there too, their own report).
  const worksThere = RELATIVE_WORKS.exec(s);
  // `一分钱没拿到` too: nothing paid.
  // `工资拖了半年`, `工钱被扣了`: the wages named, then held back.
  if (worksThere && /(?:不给|没给|没发|不发|拖欠|拖着|欠)(?:了)?(?:\p{Script=Han}{0,4})?(?:工资|工钱|钱)|(?:一分钱|工资|工钱)(?:都|也)?(?:没|没有)(?:拿到|领到|拿)|(?:工资|工钱)(?:都|也|一直|已经)?(?:被)?(?:拖|欠|扣)/u.test(s.slice(worksThere.index))) {
    return { relation: worksThere[1]!, workerName: owed?.name ?? null, said: false };
  }
  // `他老板欠他工资`, `欠她三个月工资`, `我是他女儿`: suggested only (`我是他老婆`: the one owed is her 老公).
  if (/(?:欠|拖欠|拖|扣)(?:了)?(?:他|她)|(?:他|她)(?:的)?(?:工资|工钱)|(?:他|她)(?:的)?(?:老板|包工头|工头)|(?:我是)(?:他|她)(?:的)?(?:女儿|儿子|闺女|老婆|媳妇|老公|爱人|妻子|丈夫)/u.test(s)) {
    const self = /(?:我|俺)(?:是|就是)(他|她)(?:的)?(老婆|媳妇儿?|妻子|爱人|老公|丈夫|儿子|女儿|闺女)/u.exec(s);
    return { relation: relation ?? (self ? kinOf(self[1]!, self[2]!) : null), workerName: owed?.name ?? null, said: false };
  }
  return null;
}

/** The one owed as the person would call them, from who the person is to them (`他` and 老婆: 老公); null when unsure. */
export function kinOf(he: string, word: string): string | null {
  const male = he === '他';
  if (/^(?:老婆|媳妇儿?|妻子)$/u.test(word)) return male ? '老公' : null;
  if (/^(?:老公|丈夫)$/u.test(word)) return male ? null : '老婆';
  if (word === '爱人') return male ? '老公' : '老婆';
  if (/^(?:儿子|女儿|闺女)$/u.test(word)) return male ? '爸' : '妈';
  if (/^(?:弟弟|妹妹)$/u.test(word)) return male ? '哥' : '姐';
  if (/^(?:哥哥|姐姐)$/u.test(word)) return male ? '弟' : '妹';
  return null;
}

/** Not paid for a while, said after who (`我老公` `三个月没发工资`, `半年没拿到工钱`). */
const UNPAID_FOR = '(?:已经|都|有|快)?(?:[一二两三四五六七八九十半几\\d]{1,3}(?:个)?(?:多)?(?:个)?(?:月|年|礼拜|星期|周|天))(?:了|多)?(?:都|也|还)?(?:没|没有|未)(?:发|给|结|拿到|领到)(?:过)?(?:工资|工钱|钱)';

/** Whose a relative is: `我`, `俺家的`, `我们村的` (a fellow villager is not the person, unlike `我们`). */
const MY = '(?:我|俺)(?:家|们(?:村里|村|老家|那边|那里|那儿|那))?(?:的)?';

/** Work said by what is done (`我妈在餐馆洗碗`, `我爸在工地搬砖`, `我老婆在商场当保洁`): a job, as 干活 is. */
const JOB_DONE = '洗碗|刷碗|端盘子|传菜|帮厨|当|搬砖|搬运|扎钢筋|绑钢筋|看门|看仓库|送外卖|送快递|开车|带孩子|看孩子|扫地|打扫|搞卫生|保洁|打杂|拧螺丝|装修|刷墙|贴砖|摆摊';

/** owedName's, owedFor's and owedLater's patterns, built once (they were built on every call, a few times a turn). */
const RELATIVE_NAMED = new RegExp(`(?:我|俺)(?:家)?(?:的)?(${RELATIVE})(?:的)?(?:名字|姓名|全名|大名)?(?:叫|名叫|是)(?=([\\p{Script=Han}·]{2,8}))`, 'gu');
/** A relative said to be owed where they work (`我弟在工地被欠了`, `我老公在厂里也被拖了三个月`). */
const RELATIVE_OWED_AT = new RegExp(`^${MY}(${RELATIVE})(?:在[\\p{Script=Han}]{1,10}?)?(?:也|都|一直|已经)?被(?:欠|拖|扣|克扣)`, 'u');
/** Acting for 他/她, the one named before (`我帮他反映一下`, `我来替她问问`). */
const HELPS_THEM = /(?:帮|替|代)(?:他|她)(?:们)?(?:来)?(?:问|反映|登记|报|弄|办|申请|咨询|讨|要)/u;
const SPEAKS_FOR = new RegExp(`(?:帮|替|给|代)(?:我|俺)?(?:家)?(?:的)?(${RELATIVE})`, 'u');
const MY_RELATIVE_ALL = new RegExp(`${MY}${RELATIVE}`, 'gu');
const MY_RELATIVE = new RegExp(`${MY}(${RELATIVE})`, 'u');
// (`我是帮我爸报的`: reporting for him; never 报销, 报名.)
const ASKS_FOR = new RegExp(`(?:帮|替|给|代)(?:${MY})?(${RELATIVE})(?:们)?(?:问|反映|登记|弄|办|申请|咨询|要|讨|找|说|报(?!销|名))`, 'u');
const ASKED_BY = new RegExp(`${MY}(${RELATIVE})(?:让|叫|托|要)(?:我|俺)(?:来)?(?:帮|替|代)(?:他|她)(?:们)?(?:来)?(?:问|反映|登记|弄|办|申请|咨询|要|讨|找|说)`, 'u');
const WAGES_OF_RELATIVE = new RegExp(
  `(?:我|俺)(?:家)?(?:的)?(${RELATIVE})(?:的)?(?:工资|工钱|血汗钱)|(?:欠|拖欠|拖)(?:了)?(?:我|俺)(?:家)?(?:的)?(${RELATIVE})|^(${RELATIVE})(?:的)?(?:工资|工钱|血汗钱)|(?:^|我|俺)(?:家)?(?:的)?(${RELATIVE})(?:被|给)(?:欠|拖|扣|克扣)|` +
    `(?:^|我|俺)(?:家)?(?:的)?(${RELATIVE})${UNPAID_FOR}`,
  'u',
);
const RELATIVE_WORKS = new RegExp(`(?:我|俺)(?:家)?(?:的)?(${RELATIVE})(?:一直|之前|以前|原来|去年|今年)?(?:在|给)[^，。,.!！?？]{0,12}?(?:干活|打工|上班|干|做|工作|${JOB_DONE})`, 'u');
const MY_RELATIVE_FIRST = new RegExp(`^${MY}${RELATIVE}`, 'u');
// `是我妈的`, `替我老公反映`, `帮我妈报的`: whose wages, said as the answer.
const RELATION_ANSWER = new RegExp(`^(?:是)?(?:替|帮|代|给)?(?:我|俺)?(?:家)?(?:的)?(${RELATIVE})(?:的)?(?:工资)?(?:反映|问|被欠|报|登记)?(?:的)?$`, 'u');
const WITH_RELATIVE_AT = new RegExp(`^(?:我|俺)(?:和|跟|与|同|还有)(?:我|俺)?(?:的)?${RELATIVE}(?:们)?(?:俩|两个人?|两人)?(?:一起|一块儿?|都|也)?(?=在|给|跟着)`, 'u');
// `我爸是在鑫达建材厂干的`, `我父亲之前是在永兴木业干活的`: the 是 of 是…的 before where is no part of the name either.
const RELATIVE_AT = new RegExp(`^(?:${RELATIVE}|他|她|自己)(?:们)?(?:也|都|一直|之前|以前|现在|原来|当时|那时候?)?(?:是|就是)?(?=在|给|帮|跟着)`, 'u');

/** Someone else, unnamed: whom the person may speak for without saying who (`替别人问的`). */
const SOMEONE_UNNAMED = '(?:别人|他人|人家|朋友家|亲戚家)';
const UNNAMED_WORD = new RegExp(`^(?:${SOMEONE_UNNAMED}|他|她)$`, 'u');
/** `我爸`, `老乡`, `俺家老头子`: the relation in group 1. */
const WHOSE = `(?:我|俺)?(?:家)?(?:的)?(${RELATIVE})`;
/** Acting for someone (`这是帮我爸报的`, `我是替别人问的`, `代我老公反映`): relation (or the unnamed word) in group 1. */
const ACTING_FOR = new RegExp(`(?:帮|替|代)${WHOSE.replace(`(${RELATIVE})`, `(${RELATIVE}|${SOMEONE_UNNAMED}|他|她)`)}(?:们)?(?:来|过来)?(?:问|反映|登记|报|填|弄|办|申请|咨询|讨|要)`, 'u');
/** Acting for someone named with the relation (`帮我爸王大军问的`): relation in group 1, the name in group 2. */
const ACTING_FOR_NAMED = new RegExp(`(?:帮|替|代)${WHOSE}([\\p{Script=Han}·]{2,4})(?:来|过来)?(?:问|反映|登记|报|填|弄|办|申请|咨询|讨|要)`, 'u');
/** Whose wages are owed (`是我老乡被欠的`, `被欠工资的是我爸`, `是我老公的工资`, `老板欠我爸的`): relation in the first group matched. */
const WAGES_OF = new RegExp(
  [
    `被(?:欠|拖欠|拖)(?:工资|工钱|钱)?的(?:人)?(?:其实)?是${WHOSE.replace(`(${RELATIVE})`, `(${RELATIVE}|${SOMEONE_UNNAMED})`)}`,
    `(?:^|是|其实是)${WHOSE}(?:的)?(?:工资|工钱|血汗钱)?(?:被|给)(?:欠|拖|扣)`,
    `(?:^|是|其实是)${WHOSE}(?:的)?(?:工资|工钱|血汗钱)(?:的事)?(?:的)?$`,
    `(?:^|是|其实是)${WHOSE}${UNPAID_FOR}`,
    `(?:欠|拖欠|拖)(?:了)?(?:我|俺)(?:家)?(?:的)?(${RELATIVE})`,
  ].join('|'),
  'u',
);
/** A figure said to be someone else's (`一万二 是我老公的`, `三个月都是我爸的`): relation in group 1. */
const FIGURE_OF = new RegExp(
  `^(?:[0-9零〇一二两三四五六七八九十百千万.]+(?:块钱|块|元)?(?:多|左右)?|[0-9一二两三四五六七八九十半几]+(?:个)?(?:多)?(?:个)?(?:月|年)(?:的)?(?:工资|工钱)?)(?:，)?(?:都|也|这|这些|那)?是${WHOSE}(?:的)(?:工资|工钱|钱)?$`,
  'u',
);
/** A relative's figure and nothing else (`我老公的工资一万二`, `我老婆的八千`). */
const KIN_FIGURE_ONLY = new RegExp(`^${WHOSE}(?:的)?(?:工资|工钱)?(?:是|有)?(?:，)?[0-9零〇一二两三四五六七八九十百千万.]+(?:块钱|块|元)?(?:多|左右)?$`, 'u');
/** After denying the person's own (`不是我的 是我爸的`): whose, said short. */
const WHOSE_SHORT = new RegExp(`^(?:是|其实是)?${WHOSE}(?:的)?$`, 'u');
/** The worker named with the relation: `是我爸的名字 王大军`, `这是我爸的名字，叫王大军`. */
const NAMED_AS = new RegExp(`^(?:这|这个|那)?是${WHOSE}(?:的)?(?:名字|姓名)(?:叫|是)?([\\p{Script=Han}·]{2,8})?$`, 'u');
/** People the person works or lives beside, no relatives: said of someone named, who they are, never whose the report is. */
const PEER_WORD = /^(?:工友|同事|朋友|老乡|邻居|同学|室友|舍友)$/u;
/** `王大军是我爸`, `王大军是我爸的名字`. */
const NAMED_FIRST = new RegExp(`^([\\p{Script=Han}·]{2,4}?)(?:他|她)?是${WHOSE}(?:的)?(?:名字|姓名)?$`, 'u');
/**
 * Owed to the person too (`我也被欠了`, `我和老乡都被欠了`, `我表哥被欠了三万 我是一万`: the person's own figure said),
 * or the person's own wages (`欠我工资 我爸让我来问的`).
 */
const OWN_TOO = new RegExp(String.raw`${OWN_FIGURE}|(?:欠|拖|扣|克扣|拖欠)(?:了)?(?:我|俺|咱)|`
  + String.raw`(?:我|俺)(?:的)?(?:工资|工钱|血汗钱)|(?:我|俺)(?:和|跟|同|与)|(?:和|跟|同|与)(?:我|俺)(?:都|也|一起|一块)|我们|俺们|咱们|我自己|俺自己|(?:我|俺)(?:也|都)(?:被|没)`, 'u');

/**
 * Said later in a wage report, at any question: the wages are someone else's (`这是帮我爸报的`,
 * `不是我 是我老乡被欠的`, `是我爸的名字 王大军`). The relation (null when unsaid: `我是替别人问的`)
 * and the worker's name when said with it. Precision first: nothing when the person is owed too
 * (`我和我老乡都被欠了`), when nothing says they act for someone (`我爸让我来问的`), or when it is denied
 * (`不是帮我爸问的`); `是我爸的名字` alone needs the name with it. Also what a first message says (findOwedFor:
 * `我老公三个月没发工资`), unless `opening` is false (the person known to be owed among others).
 */
export function findOwedLater(text: string, { opening = true }: { opening?: boolean } = {}): { relation: string | null; name: string | null } | null {
  return (opening ? owedLaterOpening : owedLaterAmong)(text);
}

// Read once per turn (parsers/turn-memo.ts), one memo for each `opening`: a function of the text alone, asked of
// the same message by the wage report's every field parser (heedBehalf) and by its facts; callers never change what it
// returns.
const owedLaterOpening = readOnce((text: string) => owedLater(text, true));
const owedLaterAmong = readOnce((text: string) => owedLater(text, false));

function owedLater(text: string, asOpening: boolean): { relation: string | null; name: string | null } | null {
  const s = text
    .trim()
    .replace(/[。！!？?~～]+$/u, '')
    .replace(/[\s,，、；;：:]+/gu, '，');
  // `不是我 是…`, `不是我的工资`: the person's own denied, then whose.
  const denied = /^(?:不是|并不是)(?:我|俺)(?:本人|自己)?(?:的)?(?:工资|工钱)?(?:被欠|被拖)?(?:的)?(?:，|(?=是))/u.exec(s);
  const said = denied ? s.slice(denied[0].length) : s;
  if (OWN_TOO.test(said.replace(MY_RELATIVE_ALL, '某'))) return null;
  if (/(?:不是|没有|没|并非|不用)(?:在)?(?:帮|替|代)/u.test(said)) return null;
  const clauses = said.split('，').filter(Boolean);
  // `是我爸的名字 王大军`, `王大军是我爸`: the relation and the name, nothing else needed.
  for (const [i, c] of clauses.entries()) {
    const named = NAMED_AS.exec(c);
    const next = clauses.length === i + 2 ? clauses[i + 1]!.replace(/^(?:叫|是)/u, '') : null;
    const name = named ? personName(named[2] ?? next ?? '') : null;
    if (named && name) return { relation: named[1]!, name };
    // `王大军 是我爸 我替他问的`: the name, then whose it is, as two clauses.
    const first = NAMED_FIRST.exec(c) ?? (i + 1 < clauses.length && /^是/u.test(clauses[i + 1]!) ? NAMED_FIRST.exec(c + clauses[i + 1]!) : null);
    // `刘大壮是我工友`: who someone is to the person (a co-worker, a friend), not that the report is theirs (a relative
    // named so, `王大军是我爸`, is read as before).
    const firstName = first && !PEER_WORD.test(first[2]!) ? personName(first[1]!) : null;
    if (first && firstName) return { relation: first[2]!, name: firstName };
  }
  // `帮我爸王大军问的`: the worker's name right after the relation.
  const actingNamed = ACTING_FOR_NAMED.exec(said);
  const actingName = actingNamed ? personName(actingNamed[2]!) : null;
  if (actingNamed && actingName) return { relation: actingNamed[1]!, name: actingName };
  const acting = ACTING_FOR.exec(said);
  const whose = acting ? null : (clauses.map((c) => WAGES_OF.exec(c) ?? (denied ? WHOSE_SHORT.exec(c) : null)).find((m) => m) ?? FIGURE_OF.exec(said));
  // As a first message says it (`我老婆的工资老板拖了两个月了`, `我儿子在厂里 欠了他三个月工资`, `替我们村的老乡问问`),
  // the relative named; also whom `帮他问` is for (`我哥让我帮他问的`). Not `还有我老公的工资也没发` (as well as the person's),
  // nor when the caller knows the person is owed among others (`asOpening` false), nor a relative's figure alone
  // (`我老公的工资一万二`: theirs, left to the question).
  const found = !asOpening || /也|还有|另外/u.test(said) || KIN_FIGURE_ONLY.test(said) ? null : findOwedFor(said);
  // Only suggested (`我儿子在厂里 欠了他三个月工资`): the relative first, and the wages spoken of (not `我表哥介绍的 他老板姓王`).
  const opening = found && (found.said || (MY_RELATIVE_FIRST.test(said) && /工资|工钱|欠|拖|没拿到/u.test(said))) ? found : null;
  const he = /(?:他|她)(?:的)?(?:名字|姓名|全名|大名)?(?:叫|名叫)([\p{Script=Han}·]{2,8})/u.exec(said);
  // `我是他老婆 他叫廖永生 他手机丢了我帮他弄`: who the person is to the one owed, said of the one owed (他老婆: he is the
  // husband); with `帮他…` or his name said beside it (`我是他老婆` alone names no one).
  const kin = speakerKin(said);
  if (!acting && !whose && !opening?.relation) {
    const heName = kin && he ? personName(he[1]!) : null;
    return heName ? { relation: kin, name: findOwedName(text)?.name ?? heName } : null;
  }
  const word = acting ? acting[1]! : whose ? whose.slice(1).find((g) => g !== undefined)! : opening!.relation!;
  const relation = UNNAMED_WORD.test(word) ? (opening?.relation ?? kin) : word;
  const name = findOwedName(text)?.name ?? (he ? personName(he[1]!) : null);
  return { relation, name };
}

/** `我是他老婆`, `我是她女儿`: who the person is to him or her (group 1, 2). */
const SPEAKER_IS = /(?:^|，)(?:我|俺)是(他|她)(?:的)?(老婆|媳妇|妻子|爱人|老公|丈夫|男人|儿子|女儿|闺女)(?=，|$)/u;
/** What the one owed is to the person who says `我是他老婆` (老公), `我是她女儿` (妈); null when nothing says so. */
function speakerKin(said: string): string | null {
  const m = SPEAKER_IS.exec(said);
  if (!m) return null;
  const him = m[1] === '他';
  if (/老婆|媳妇|妻子/u.test(m[2]!)) return him ? '老公' : null;
  if (/老公|丈夫|男人/u.test(m[2]!)) return him ? null : '老婆';
  if (m[2] === '爱人') return him ? '老公' : '老婆';
  return him ? '爸' : '妈';
}

/**
 * The words say only who the person is to the one owed (`我是她女儿`, `我是他老婆啊`): no answer to a question asking for
 * a name (never a unit, never a person's name). True for that clause alone (a message's clause is read on its own).
 */
export function onlySpeakerKin(text: string): boolean {
  const s = text.trim().replace(/[。！!？?~～]+$/u, '').replace(/(?:啊|呀|哦|嘛)$/u, '');
  return SPEAKER_IS.test(s) && SPEAKER_IS.exec(s)![0].replace(/^，/u, '') === s;
}

/** The relation named in an answer to "whose wages?": `替我爸`, `是我老公的`, `老乡` → 爸, 老公, 老乡. */
export function relationOf(text: string): string | null {
  const m = RELATION_ANSWER.exec(text.replace(/\s+/g, ''));
  return m ? m[1]! : null;
}

function personName(raw: string): string | null {
  if (NOT_A_NAME.test(raw)) return null;
  // Stop at words that end a name in a sentence: 我叫张三今年干了… → 张三; 叫我小李就行 → 小李.
  const name = raw.replace(/(?:今年|去年|在|是|的|从|给|我|俺|他|她|想|要|就|电话|手机|身份证|老板|包工头|工头|欠|工资|然后|而且|还有|现在|目前|今天|呢|啊|吧|嗯|,).*$/u, '');
  if ([...name].length < 2 || isRoleWord(name)) return null;
  // `一万二 是我老公的`: a figure said, never a name.
  if (/^[0-9零〇一二两三四五六七八九十百千万亿半几多块元]+$/u.test(name)) return null;
  // `同意 13812345678`, `可以，138…` at a consent: a yes or no (or an everyday word) beside a number is never a name.
  if (yesNo(name) !== null || NOT_NAMES.test(name)) return null;
  const p = parsePersonName(name);
  return p.ok ? p.value : null;
}

/** Jobs, posts and statuses: what someone is, never who (`我是保安`, `我是司机`, `我是临时的`). */
const ROLE_WORDS =
  /^(?:保安|保洁|保姆|司机|师傅|师父|厨子|会计|出纳|文员|护士|护工|医生|月嫂|育儿嫂|学徒|学生|大学生|实习生|店长|店员|经理|项目经理|主管|领班|班长|组长|队长|老板|老板娘|包工头|工头|骑手|外卖|快递|代驾|跑腿|主播|销售|客服|前台|助理|收银|服务员|营业员|车工|钟点工|包装工|普工|安全员|安装工|管理员|施工员|程序员|司炉工|农民|工人|打工的?|打工仔|打工妹|员工|职工|会员|党员|本地人|外地人|新人|新来的|兼职|全职|临时|临时的|正式的|合同的|退休|下岗|失业|残疾人|老乡|家属|老员工|农民工|民工|打工人|外来工|外地工|散工|零工|小工|大工)$/u;
/**
 * A trade or post by its ending: 焊工, 临时工, 农民工, 厨师, 老师, 收银员, 木匠. Short words only (`青溪化工` is a
 * unit), and not after a surname (it could be a name; 车工, 文员 are listed).
 */
const ROLE_ENDING = /^[\p{Script=Han}]{1,2}(?:工|员|师|匠|手)$|^[\p{Script=Han}]{0,2}工人$/u;

/** A job, trade, post or status (`焊工`, `老师`, `临时工`, `保安`): never a person's name, nor an employer's. */
export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.test(word) || (ROLE_ENDING.test(word) && knownSurname(word) === null);
}

/** What ends an employer's name: a company, a factory, a site, a shop, a crew. */
export const ORG_SUFFIX =
  /(?:有限责任公司|股份有限公司|有限公司|公司|集团|厂|工厂|车间|工地|项目部|工程队|施工队|装修队|建筑队|酒店|宾馆|饭店|餐厅|餐馆|饭馆|酒楼|酒家|茶楼|小馆|面馆|菜馆|茶馆|酒馆|作坊|工作室|修理厂|车行|美容院|理发店|幼儿园|超市|商场|门店|店|物流|快递|建筑|建设|工程|装饰|劳务|科技|电子|纺织|服装|制衣|食品|物业|保安|家政|医院|学校|中心|农场|养殖场|养猪场|砖厂|矿|人力|(?<=\p{Script=Han}{2})(?:鞋业|实业|商贸|贸易|五金|制品|服饰))$/u;

/** A kind of workplace, not a name: 物流公司, 装修公司, 厂子, 工地上; said of whose (`是公司的`, `厂里的`) too. */
const GENERIC_ORG =
  /^(?:当地|本地|附近|外地|这边|那边)?(?:的)?(?:这个|那个|我们|我|俺|咱|一个|一家|个|家|一间|那间|这间|间)?(?:物流|装修|建筑|劳务派遣|劳务|派遣|快递|外卖|保安|家政|保洁|清洁|搬家|中介|物业|电子|服装|私人|小|大|黑心|本地|外地|一个|那个|这个)?(?:公司|厂|厂子|工厂|工地|工地上|店|店里|饭店|酒店|项目部|车间|单位|小馆|面馆|菜馆|茶馆|酒馆|馆子|学校|医院|超市|商场|幼儿园|餐厅|餐馆|饭馆|宾馆|酒楼|酒家|茶楼|美容院|理发店|门店|农场|养殖场|养猪场|砖厂|工作室|作坊|修理厂|月子中心|月子会所|家政中心|装修队|施工队|工程队|包工队|建筑队|队)(?:里的|上的|的)?$/u;

/**
 * What a unit makes or does, said before its kind (`鞋厂`, `电子厂`, `建筑公司`, `五金店`): a trade and a kind
 * with nothing else is a kind of unit, not a name (a name has its own words: `金鹰鞋厂`, `宏达建筑公司`).
 */
export const TRADE =
  /(?:鞋|鞋业|服装|服饰|制衣|成衣|衣服|针织|毛织|纺织|织布|印染|电子|电器|电池|电线|线缆|五金|家具|木器|木材|木业|塑料|塑胶|橡胶|玩具|印刷|彩印|包装|纸箱|纸品|造纸|食品|饮料|机械|模具|汽配|配件|建筑|建材|装修|装饰|水泥|砖|瓦|石材|砂石|玻璃|陶瓷|钢材|钢铁|钢|铝材|铝|不锈钢|门窗|化工|制药|药|眼镜|箱包|皮革|皮具|灯饰|饰品|工艺品|物流|快递|保洁|家政|餐饮|理发|美发|美容|手机|水果|蔬菜|便利|面包|蛋糕|奶茶|火锅|烧烤|小吃|早餐|面|粉|米粉|养殖|水产|海鲜|汽修|修车|洗车|广告|劳务|保安|物业)+/u;
/** What a unit does and its kind, nothing else (`奶茶店`, `物业`, `物流公司`): a kind of place, never a name. */
const TRADE_KIND_ALONE = new RegExp(`^(?:${TRADE.source})(?:公司|工厂|厂|店)?$`, 'u');
/** Words before 一个/一家/一间 (`龙岗的`, `在深圳龙岗`): group 1 what they name. */
export const WHERE_BEFORE_ONE = /^(?:我|俺)?(?:是|就是)?(?:在)?([\p{Script=Han}]{2,8}?)(?:的|那边的?|这边的?)?(?=(?:一个|一家|一间)[\p{Script=Han}])/u;
/** A unit or a boss named before 一个 (`宏达建筑一个工地`, `王老板的一个厂`): a name, never only where. */
export const UNIT_OR_BOSS_END = /(?:公司|集团|建筑|工程|厂|店|工地|项目|物业|物流|快递|老板|老总|包工头|工头|老板娘)$/u;
/**
 * `深圳龙岗一个电子厂`, `龙岗的一家饭店`: where, then 一个/一家 and a kind of workplace — no name said (the words were
 * proposed whole as the unit's name).
 */
function kindAfterWhere(name: string): boolean {
  const m = WHERE_BEFORE_ONE.exec(name);
  if (m === null || UNIT_OR_BOSS_END.test(m[1]!)) return false;
  const kind = name.slice(m[0].length).replace(/(?:里|上|里面)$/u, '');
  return GENERIC_ORG.test(kind) || new RegExp(`^(?:一个|一家|一间)(?:小|大|私人|个体)?(?:${TRADE.source})?(?:的)?(?:工厂|厂子|厂|公司|店|饭店|饭馆|餐馆|工地|超市|作坊|车间)$`, 'u').test(kind);
}

/** A kind of workplace with no name (`饭店`, `一间餐厅`, `那个厂`): what the person works at, never what it is called. */
export function genericWorkplace(name: string): boolean {
  return GENERIC_ORG.test(name);
}

/** Words before a name that only frame it. */
const EMPLOYER_FRAME =
  /^(?:(?:我|俺)?(?:只|就)(?:知道|晓得)(?:是|他们是)?)?(?:(?:他们|大家|我们|别人|都)*叫他|(?:他们|大家|我们|别人)(?:都|就|一般|平时)?(?:叫|喊)(?:它|这个|那个)?)?(?:就是|是|就(?![业近])|那个|这个|那间|这间|叫|在|给|跟着|帮)*(?:我们|咱们|俺们|他们|她们|我|俺)?(?:的)?(?:那个|这个|那间|这间|那家|这家)?(?:派遣|劳务|中介|外包)?(?:老板娘|老板|包工头|工头|东家|雇主|公司|单位|厂子|厂|店|工地|项目|厂家)?(?:的)?(?:名字|名称|全称)?(?:叫|是|名叫|姓名是)?(?:开了?(?:个|家|一个|一家))?/u;

/** A clause that describes rather than names: 搞装修的, 开饭店的, 老板姓黄, 电话打不通了, 跑了, (老板)说没钱. */
// `老板是好人`, `老板人挺好的`, `东家人很好 就是拖`, `老板太坏了`, `老板是本地人`, `包工头是他侄子`: what the boss is like or who
// he is to others, never a name (「老板是好人」, 「人挺好」, 「太坏了」 were stored).
const DESCRIPTOR =
  /^[呢啊吧嘛呀哦嗯]|^(?:老板娘|老板|东家|雇主|主人家|包工头|工头)(?:这个人|人)?(?:很|太|特别|非常|真|挺|贼|超|好|也太|实在|比较|可)(?!多|几|久)[\p{Script=Han}]{1,4}$|^(?:老板娘|老板|东家|雇主|包工头|工头)是(?:个)?(?:本地|外地|[\p{Script=Han}]{2}(?:省|市|县)?)人$|^(?:老板娘|老板|东家|雇主|包工头|工头)是(?:他|她|我|我们|老板|包工头)(?:的)?(?:侄子|外甥|儿子|女儿|老婆|老公|亲戚|兄弟|弟弟|哥哥|舅舅|表哥|表弟|小舅子|连襟|姐夫|妹夫)$|^(?:老板娘|老板|东家|雇主|主人家|包工头|工头|他|她)?(?:这个人|人)?(?:倒是|倒|也|还)?是(?:个)?(?:好人|坏人|老好人|老实人|实在人)(?:啊|呢|吧)?$|人(?:挺|很|还|蛮|倒是|倒|也|还算|真|太)(?:好|不错|厚道|实在|老实|好说话)|莫得|没得|么得|木得|冇|木有|^(?:搞|开|做|干|卖|跑|修)[\p{Script=Han}]{1,4}的$|^管(?:钱|账|帐|事|工资|财务|人)|说了算|^(?:发|算)工资的$|^(?:老乡|工友|朋友|亲戚|熟人|问一下|问问|等一下|等等)$|^你|你们|^(?:老板|包工头)姓|电话|打不通|联系不上|跑了|跑路|不见了|找不到|什么来着|啥来着|记不清|说不清|说不上来|没(?:有|啥)?名字|(?:没|不)(?:告诉|跟我说|肯说)|^个|带我(?:去|来|过去)|派遣过去|派过去|^(?:私人|个人|个体)(?:老板|户)?$|^(?:说|讲|推说)|没(?:有)?钱|^对$|^嗯$|^就是$|^那个$|^不是|欠|拖|没给|没发|^在[\p{Script=Han}]{1,6}(?:那边|这边|一带|附近)(?:的)?(?:工地|厂)?$|^在[\p{Script=Han}]{1,6}的?(?:工地|厂)$/u;

/**
 * Whose the workplace is, said before it (`我们老板开的好再来饭店`, `是我老乡开的厂`, `邻居开的店`): what follows, in the
 * first group (a kind alone, `店`, is no name).
 */
const OWNED_BY = /^(?:是)?(?:我们|我|俺们|俺|咱们)?(?:的)?(?:老板|老板娘|包工头|工头|老总|老乡|亲戚|朋友|熟人|同学|同乡|老表|表哥|表姐|表弟|表妹|堂哥|堂弟|姐夫|舅舅|叔叔|邻居)(?:自己)?(?:开|办|搞|承包)的([\p{Script=Han}A-Za-z0-9·（）()]{1,24})$/u;

/** What the employer does or what happened with them, not what they are called (`开饭店的`, `只知道是做电子的`, `老板电话打不通`). */
export function describesEmployer(text: string): boolean {
  const t = text.replace(/[\s。！!]+/gu, '');
  // `我是焊工`, `保安`: what the person does, not who employs them.
  const role = /^(?:我|俺)?(?:是|当|做|干)?(?:个|一个|一名)?([\p{Script=Han}]{2,5}?)(?:的)?$/u.exec(t)?.[1];
  // `老板开的饭店`, `我老乡开的厂`: whose it is, and no name.
  const owned = OWNED_BY.exec(t);
  if (owned && GENERIC_ORG.test(owned[1]!)) return true;
  return DESCRIPTOR.test(t) || DESCRIPTOR.test(t.replace(EMPLOYER_FRAME, '')) || (role !== undefined && isRoleWord(role));
}

/** Thanking for the trouble (`麻烦了`, `拜托你们了`, `谢谢`). */
const PLEA_THANKS = '谢谢(?:你们?|您)?|麻烦(?:你们?|您)?|拜托(?:你们?|您)?|辛苦(?:你们?|您)?';
/** Urging, pleading, a feeling (`快点`, `帮帮我`, `求求你们`, `我很着急`, `给我做主`). */
const PLEA_URGE =
  '快点儿?|快一点|快些|快快|赶紧|赶快|尽快|抓紧|快|帮帮(?:我们?|俺们?|忙)?|帮忙|帮(?:一下|下)?(?:我们?|俺们?)|救救(?:我们?|俺们?)?|救命|(?:直接|赶紧|快)?(?:帮|替)?(?:我们?|俺们?)?把(?:我的?|俺的?)?(?:钱|工资|工钱|血汗钱)(?:要|讨|追|拿)(?:回来|回)|求求(?:你们?|您)?|求(?:你们?|您)|着急|急死(?:我|人)?|急|没办法|受不了|处理(?:一下)?|解决(?:一下)?|做主';
/** What only carries those words: pronouns, 很/真/太, particles, punctuation. */
const PLEA_FILL = '(?:我们|俺们|你们|我|俺|你|您|给|很|真|好|太|非常|特别|都|一下|吧|了|啊|呀|哦|呢|嘛|啦|哈|嘞|喔|咯|的|[,，.。!！~～、\\s])*';
const onlyWords = (words: string) => new RegExp(`^(?:${PLEA_FILL}(?:${words})${PLEA_FILL})+$`, 'u');
const PLEA_THANKS_ONLY = onlyWords(PLEA_THANKS);
const PLEA_ONLY = onlyWords(`${PLEA_URGE}|${PLEA_THANKS}`);

/**
 * A message made only of urging, pleading or thanks (`快点帮我`, `帮帮我`, `麻烦了`, `我很着急`, `求求你们了`):
 * `thanks` or `urge`; null when it says anything else. Never a value (an employer, a name): the question is asked
 * again, kindly.
 */
export function pleaOf(text: string): 'thanks' | 'urge' | null {
  const t = text.replace(EMOJI_RUN, '').trim();
  if (t === '' || [...t].length > 20) return null;
  if (PLEA_THANKS_ONLY.test(t)) return 'thanks';
  return PLEA_ONLY.test(t) ? 'urge' : null;
}

/**
 * Not a name at all: not knowing, not wanting to say, wanting a person (`不方便说`, `不晓得`, `要跟真人讲`). 人工 in a
 * name or a street (`青溪人工智能科技有限公司`, `人工湖路12号`) is no person asked for.
 */
export const NOT_SAID = /不方便|不想说|不告诉|没告诉|不肯说|不晓得|不知道|不清楚|记不得|忘了|^要|^我要|^想|真人|人工(?!智能|湖|河|岛|林|草|费)|机器人(?=$|[^科公有制])/u;

/**
 * `我和老公在饭店干`, `我跟老乡们一起在宏达建筑干`, `我们俩在鑫源厂干`: the person with others beside them, said as 我
 * (`我在饭店干`); none of them is part of a name said after.
 */
export function withoutCompanions(text: string): string {
  return text
    .trim()
    .replace(WITH_RELATIVE_AT, '我')
    .replace(/^(?:我们|咱们|俺们|我|咱|俺)(?:俩|仨|两个人?|两人|夫妻俩?)(?:一起|一块儿?|都|也)?(?=在|给|跟着)/u, '我');
}

/**
 * Where a unit's name is written, said before it (`营业执照上的全称是`, `执照上的名字是`, `合同上写的是`, `工牌上印着`): a
 * paper named, then (optionally) what on it, then 是 or 叫; what follows is the name.
 */
export const WRITTEN_ON =
  /^(?:我看了?|查了?)?(?:(?:公司|厂|厂子|店|单位|老板)(?:的)?)?(?:营业执照|执照|工牌|厂牌|胸牌|工作证|劳动合同|合同|工资条|工资单|招牌|牌子|门头|发票|收据|欠条|社保记录)(?:上面?|里面?)(?:(?:写|印)(?:的|着))?(?:的)?(?:名字|名称|全称|全名|单位名称?|公司名称?|公司名字?|抬头|单位)?(?:是|叫|写的是|写着|为|:|：)?/u;

/** A building said alone (`就2号楼那边`, `3栋`, `B座`, `五号楼那里`): a part of a site, not a unit. */
const BUILDING_ONLY = /^(?:就|就是|在|就在|是)?(?:那个|这个)?(?:[0-9]{1,3}|[A-Za-z]|[一二三四五六七八九十]{1,3})(?:号楼|号楼栋|栋楼?|幢楼?|座楼?|单元|楼)(?:那边|那里|那块|这边|这里|附近|那儿|这儿)?(?:的)?(?:工地)?$/u;

/** The employer named by a direct answer to "欠您工资的单位叫什么": the name without its frame or descriptors. */
export function employerFromAnswer(text: string, isPlace: (name: string) => boolean = () => false): string | null {
  const clauses = text.split(/[,，。;；!！\s]+/u).filter(Boolean);
  for (const said of clauses) {
    // `我在鑫源厂`: where the person works; the 我 is no part of the name.
    // `应该是好再来饭店吧`, `好像是鑫源厂`: the name, without the hedge around it (`星光网吧` keeps its 吧).
    const sure = said
      .replace(/^(?:我|俺)?(?:记得)?(?:应该|好像|好象|可能|大概|估计|似乎|貌似)(?:是|叫|叫做)(?=[\p{Script=Han}A-Za-z]{2})/u, '')
      .replace(/(?<=(?:公司|厂|店|馆|楼|超市|商场|集团|中心|项目|工地|物业|酒店|宾馆|医院|学校))(?:吧|吧吧|啊|呀|呢|嘛|哦|噢|啦|的吧)$/u, '')
      // `刘大壮啊`, `老板叫刘大壮呀` (voice input ends a name with the breath after it): the name, without it.
      .replace(/(?<=[\p{Script=Han}]{2})(?<![哇咿哈嘻嘿呀啊哦噢嘛])(?:啊|呀|嘛|哦|噢)+$/u, '');
    // `就在河西街道滨江路18号`: where the unit is (an address), never its name.
    if (/^(?:就|也)?(?:在|位于)/u.test(sure) && /[路街巷道]\S{0,6}号|[路街巷]$|工业园|开发区/u.test(sure) && !ORG_SUFFIX.test(sure.replace(/(?:里|那边|那里|附近|旁边)$/u, ''))) continue;
    // `我们老板开的好再来饭店`, `是我老乡开的鑫源厂`: whose it is, said before the name, is no part of it.
    const owned = OWNED_BY.exec(sure);
    // `老乡开的店 店叫好再来`: whose it is and only its kind (店, 厂): no name in this clause (「老乡开」 was proposed);
    // the name said after it, if any, is the one.
    if (owned && GENERIC_ORG.test(owned[1]!)) continue;
    // `陈老板娘开的 叫老地方粉店`: only who opened it, no name in this clause (「陈老板娘开」 was kept, unconfirmed); the
    // name said after it, if any, is the one.
    if (/^(?:是|就是)?[\p{Script=Han}]{1,6}?(?:老板娘|老板|包工头|工头|老总|老乡|亲戚|朋友|熟人|老表)?(?:自己)?(?:开|办|搞|承包)的$/u.test(sure) && /(?:老板娘|老板|包工头|工头|老总|老乡|亲戚|朋友|熟人|老表|[老小阿][\p{Script=Han}])(?:自己)?(?:开|办|搞|承包)的$/u.test(sure)) continue;
    // `老板是四川人 大家都叫他刘老板`: where the boss is from, never the unit's name (「四川人」 was proposed).
    if (/^(?:那个|我们)?(?:老板娘|老板|包工头|工头|老总)(?:是|也是)(?:个|一个)?[\p{Script=Han}]{1,5}人$/u.test(sure)) continue;
    // `我和老公在饭店干`: the companions are no part of the name either.
    const clause = withoutCompanions(owned && ORG_SUFFIX.test(owned[1]!) ? owned[1]! : sure).replace(/^(?:我|俺)(?:一直|之前|以前|原来|就)?(?=在)/u, '');
    // `工牌上写的是鑫源劳务`: the name as written on something, without where it is written (「工牌上写」 was kept).
    // `营业执照上的全称是…` too (WRITTEN_ON: 「营业执照上」 was kept).
    const onPaper = WRITTEN_ON.exec(clause);
    let c = (onPaper && /^[\p{Script=Han}A-Za-z]{2}/u.test(clause.slice(onPaper[0].length)) ? clause.slice(onPaper[0].length) : clause)
      .replace(/^[\p{Script=Han}]{1,4}上面?(?:写|印)(?:的|着)(?:是|叫)?(?=[\p{Script=Han}A-Za-z]{2})/u, '')
      .replace(EMPLOYER_FRAME, '');
    // `老板叫陈德贵就是开那个砖厂的` (spoken, no comma): a person's name said after 叫, then what he is; the name
    // alone (never 「陈德贵就是开那个砖厂」 kept as the name).
    const spokenOn = /^([\p{Script=Han}]{2,3}?)(?:就是|然后|他是|他在|他开|是开|开(?:了)?(?:一个|一家|个|家|那个|这个))/u.exec(c);
    if (spokenOn && c !== clause && /叫/u.test(clause.slice(0, clause.length - c.length)) && calledLikeAPerson(spokenOn[1]!)) c = spokenOn[1]!;
    // `老板是本地的叫黄三`: what the boss is, then his name after 叫: the name (「本地」 was kept).
    const calledAfter = /^[\p{Script=Han}]{1,8}?的(?:人)?(?:叫|名叫|叫做)([\p{Script=Han}]{2,3})$/u.exec(c);
    if (calledAfter && calledLikeAPerson(calledAfter[1]!)) c = calledAfter[1]!;
    // `只知道是做电子的`: what it does, not what it is called.
    if (DESCRIPTOR.test(c)) continue;
    // `在鑫源厂 老板跑了`: a factory named after 在 (`在东龙厂`, `在那个厂`, `在东龙的厂` only say where).
    const placed = /^在([^\P{Script=Han}的]{2,6}?)(?:工地|厂)$/u.exec(clause);
    const namedAt = placed !== null && !isPlace(placed[1]!) && !/[那这哪个某啥]|什么/u.test(placed[1]!) && !/(?:镇|乡|街道|村|区|县|市)$/u.test(placed[1]!);
    // `我爸在宏达建筑干活`, `他在宏达建筑干活`: where the one spoken for works.
    c = c.replace(RELATIVE_AT, '');
    // `替我老公问`, `帮我爸问一下`: whom the person speaks for, not an employer.
    if (/[我你他她俺咱]|问一下|问问/u.test(c.replace(/^(?:在|给|帮|替|跟着)?/u, '').split(/干活|干的|干了|干过|上班|打工|做工|做事|做的|工作/u)[0]!)) continue;
    const work = /^(?:在|给|跟着|帮|替)?([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30}?)(?:干活|干的|干了|干过|上班|打工|做工|做事|做的|工作|干)(?:的)?$/u.exec(c);
    if (work) c = work[1]!;
    // `鸿运来酒楼做服务员`, `给金三角物流开车的`: the workplace, without the job done there.
    c = withoutJob(c);
    // `东龙镇宏达厂`: the township before the name is where it is (a question of its own), as in findEmployer.
    c = withoutTownship(c, isPlace);
    // `东北那嘎达的老板`, `镇上的老板` (then `叫赵大军`): what the boss is or where he is from, no unit's name; a unit's
    // boss (`宏达公司的老板`) keeps the unit.
    const bossOf = /^(.{1,12}?)的(?:个人|私人)?(?:包工头|工头|老板娘|老板|老总)$/u.exec(c);
    if (bossOf && !ORG_SUFFIX.test(bossOf[1]!) && !calledLikeAPerson(bossOf[1]!)) continue;
    c = c.replace(/(?:那个|这个)?(?:楼盘|工地|项目)?$/u, (m) => (m && ORG_SUFFIX.test(c) ? '' : m)).replace(/(?:的)?(?:个人|私人)?(?:包工头|工头|老板|个体户)$/u, '');
    // `在东龙工业园的鑫源厂`, `在滨江路的宏达公司`: the unit, after where it is.
    const located = /^(.{2,}?)的([^的]{2,})$/u.exec(c);
    if (located && /(?:工业园|工业区|开发区|产业园|科技园|园区|路|街|巷|号|大厦|广场|小区|花园|村|镇|社区|街道)$/u.test(located[1]!) && ORG_SUFFIX.test(located[2]!) && !GENERIC_ORG.test(located[2]!)) c = located[2]!;
    // `在宏达建筑的工地上搬砖`: the name, without the 的 that tied it to the site. (`老张的装修队`: a person's crew stays whole.)
    const whole = c;
    // `镇上开砖厂的刘老三`, `搞装修的老李`: what a person does, then the person by name: the person.
    const doerNamed = /^.{0,8}?(?:开|做|搞|干|卖|弄)[^的]{1,6}的((?:老|小|阿)[\p{Script=Han}]{1,2}|[\p{Script=Han}]{2,3})$/u.exec(c);
    if (doerNamed && calledLikeAPerson(doerNamed[1]!) && !ORG_SUFFIX.test(doerNamed[1]!)) c = doerNamed[1]!;
    else if (!ownedBy(c)) c = c.replace(/的(?:工地上?|厂里|店里)?.*$/u, (m) => (m.length < c.length ? '' : m));
    // `做电子的厂`, `搞装修的公司`: what the unit does, said before its kind, never its name (「做电子」 was kept).
    if (c !== whole && /^(?:做|搞|干|开|卖|生产|弄)/u.test(c)) continue;
    // `我是焊工`: what the person does, not where.
    // `同意`, `可以`, `确认` (typed after tapping 1 for consent): a yes or no is never a name.
    // `不好意思说名字`, `在不在呀` (→ 不在), `山上帮人家种沙糖桔`: not wanting to say it, a word begun with a negation,
    // work done for a family not named: never a name.
    if (/名字|叫啥|叫什么|不好意思|人家/u.test(c) || /^[不没]/u.test(c) || /记不|想不起|不认识|不认得|不记得|不晓得|晓不得|不知道|不清楚|忘了/u.test(clause)) continue;
    if (c.length < 2 || (DESCRIPTOR.test(clause) && !namedAt) || DESCRIPTOR.test(c) || GENERIC_ORG.test(c) || isPlace(c) || NOT_SAID.test(c) || UNNAMED.test(c) || isRoleWord(c) || yesNo(clause) !== null) continue;
    if (/\d{3,}|(?<!第)[一二三四五六七八九十两几]+(?:个月|个人|个|人|块|元|万|千|号)/u.test(c)) continue;
    // `就2号楼那边`, `3栋`, `B座那里`: a building of a site or an estate, where the work is, never the unit's name.
    if (BUILDING_ONLY.test(c) || BUILDING_ONLY.test(clause)) continue;
    // `我和老王`, `我跟我哥`: the person and someone beside them (the 我 framed off), never a name.
    if (/^(?:和|跟|与|同)/u.test(c)) continue;
    // `在人家家里做钟点工`: a family not named (人家, 别人家), never a name.
    if (/^(?:一户|一家|那户|这户)?(?:人家|别人|他人|雇主|东家|主人|主家)(?:家)?(?:里|那里|那边)?(?![\p{Script=Han}]{0,2}(?:公司|厂|店))/u.test(c)) continue;
    const p = parseOrgName(c);
    if (p.ok) return p.value;
  }
  return null;
}

/**
 * A workplace with the job done there after it (`鸿运来酒楼做服务员`,
 * `给金三角物流开车的`): the workplace alone. Only when what is left ends
 * like an organisation and the job is a few characters.
 */
/** Work done at a unit, after it (`做服务员`, `开车的`), in a part of it (`后厨洗碗`, `车间做工`). */
const JOB_TAIL =
  /^(?:后厨|厨房|前台|车间|仓库|里面|里)?(?:(?:做|当|干|开|送|搬|跑|打|看|管|帮|修|扛|拉|装|卸|洗|烧|煮)[\p{Script=Han}]{0,5}|[\p{Script=Han}]{0,4}(?:员|工|师|师傅|手|司机|保安|保洁|保姆|厨|帮工|学徒|杂工|小工|大工|主管|经理|会计|文员))的?$/u;
function withoutJob(text: string): string {
  const c = text.replace(/^(?:在|给|帮|替|跟)/u, '');
  // A name that itself ends as a unit's (`青溪宏达建筑工程有限公司`) has no work after it: nothing to cut (checked once,
  // not at every cut below).
  if (ORG_SUFFIX.test(c)) return text;
  const chars = [...c];
  for (let cut = chars.length - 1; cut >= 2; cut--) {
    const head = chars.slice(0, cut).join('');
    const tail = chars.slice(cut).join('');
    // The tail is work done (`做服务员`, `开车的`, `收银员`), not the rest of a name (`人力无忧`).
    if (JOB_TAIL.test(tail) && ORG_SUFFIX.test(head)) return head;
  }
  return text;
}

/**
 * `东龙镇宏达厂`, `白沙镇那个鑫隆五金厂`: a unit named after the township it is
 * in; the name without the place (where they worked is a question of its
 * own). Only when what is left is named like a unit (`东龙镇政府` stays).
 */
function withoutTownship(name: string, isPlace: (name: string) => boolean): string {
  // `新塘村那个好再来饭店`: a village pointed from (那个, 那家) is where the unit is, whichever village it is.
  const village = /^[\p{Script=Han}]{2,4}?(?:村|社区)(?:的)?(?:那个|那家)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30})$/u.exec(name);
  if (village && ORG_SUFFIX.test(village[1]!) && !GENERIC_ORG.test(village[1]!) && !/[我你他她这那是]/u.test(village[1]!)) return village[1]!;
  // `滨江路88号那个好再来饭店`: an address pointed from (那个, 那家) is where the unit is, no part of its name.
  const address = /^[\p{Script=Han}]{1,6}?[路街巷道][0-9一二三四五六七八九十百零〇]+号(?:的)?(?:那个|那家)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30})$/u.exec(name);
  if (address && ORG_SUFFIX.test(address[1]!) && !GENERIC_ORG.test(address[1]!) && !/[我你他她这那是]/u.test(address[1]!)) return address[1]!;
  // `东龙镇上的宏达电子厂`, `东龙镇那边的宏达电子厂`: where in the township, no part of the name either.
  // `柳溪乡下面的养殖场`: 下面 too (「下面的养殖场」 was proposed as a unit's name).
  const m = /^([\p{Script=Han}]{2,4}?(?:镇|乡|街道))(?:(?:上|里|那边|这边|那里|这里|下面|底下|下边)?的|那个|那家)?([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30})$/u.exec(name);
  if (!m || !isPlace(m[1]!)) return name;
  const rest = m[2]!;
  return ORG_SUFFIX.test(rest) && !GENERIC_ORG.test(rest) && !/[我你他她这那是]/u.test(rest) ? rest : name;
}

/** Sounds and pointing words a spoken answer starts with (`呃`, `就是`, `那个`, `就是那个`), commas between them. */
const SOUNDS_FIRST = /^(?:(?:[嗯呃额啊哦噢唔]+|也就是|就是|就(?=那个|这个|那家|这家)|那个|这个|那家(?!人)|这家(?!人))[,，、]*)+/u;

/** Cues around an employer named inside a sentence. */
/** A unit named by 叫 in a clause of its own (`饭店叫李记饭庄`, `厂子叫鑫源电子`), the name in group 1. */
const UNIT_CALLED_CLAUSE = /(?:^|[\s,，。;；!！])(?:我们|俺们)?(?:的)?(?:公司|单位|厂子|厂家|工厂|厂|饭店|餐馆|酒店|超市|店)(?:的)?(?:名字)?(?:叫|名叫|叫做)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30}?)(?=[,，。.!！\s]|$)/u;

const EMPLOYER_CUES: RegExp[] = [
  // 老板叫刘大壮 / 包工头王建军欠我 / 包工头是李德福
  // 包工头老刘一分钱没给, 老板老王都不给钱: what he did (or did not) after the name ends it.
  /(?:老板|包工头|工头|老板娘|东家|雇主)(?:名字)?(?:叫|是|姓名是)?([\p{Script=Han}]{2,3}?)(?=[,，。.!！\s]|个人|包工头|老板|$|他|她|欠|拖|不给|没给|跑|一分|一毛|一直|一点|都|也|还|从来|始终|总是|老是|又|就是不|不|没|带(?:我|俺|着我|着俺|我们|俺们|大家|工人))/u,
  // 在宏达建筑干了三个月 / 给青溪纺织厂打工
  // 在美团上接单: the platform one takes orders on.
  // `在宏达建筑工地上搬砖的`: what they did on a unit's site, whatever the work word (the site is dropped below).
  // `老乡介绍我到宏达建筑的工地上扎钢筋`: brought to a unit's site.
  /(?:在|给|帮|替|(?<=(?:介绍|带|叫|喊)(?:我|我们|俺|俺们)?)到)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30}?)(?:干活|干了|干过|上班|打工|做工|做事|做了|工作|干|当|做|上(?:面)?(?:接单|跑单|抢单|接活)|(?<=工地)(?=上?(?:搬|扎|绑|砌|抹|刷|焊|拉|扛|开|看|做|干|打)))/u,
  // 跟着张国庆干的
  /跟着([\p{Script=Han}]{2,3})(?:干|做|打工|跑)/u,
  // 公司叫…
  /(?:公司|单位|厂子|厂家|厂)(?:叫|名字叫|名叫|是)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30}?)(?=[,，。.!！\s]|$)/u,
  // A family named by its head (household work): 给刘先生家当保姆, 在王阿姨家做钟点工
  /(?:给|在|帮|替)([\p{Script=Han}]{1,3}(?:先生|女士|阿姨|大姐|大哥|老师|老板|奶奶|爷爷|大爷)家)(?:里)?(?:当|做|带|干|看|照顾|伺候|打扫)/u,
  // The boss said to be a unit (`老板是好再来饭店的`, `不对 老板是宏达建筑`): only a name of a unit (ORG_SUFFIX).
  /(?:老板|东家|雇主)(?:是)([\p{Script=Han}A-Za-z0-9·（）()&-]{2,30}?)(?:的)?(?:人|老板)?(?=[,，。.!！\s]|$)/u,
  // `王总欠我工资`: the boss called by surname and 总, opening a clause, said to owe wages (the surname checked below;
  // not `王总不给我买社保`, nor `王总欠我钱`, a debt perhaps).
  /(?:^|[,，。.!！])([\p{Script=Han}]总)(?=(?:一直|还)?(?:欠|拖欠|拖|不给|没给|不发|没发)(?:了|着)?(?:我|俺|我们|俺们)?(?:的)?(?:[一二两三四五六七八九十几半\d]+个(?:多)?月(?:的)?)?(?:工资|工钱|血汗钱))/u,
];

/**
 * For each of EMPLOYER_CUES, words it cannot match without (each cue opens with one of them): 老板娘 holds 老板, 包工头
 * holds 工头, 厂子 and 厂家 hold 厂.
 */
const EMPLOYER_CUE_WORDS: readonly RegExp[] = [/老板|工头|东家|雇主/u, /[在给帮替到]/u, /跟着/u, /公司|单位|厂/u, /[给在帮替]/u, /老板|东家|雇主/u, /总/u];

/** `包工头姓刘叫刘大壮`: the boss's surname, then his name. */
const BOSS_SURNAME_NAME =
  /(?:老板|老板娘|包工头|工头|东家|雇主)姓([\p{Script=Han}])[,，]?(?:叫|名叫|全名叫|名字叫)(\1[\p{Script=Han}]{1,2}?)(?=[,，。.!！\s]|$|他|她|欠|拖|不给|没给|跑|电话|手机|个人)/u;

/**
 * Words that start a new clause in a spoken run-on after a name (`厂子叫金利塑料老板姓陈的我在里面做了两年了`): who is
 * spoken of next (老板, 我在, 我们), what was done there (做了, 干了, 的时候), or the wrong itself (`叫顺达物流 三个月没发工资了`:
 * 三个月, 欠, 拖, 没发, 工资).
 */
const RUN_ON_CLAUSE = /(?:老板娘|老板|包工头|工头|老总|我在|我们|俺们|我也|我就|我是|俺在|在里面|在那里|在那边|在这里|做了|干了|待了|呆了|上了|的时候|[一二两三四五六七八九十几半\d]+个(?:多)?月|欠|拖|没发|没给|工资|工钱)/u;

/**
 * A name read after 叫/是 in words run together by voice input: the name up to the first word that starts a new clause
 * (「金利塑料」, never 「金利塑料老板姓陈的我在里面做了两年了」). Never cut where what would be left is under two characters
 * (`大老板烧烤`), nor where the rest goes on to a kind of unit (`金牌老板娘饭店`, `金牌老板娘餐饮公司欠我…` keep it).
 */
export function beforeRunOn(name: string): string {
  const m = RUN_ON_CLAUSE.exec(name);
  if (!m || m.index < 2) return name;
  // `金牌老板娘餐饮公司欠我工资`: the words after it go on to a kind of unit, so they are the name's. Only at once: a unit
  // word further on, past someone or something said (`…老板姓陈的我在里面做了两年了这个厂`), is in another clause.
  // Only a role word can belong to a name that goes on (`金牌老板娘饭店`); `我在`, `三个月`, `欠` never do.
  if (!/^(?:老板娘|老板|包工头|工头|老总)$/u.test(m[0])) return name.slice(0, m.index);
  const rest = [...name.slice(m.index)];
  const goesOn = rest.some(
    (_, i) => i >= m[0].length && i < m[0].length + 6 && ORG_SUFFIX.test(rest.slice(0, i + 1).join('')) && !/[我你他她俺的了在姓叫是]/u.test(rest.slice(m[0].length, i + 1).join('')),
  );
  return goesOn ? name : name.slice(0, m.index);
}

/** A workplace not named (`那个什么厂`, `哪个公司`, `某某厂`, `不知道叫啥的厂`). */
const UNNAMED = /什么|啥|哪|某|不知道|不晓得|不清楚|忘了|记不得/u;

/** What a person is called by (`刘大壮`, `老张`, `小李`, `阿强`): starts with a known surname, or 老/小/阿/大 and one. */
function calledLikeAPerson(name: string): boolean {
  return knownSurname(name) !== null || (/^[老小阿大]/u.test(name) && knownSurname(name.slice(1)) !== null);
}

/** `老张的装修队`, `刘大壮的施工队`: a crew, a shop or a works of a person said by name or as called. */
function ownedBy(name: string): boolean {
  const m = /^([\p{Script=Han}]{2,4})的([\p{Script=Han}]{1,6})$/u.exec(name);
  return m !== null && calledLikeAPerson(m[1]!) && !ORG_SUFFIX.test(m[1]!) && ORG_SUFFIX.test(m[2]!) && !/^(?:工地|工程|建筑|项目部|车间)$/u.test(m[2]!);
}

/** `宏达建筑那个工地`, `宏达建筑的工地上`, `宏达电子的厂里`: the unit whose site it is, when what is left is named like a unit. */
function withoutSite(name: string): string {
  const m = /^(.{2,}?)(?:(?:的|那个|这个|那边的?|这边的?)?(?:工地上?|楼盘)|(?:的|那个|这个)项目|的(?:厂里|店里|车间))$/u.exec(name);
  return m && ORG_SUFFIX.test(m[1]!) && !GENERIC_ORG.test(m[1]!) ? m[1]! : name;
}

/**
 * A cue's match; for `在…干活` (`withAnother`) not one spanning words about
 * someone (`帮我爸问一下他在宏达建筑干了`): the match from the next cue word on.
 */
function cueMatch(re: RegExp, text: string, withAnother: boolean): RegExpExecArray | null {
  let from = 0;
  for (let tries = 0; tries < 5; tries++) {
    const m = re.exec(text.slice(from));
    if (!m || !withAnother || !/[我你他她俺咱]|问/u.test(m[1]!)) return m;
    from += m.index + 1;
  }
  return null;
}

/**
 * The employer a sentence names: `老板叫刘大壮` → 刘大壮; `在宏达建筑干了三个月`
 * → 宏达建筑; `宏达建筑欠我们工资` → 宏达建筑. A place (`在河西街道干活`), a
 * kind of workplace (`在工地干活`, `装修公司欠我工资`) is not an employer.
 */
export function findEmployer(text: string, isPlace: (name: string) => boolean = () => false): string | null {
  const found = findEmployerIn(text, isPlace);
  // `请假了`, `还没走`: whether they still work there, never the employer's name.
  return found !== null && findStillEmployed(found) !== null ? null : found;
}

function findEmployerIn(text: string, isPlace: (name: string) => boolean): string | null {
  // `老板是个包工头叫老陈`: what the boss is, then his name: read as `包工头叫老陈` (「是个」 stopped the boss's cue).
  const s = text.replace(/\s+/g, ' ').replace(/(?:老板娘|老板)(?:就)?是(?:个|一个)(?=(?:包工头|工头)(?:叫|名叫|姓))/u, '');
  // The words run together, read by several cues below (made once).
  const joined = s.replace(/\s+/g, '');
  // `老板叫刘大壮` names the boss; `包工头姓刘叫刘大壮` too (the surname said first).
  const bossSurname = BOSS_SURNAME_NAME.exec(joined);
  if (bossSurname) {
    const p = parseOrgName(bossSurname[2]!);
    if (p.ok) return p.value;
  }
  for (const [i, re] of EMPLOYER_CUES.entries()) {
    // A cue whose words are not in the message (spaces dropped: `老 板` is still 老板) cannot match, spaced or not.
    if (!EMPLOYER_CUE_WORDS[i]!.test(joined)) continue;
    // `老板叫刘建国 公司名字不知道`: the space ends the boss's name as a comma would (run together, 公司 would not).
    // Only a boss's: a foreman named so (`包工头叫刘德明 电话…`) is the labour contractor, not the employer.
    // (`s` has its spaces single already: it is the text spaced so.)
    const spaced = i === 0 ? cueMatch(re, s, false) : null;
    const m = cueMatch(re, joined, i === 1) ?? (spaced && /^(?:老板|老板娘|东家|雇主)/u.test(spaced[0]) ? spaced : null);
    if (!m) continue;
    let name = m[1]!
      // `在白沙镇那个鑫隆五金厂做事`: the place and the pointing word before the name are not part of it.
      // `在河西街道那边的河西物业`: 那边的 is pointing too.
      .replace(/^[\p{Script=Han}]{2,4}?(?:镇|乡|街道)(?:的|那边的?|这边的?|那里的?|一带的?)?(?=[\p{Script=Han}]{2})/u, (p) =>
        isPlace(p.replace(/(?:的|那边的?|这边的?|那里的?|一带的?)$/u, '')) ? '' : p,
      )
      .replace(/^(?:那边的?|这边的?|那里的?)/u, '')
      // A measure word before the name is no part of it; a bare 家 is, unless only a kind of place follows (`家饭店`,
      // caught as unnamed below): 家乐福, 家家悦, 家政公司 start with it.
      .replace(/^(?:一个|一家|个|那个|这个|那家|这家|一间|那间|这间)/u, '')
      // `一个叫宏达建筑的公司`: the name said, not the kind of place.
      .replace(/^叫([\p{Script=Han}A-Za-z0-9]{2,20}?)的(?:公司|工厂|厂|单位|工地)$/u, '$1');
    // `厂子叫金利塑料老板姓陈的我在里面做了两年了`: a unit's name said after 叫/是 ends where a new clause starts.
    if (i === 3 || i === 5) name = beforeRunOn(name);
    // `在那个什么厂上班`, `在哪个公司`: a workplace not named.
    if (UNNAMED.test(name)) continue;
    if (i === 1) {
      // `在老张的装修队干活`: the crew of a person named by how he is called, the two together.
      if (ownedBy(name)) {
        const p = parseOrgName(name);
        if (p.ok) return p.value;
      }
      // `在宏达建筑那个工地干活`, `在宏达建筑的工地上干活`: the unit, without the site of it pointed at.
      const site = withoutSite(name);
      if (site !== name) name = site;
      // `在河西街道锦绣社区的楼盘干活`: the part after the last 的 names the kind of work, not the employer.
      else if (/的/.test(name)) name = name.slice(name.lastIndexOf('的') + 1);
      if (!ORG_SUFFIX.test(name)) continue;
      // `暑假在奶茶店打工`, `在物业做保洁`: a kind of place by what is done there, not what it is called.
      if (TRADE_KIND_ALONE.test(name)) continue;
    }
    if (i === 5 && (!ORG_SUFFIX.test(name) || UNNAMED.test(name))) continue;
    // (`老总欠我工资`: no surname, no name.)
    if (i === 6 && knownSurname(name[0]!) === null) continue;
    // `包工头张三带我们干的，总包是中建三局`: the foreman who brought them, with a contractor above him named: who owes
    // is asked, never guessed (alone, `包工头老张带我们…` names the one who owes).
    if (i === 0 && /总包|分包|总承包|承包单位/u.test(joined) && joined.includes(`${name}带`)) continue;
    if (i === 0) {
      // `老板姓刘`: a surname, kept as staff write it (刘老板), never as the name 「姓刘」.
      const surname = /^姓([\p{Script=Han}])$/u.exec(name);
      const role = /老板娘|老板|包工头|工头|东家|雇主/u.exec(m[0])?.[0];
      // `雇主姓张`: a family's or a private person's surname, no name to build (「张雇主」 was proposed): left to the question.
      if (surname && role && !/^(?:雇主|东家)$/u.test(role) && !/[啥什么名不]/u.test(surname[1]!)) {
        // `在宏达干 宏达建筑 老板姓刘`: a unit named in a clause of its own is whom they work for, before a boss made
        // from a surname (刘老板 was proposed, the unit dropped).
        const unit = s.split(/[\s,，。;；!！]+/u).find((c) => /^[\p{Script=Han}A-Za-z0-9·]{3,20}$/u.test(c) && ORG_SUFFIX.test(c) && !GENERIC_ORG.test(c) && !UNNAMED.test(c) && !isPlace(c) && !/[我你他她俺欠拖给没不姓叫]/u.test(c));
        // `老板姓李 饭店叫李记饭庄 欠我三个月工资`: the unit named by 叫 in a clause of its own, before the surname-boss too.
        const calledRaw = unit ? null : UNIT_CALLED_CLAUSE.exec(s)?.[1];
        const called = calledRaw ? beforeRunOn(calledRaw) : null;
        const namedUnit = called && !UNNAMED.test(called) && !GENERIC_ORG.test(called) && !isPlace(called) && !/什么|啥|不知道/u.test(called) && parseOrgName(called).ok ? called : null;
        const p = parseOrgName(unit ?? namedUnit ?? `${surname[1]}${role}`);
        if (p.ok) return p.value;
      }
      if (/^姓/u.test(name)) continue;
    }
    if (i === 0 || i === 2) {
      if (/^(?:的|是|叫|说|也|都|还|就|他|她|人|们|一|两|几|晓得|知道|不|没)/u.test(name) || /晓得|知道|一分|钱/u.test(name) || NOT_A_NAME.test(name)) continue;
      // `老板呢一直拖着`, `老板莫得给`: a particle or a dialect "has not", never a boss's name; a name starts with a surname.
      if (/^[呢啊吧嘛呀哦嗯哈咧噻嘞]|莫得|没得|么得|木得|冇|木有|没有|给/u.test(name) || !calledLikeAPerson(name)) continue;
      // What the boss does, not who they are: 老板拖着不给钱, 包工头跑路了, 老板故意压着.
      // So is 赖账, 赖着, 耍赖 (`老板赖账不给钱`, `包工头赖着不给`).
      if (/^[拖欠跑扣压卷把给让又总天故突直已现到在要想去来拿带根始先只才再硬死家那这电手微跟和对被从赖耍骗坑]/u.test(name)) continue;
    }
    if (GENERIC_ORG.test(name) || kindAfterWhere(name) || isPlace(name)) continue;
    const p = parseOrgName(name);
    if (p.ok) return p.value;
  }
  // The whole message a unit named after its township (`东龙镇宏达厂`): the unit, and the place is found as the place.
  // Sounds and pointing words before it (`呃就是那个东龙镇宏达电子厂`) are no part of either.
  // So are the sounds after it (`…好再来饭店吧`): the unit is confirmed with the place, as anything read here is.
  const whole = s.replace(/[\s。！!]+/gu, '').replace(SOUNDS_FIRST, '').replace(/(?<=[\p{Script=Han}]{2})[吧啊呀呢哦嘛]+$/u, '');
  const unit = withoutTownship(whole, isPlace);
  if (unit !== whole && unit.length >= 3) {
    const p = parseOrgName(unit);
    if (p.ok) return p.value;
  }
  // A company named on its own before the wrong it did: 宏达建筑欠我们工资, 青溪纺织厂拖我工资.
  // A while may come between (`鸿发砖厂半年没发工资`).
  // Clause by clause too: in `我要反映欠薪 宏达建筑欠我8000块` the first 欠 (of 欠薪) would end the name too early.
  const said = [joined, ...s.split(/[\s,，。;；!！]+/u).filter(Boolean)];
  for (const [k, clause] of said.entries()) {
    const unit = unitBeforeWrong(clause, isPlace);
    // `我在石岭镇开叉车 物流公司欠我…`: the job said before a space is never glued onto the unit after it.
    if (unit && k === 0 && gluedToJob(s, unit)) continue;
    if (unit) return unit;
  }
  // `老板欠我工资 两个月了 一共8000 在好再来饭店 河西街道`: a unit said after 在 in a clause of its own, no work word with
  // it; only a name of a shop, a restaurant, a company or a factory (never a bare kind of place, a place, one not named).
  // (`她在新时代服装厂 被欠工资了`: where the one spoken of works, when no one else's workplace is said: the unit.)
  // `我们8个人一共被欠了7万4 青溪纺织厂的`: a unit said last in a clause of its own with 的 (who they are with), the
  // same kinds of names.
  const clauses = s.split(/[\s,，。;；!！]+/u).filter(Boolean);
  for (const [k, clause] of clauses.entries()) {
    // `东龙镇宏达建筑的工地 干了三个月 老板一毛不给`: the site of a unit opening the message, pay withheld told after it.
    const site = k === 0 && clauses.length > 1 && WRONG_OR_BOSS.test(clauses.slice(1).join('')) ? SITE_OPENING.exec(clause) : null;
    const at =
      AT_UNIT_CLAUSE.exec(clause) ??
      (k > 0 ? AT_COMPANY_CLAUSE.exec(clause) : null) ??
      (k === clauses.length - 1 && k > 0 ? FROM_UNIT_LAST.exec(clause) : null) ??
      (site && ORG_SUFFIX.test(withoutTownship(site[1]!, isPlace)) ? site : null);
    if (!at) continue;
    if (/^[他她]/u.test(clause) && /(?:我|俺)(?:就|是|一直|现在)?在/u.test(joined)) continue;
    const name = withoutTownship(at[1]!, isPlace);
    if (UNNAMED.test(name) || GENERIC_ORG.test(name) || isPlace(name) || /[我你他她俺咱这那是欠拖给没不想要]/u.test(name) || isRoleWord(name)) continue;
    const p = parseOrgName(name);
    if (p.ok) return p.value;
  }
  return keywordEmployer(text, isPlace);
}

/** What the person does, said before the unit (`开叉车`, `当保安`, `做保洁`): a verb of work and a few characters. */
const JOB_WORDS = /^(?:开|当|做|干|送|跑|搬|扛|拉|装|卸|修|看|打|跟|帮)[\p{Script=Han}]{1,4}$/u;

/**
 * Whether `unit`, read from the message without its spaces, runs across a space whose words before it are a job
 * (`开叉车 物流公司` → 开叉车物流公司, `当保安 物业公司`), or is where they work (`电子厂上班 公司欠我`): no part of the name.
 */
/** A yes said alone before a space (`同意`, `好的`, `可以`): never part of a name after it. */
const AGREED_FIRST = /^(?:同意|我同意|好的?|行|可以|没问题|嗯+|对|是的?|ok|OK)$/u;

function gluedToJob(spaced: string, unit: string): boolean {
  const chars = [...unit].map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const m = new RegExp(chars.join('\\s*'), 'u').exec(spaced);
  if (!m || !/\s/u.test(m[0])) return false;
  const head = m[0].split(/\s/u)[0]!;
  // `电子厂上班 公司欠我`: where they work and the work verb, then another clause; never one name.
  // `同意 宏达建筑欠我…` at the consent, `好的 宏达建筑…`: a yes said first, never the unit's first word.
  return JOB_WORDS.test(head) || isRoleWord(head) || /(?:上班|干活|打工|做事|做工|工作)$/u.test(head) || AGREED_FIRST.test(head);
}

/** What {@link unitBeforeWrong}'s reading needs after the name: one of these characters or words. */
const WRONG_OR_BOSS = /[欠拖给发]|老板/u;

/**
 * `我是新塘村的 在村里的砖厂干活`: where someone is from, then 在 and a kind of workplace said by where it is (村里的砖厂):
 * no name (「新塘村的在村里的砖厂」 was proposed). Only the words after the last 在 are what the person works at; a kind
 * after 的 there (砖厂, 饭店) names none, unless a person's (`老张的砖厂`).
 */
function kindOfSomewhere(name: string): boolean {
  const at = name.lastIndexOf('在');
  const place = at > 0 && name.length - at > 2 ? name.slice(at + 1) : name;
  if (ownedBy(place) || !place.includes('的')) return place !== name && GENERIC_ORG.test(place);
  const head = place.slice(0, place.lastIndexOf('的'));
  return /(?:村|镇|乡|街|区|县|市|里|上|边|这|那|附近|我们|俺们|咱们)$/u.test(head) && GENERIC_ORG.test(place.slice(place.lastIndexOf('的') + 1));
}

/**
 * A company named on its own before the wrong it did (`宏达建筑欠我们工资`), or before its boss who did it
 * (`好再来饭店老板欠我工资`), in one run of words.
 */
function unitBeforeWrong(text: string, isPlace: (name: string) => boolean): string | null {
  // The wrong (欠, 拖, 不给, 没给, 不发, 没发) or the boss (的老板, 老板…) the name must stand before: none, no name.
  if (!WRONG_OR_BOSS.test(text)) return null;
  const bare = /([\p{Script=Han}A-Za-z0-9·（）()]{2,24}?)(?=(?:[一二三四五六七八九十两半几\d]+个?(?:多)?(?:月|年|天|礼拜|星期)(?:了|多)?|都|一直|还|也|已经)*(?:欠|拖|不给|没给|没发|的老板|老板(?:娘)?(?:[一二三四五六七八九十两半几\d]+个?(?:多)?(?:月|年|天)(?:了|多)?|都|一直|还|也|已经)*(?:欠|拖|不给|不发|没给|没发|跑|赖)))/u.exec(text);
  if (bare) {
    // `他工地老板欠他工资`: whose workplace (他, 她) is not part of a name either; nor 被 (`被宏达建筑欠了二十多万`).
    // A number said in words (`电话幺三八零零幺三八零零零`) ends what came before it as digits do: never part of a name.
    const cut = bare[1]!.replace(/^(?:.*(?:[,，。\d]|[幺零〇一二两三四五六七八九]{7,}))?(?:我们|我|俺|他们|她们|他|她|在|给|是|就是|被|那个|这个|那家|这家|一家|一个)*/u, '');
    // `2025年10月进厂的老板…`: a date and what happened then (月进厂), not a name.
    const dated = /^(?:年|月|日|号|天|周|个|多)/u.test(cut) || /进(?:了|的)?(?:厂|公司|工地)/u.test(cut);
    const name = cut
      // `我老公在东莞一个鞋厂…`: whose work it is, and 在, are no part of the name (「老公在东莞一个鞋厂」 was proposed).
      .replace(/^(?:老公|老婆|丈夫|媳妇|爱人|对象|爸爸|妈妈|爸|妈|儿子|女儿|哥哥|弟弟|姐姐|妹妹|哥|弟|姐|妹)(?:是|一直|现在|以前)?(?:在|给)(?=[\p{Script=Han}]{2})/u, '')
      // `梅岗镇鸿发砖厂`, `马坪镇的一家电子厂`: the place (and the pointing word) before the name is where it is, not part of it.
      .replace(/^[\p{Script=Han}]{2,4}?(?:镇|乡|街道)(?:的)?(?:一家|一个|那个|这个|那家|这家)?(?=[\p{Script=Han}]{2})/u, (m) =>
        isPlace(m.replace(/(?:的)?(?:一家|一个|那个|这个|那家|这家)?$/u, '')) ? '' : m,
      )
      // `阳光家政公司当保姆公司欠我`: the unit before the job done there; `小区做保洁的物业`: no name at all.
      .replace(/^(.+?)(?:当|做|干)[\p{Script=Han}]*$/u, (_m, head: string) => (/(?:有限公司|公司|集团|厂)$/u.test(head) ? head : ''));
    if (!dated && ORG_SUFFIX.test(name) && name.length >= 3 && !GENERIC_ORG.test(name) && !kindAfterWhere(name) && !kindOfSomewhere(name) && !isPlace(name) && !UNNAMED.test(name) && !/^的|我|你|想|要|反映|说|被|这|那|是/u.test(name)) {
      const p = parseOrgName(name);
      if (p.ok) return p.value;
    }
  }
  return null;
}

/**
 * A message typed as keywords (`欠薪 东龙镇 宏达建筑 12000 3个月 王大军 138…`): three or more
 * short words, split by spaces or commas. Null when it is not one.
 */
export function keywords(text: string): string[] | null {
  const words = text.trim().split(/[\s,，、;；]+/u).filter(Boolean);
  // Words, not clauses: none says who did what (`我在…`, `欠了`, `他的`).
  return words.length >= 3 && words.every((w) => [...w].length <= 20 && !/[我你他她俺咱在的了过吗呢是要想]/u.test(w)) ? words : null;
}

/** A clause that is only 在 and a unit's name (`在好再来饭店`, `我在鑫达电子厂`, `在那家川味小馆里`). */
const AT_UNIT_CLAUSE =
  /^(?:我|俺|他|她)?(?:就|是|一直|现在)?在(?:那个|这个|一家|一个|那家|这家)?([\p{Script=Han}A-Za-z0-9·]{3,16}?(?:饭店|餐厅|餐馆|饭馆|酒店|酒楼|宾馆|超市|有限公司|公司|工厂|厂|小馆|面馆|菜馆))(?:里|里面)?$/u;

/** A clause that is only the site of a unit (`宏达建筑的工地`, `东龙镇宏达建筑那个工地`): the unit (with its place) in group 1. */
const SITE_OPENING = /^(?:在)?([\p{Script=Han}A-Za-z0-9·]{3,20}?)(?:的|那个|这个)(?:工地上?|楼盘|项目|厂里|车间)$/u;

/**
 * `三个月工资没有 拿到 在宏达建筑`: a company by what it does (建筑, 劳务, 物业…) said after 在 in a clause of its own after
 * what happened, as `在宏达建筑干活` names it: the name in group 1 (two characters or more before that word, no 的 in
 * it). Not the first clause (`我在宏达建筑` alone is left as it was read).
 */
const AT_COMPANY_CLAUSE =
  /^(?:我|俺|他|她)?(?:就|是|一直|现在)?在(?:那个|这个|一家|一个|那家|这家)?((?:(?!的)[\p{Script=Han}A-Za-z0-9·]){2,16}?(?:建筑|建设|工程|装饰|劳务|物业|集团))(?:里|里面)?$/u;

/** The last clause naming the unit they are with (`青溪纺织厂的`, `是宏达建筑公司的`): the name in group 1. */
const FROM_UNIT_LAST =
  /^(?:我们|俺们|我|俺|都)?(?:是|都是)?([\p{Script=Han}A-Za-z0-9·]{3,16}?(?:饭店|餐厅|餐馆|饭馆|酒店|酒楼|宾馆|超市|有限公司|公司|工厂|厂|小馆|面馆|菜馆))的(?:人|工人|员工)?$/u;

/** Words that tell whose the next word is (`老板 刘大壮`, `包工头 电话 …`): someone else's. */
const OTHERS_WORD = /(?:老板|老板娘|包工头|工头|东家|雇主|经理|主管|班长|队长|厂长|老总|对方|他|她|爸|妈|父亲|母亲|老公|丈夫|爱人|媳妇|老婆|妻子|儿子|女儿|闺女|哥|弟|姐|妹|老乡|工友|朋友|同事|亲戚)(?:的)?(?:名字|姓名|电话|手机)?(?:是|叫)?$/u;

/** The one word of a keyword message named like a unit (`宏达建筑`, `青溪纺织厂`); null when none or several are. */
function keywordEmployer(text: string, isPlace: (name: string) => boolean): string | null {
  const words = keywords(text);
  if (!words) return null;
  const units = words.filter(
    (w, i) =>
      /^[\p{Script=Han}A-Za-z0-9·（）()&-]{3,30}$/u.test(w) &&
      ORG_SUFFIX.test(w) &&
      !GENERIC_ORG.test(w) &&
      !isPlace(w) &&
      !UNNAMED.test(w) &&
      !/^\d|[我你他她俺咱这那是欠拖给没不想要]/u.test(w) &&
      !isRoleWord(w) &&
      !(i > 0 && /^(?:总包|分包|总承包|劳务分包)/u.test(words[i - 1]!)),
  );
  if (units.length !== 1) return null;
  const p = parseOrgName(units[0]!);
  return p.ok ? p.value : null;
}

/**
 * In a keyword message, the name standing next to the phone or ID number (`… 王大军 13812345678`,
 * `张小明 450103… 138…`): a surname and two characters (three with a compound surname), not someone
 * else's (`老板 刘大壮 139…`). Two-character words are left to be asked: too many places (`白沙`, `马坪`)
 * read like one.
 */
function keywordName(text: string): string | null {
  // A name is read only beside the one phone number (11 digits) among the words: with fewer digits, none.
  if (tooFewDigitsForMobile(text)) return null;
  const words = keywords(spokenDigits(text));
  if (!words) return null;
  const phones = words.flatMap((w, i) => (/^(?:\+?86)?1\d{10}$/u.test(w) ? [i] : []));
  if (phones.length !== 1) return null;
  const numbers = words.flatMap((w, i) => (i === phones[0] || /^\d{17}[\dXx]$/u.test(w) ? [i] : []));
  const found = [...new Set(numbers.flatMap((at) => [at - 1, at + 1]))].flatMap((i) => {
    const w = words[i];
    if (!w || !/^[\p{Script=Han}]{3,4}$/u.test(w)) return [];
    const surname = knownSurname(w);
    if (!surname || [...w].length - surname.length !== 2) return [];
    if (i > 0 && OTHERS_WORD.test(words[i - 1]!)) return [];
    if (/(?:镇|乡|村|街道|街|社区|区|县|市|省|路)$/u.test(w) || ORG_SUFFIX.test(w) || isRoleWord(w) || isFormOfAddress(w) || NOT_NAMES.test(w) || NOT_NAME_WORDS.test(w)) return [];
    const p = parsePersonName(w);
    return p.ok ? [p.value] : [];
  });
  return new Set(found).size === 1 ? found[0]! : null;
}

/** Construction work said in words: 工地, 楼盘, 盖楼, 修路, 装修, 搬砖, trades of the site (钢筋, 瓦工, 架子工). (包工头 alone is not: crews have them elsewhere too.) */
export const CONSTRUCTION_WORDS =
  /工地|楼盘|盖楼|建楼|修路|铺路|修桥|架桥|装修|搞装修|搬砖|钢筋|扎钢筋|木工|泥瓦|泥水|瓦工|架子工|支模|抹灰|砌筑|砌墙|砌砖|粉刷|刷墙|水电安装|脚手架|混凝土|打桩|施工队|工程队|建筑工人|建筑工地|项目部|土建|小区工程|拆迁|盖房|建房|修房子|防水|外墙|吊装|塔吊|(?:修|建)(?:高铁|铁路|地铁|隧道|高速|公路|水库|大坝|机场|码头)|铺轨|(?:挖|打)隧道/;

/** Said before a word of leaving, it did not happen (`没走了`? `冇辞职`, `不敢走`, Cantonese 冇/未/唔 too). */
const NOT_YET = '没|还没|没有|准备|打算|想|要|快|不敢|怕|冇|未|唔';
const LEFT_WORDS = new RegExp(
  `(?:(?<!${NOT_YET})(?:(?<![收拿带搬抢拎骑抱卷扣])走[了的]|离开了|离开的|离职|辞职|辞工|辞了|辞的|辞掉|不干了|不干的|不做了|没干了|没做了|没在那|不在了|被开除|(?<!怕|会|要|要是|如果|万一|想|敢|不会|不要)开除(?:了|的(?!事|话|时候))|被开了|被辞退|辞退了?|被辞|被解雇|解雇了|被裁|把我裁了|被炒鱿鱼|炒了鱿鱼|被炒|被赶走|被(?:他们|老板|厂里|公司)?(?:给)?(?:赶出来|赶出去|撵走|撵出来|轰走|轰出来)|回老家了|回家了|回学校(?:了|去了)|返校了|散了|散伙)|老早走|早走了|早就走|早不干|早就不干|已经离开|已离开|已经走了|(?<!还)没去了|不去了|没再去|(?<!${NOT_YET})被(?:老板|厂里|公司|工头|包工头)(?:给)?(?:开了|开除了?|辞退了?|炒了)` +
    // `不在那干了`, `已经不在那边做了`, `不在厂里了`: no longer there; `老板说不要我了`, `不让我干了`: sent away.
    `|不在(?:那|那儿|那里|那边|这|这儿|这里|这边|厂里|店里|工地上?|单位|公司)(?:干|做|上班|打工)?了` +
    `|(?<!没说|没说过|没有说|还没说)不要(?:我|他|她)了|不让(?:我|他|她)(?:再)?(?:干|做|去|来|上班)了|把(?:我|他|她)(?:开了|开除了?|辞了|辞退了?|炒了))`,
  'u',
);
// `请假回老家了`: on leave, and gone home: both said, so asked (never read as gone).
const STILL_WORDS =
  /(?:请假|在请假|请着假|请了假|请了几天假|还在干|还在做|还在上班|还在那|还在厂里|还在工地|还在这家|现在还在|一直在干|目前还在|继续干着|还干着|在职|没离职|没辞职|没辞工|(?:还)?没辞(?![退掉了])|没走|还没走|人还在|(?:冇|未|唔|没有|还冇|仲未|仲冇|并没有?)(?:走|离开|离职|辞职|辞工|被开除?|被辞退?|被炒)|没被(?:开除|开|辞退|辞|炒|裁)|仲(?:喺度|喺|在)?(?:做|干|返工)(?:紧|住|嘅)?)/u;

/** Not having quit, said in so many words (`还没辞`, `没辞职`, `并没有离职`): outweighs having gone home (`回老家了`). */
const NOT_QUIT = /(?:没|没有|并没有?|还没|还没有)(?:辞(?![退掉了])|辞职|辞工|离职)/u;

/** A clause about other people (`还有两个已经走了`, `他们都走了`, `有几个辞职了`): who left is not the person. */
const OTHERS_SUBJECT = /^(?:还有|另外|另外还有|其中|有)?(?:[0-9一二两俩三四五六七八九十几]+个(?:人|工友|老乡|兄弟|同事)?|[他她]们?|别人|其他人|其它人|有些人?|有的人?|好几个|几个人?)/u;

/** Leaving supposed, not done (`不敢走`, `走了钱更拿不到`, `怕走了拿不到钱`): no leaving said. */
const LEAVING_SUPPOSED = /不敢(?:走|辞|离开|不干)|(?:怕|要是|如果|一旦)?(?:走了|辞了|一走|离开了?)(?:钱|工资|工钱)?(?:就|更|就更|也)?(?:拿不到|要不到|没了|没有了|不给了|更难要)/u;
/** Others said to have left (`后来陆陆续续走了一些`, `走了好几个`): a count of people after the leaving, not the person. */
const OTHERS_LEFT = /(?:走|离开|辞职|辞工|跑)了(?:一些|一部分|一批|好些|好多|不少|很多|大半|一半|好几个|几个|[0-9一二两俩三四五六七八九十几]+个)/u;

/** Said to be still working there, or to have left. Null when neither is said. */
export function findStillEmployed(text: string): boolean | null {
  const mine = text.split(/[,，。;；!！\s]+/u).filter((c) => c && !OTHERS_SUBJECT.test(c) && !OTHERS_LEFT.test(c) && !LEAVING_SUPPOSED.test(c)).join('');
  // `干到过年就不干了`, `打算干到月底就辞职`: a plan to leave later; still there now (its 不干, 辞职 are no leaving yet).
  if (PLAN_TO_LEAVE.test(mine)) return true;
  // `请假回老家了 还没辞`, `回老家了 还没辞职`: gone home, but said in so many words not to have quit: still there.
  const l = LEFT_WORDS.test(NOT_QUIT.test(mine) ? mine.replace(/回(?:老)?家了/gu, '') : mine);
  // `在干 没办法 走了钱更要不到`: 在干 said as a clause of its own (the leaving after it only supposed).
  const st = STILL_WORDS.test(mine) || /^(?:我|俺)?(?:现在|目前)?在(?:干|做|上班)(?:着)?(?:呢|啊|的)?$/u.test(text.trim().split(/[,，。;；!！\s]+/u)[0] ?? '');
  if (l === st) return null;
  return st;
}

/**
 * Working on until a time ahead (`干到过年`, `打算干到月底就辞职`, `做到年底再走`): still there now. Never with a time past
 * said (`去年干到年底就走了`: gone); `干到过年就走了` (a 了 and no plan word) may be past: not read here.
 */
export const PLAN_TO_LEAVE =
  /^(?!.*(?:去年|前年|上个?月|那年|当时|之前|以前|那会|已经|早就))(?:.*(?:打算|准备|想|要|还要|会|得).*(?:干|做|待|呆|上班)到(?:过年|过完年|年底|年前|年后|月底|春节|明年|下个?月|腊月|完工|工程完|活干完)|(?:我|俺)?(?:就|先|还)?(?:干|做|待|呆|上班)到(?:过年|过完年|年底|年前|年后|月底|春节|明年|下个?月|腊月|完工|工程完|活干完)(?:吧|呢|的|再说)?$|(?:我|俺)?(?:就|先|还)?(?:干|做|待|呆|上班)到(?:过年|过完年|年底|年前|年后|月底|春节|明年|下个?月|腊月|完工|工程完|活干完)(?:就|再|才)(?:走|辞职|辞工|不干|回家|回老家)(?:吧|呢)?$|(?:^|[\s,，。]|不过|但是|可是)(?:那个)?\s*(?:我|俺)?(?:打算|准备|想)?(?:这个?月底|月底|年底|过年前|下个?月|下周|下礼拜|过几天|过两天)(?:就|再|才)?(?:要)?(?:走|辞职|辞工|不干了?|离职)(?:了|吧|呢)?$)/u;

/**
 * Sent home or without work for now (`老板让我回家等通知`, `放假了`, `厂里停工了`): neither still working there nor
 * gone. Asked which, never guessed (it decides how long they have to claim).
 */
const IN_LIMBO =
  /(?:放假|放长假|停工|停产|没活干?)了?(?:就|先)?回(?:老)?家(?:了|去了)?|等通知|等消息|等电话|等着开工|等开工|(?:让|叫|要)(?:我|他|她)(?:先|暂时)?(?:回家|别来|别去|不用来|不用去|休息|歇着?|在家)|(?:先|暂时)(?:别来|别去|不用来|不用去|回家|休息|歇着?)|放假了?|放长假|停工|停产|停业|待岗|歇业|没活(?:干|做)?了?|没(?:事|工)(?:做|干)了?|在家等|回家等/gu;

/** Whether the answer to 「还在这家单位干吗？」 is that they were sent home for now, and nothing says which it is. */
export function employmentUnclear(text: string): boolean {
  const t = text.trim();
  IN_LIMBO.lastIndex = 0;
  if (!IN_LIMBO.test(t)) return false;
  IN_LIMBO.lastIndex = 0;
  return findStillEmployed(t.replace(IN_LIMBO, ' ')) === null;
}

/** The choices offered when `employmentUnclear`: still there (waiting to go back), or gone (not wanted back). */
export const UNCLEAR_EMPLOYMENT_OPTIONS = [
  { label: '还在干，等着回去', value: 'yes' },
  { label: '已经离开，不会再回去', value: 'no' },
] as const;

/** What is asked when `employmentUnclear`, of the person or of the one they speak for (`他`). */
export function unclearEmploymentAsk(other: boolean): string {
  const who = other ? '他' : '您';
  return (
    `这种情况要分清楚：只是暂时没活、还等着回去上班，算「还在干」；老板已经不让${who}干了、不会再叫${who}回去，算「已经离开」。` +
    `${who}是哪种？拿不准的话，可以回复「人工」请工作人员帮您。`
  );
}

/**
 * The answer to the question `unclearEmploymentAsk` asked, in its own terms: still there (`没说不要我`, `等着回去`,
 * `过几天叫我回去`) or gone (`说不要我了`, `不会再回去了`). Null when neither (the plain words of leaving or
 * staying are read as at the question), or both.
 */
export function unclearEmploymentAnswer(text: string): boolean | null {
  const t = text.replace(/\s+/gu, '');
  const still = STILL_AFTER_LIMBO.test(t);
  const left = LEFT_AFTER_LIMBO.test(t);
  return still !== left ? still : null;
}
const STILL_AFTER_LIMBO =
  /(?:没|没有|还没|冇)(?:说|讲)(?:过)?(?:不要|辞退|开除|不让)|等着?(?:叫我|通知我|喊我)?回去|(?:还|会|要)(?:再)?(?:叫|喊|通知)我回去|过(?:几|两)天(?:就|再)?(?:回去|上班|开工|叫我|喊我)|(?:还要|还会|要|会)回去(?:上班|干|做)?|等(?:着)?(?:开工|复工|上班)|还没(?:被)?(?:辞退|开除|炒)/u;
const LEFT_AFTER_LIMBO =
  /(?<!没|没有|还没|冇)(?:说|讲)(?:了|过)?(?:不要|不用)(?:我|他)?(?:了|再来|回去)?|不要我了|不(?:会|用)?(?:再)?回去(?:了|上班了|干了)|回不去了?|不让(?:我)?(?:回去|再来|干了|来了)|(?:就是|等于|算是?)(?:被)?(?:辞退|开除|炒|开)了?/u;

/** Said again (`还在等通知呢`): what decides it, and a person to help; the choice stays theirs. */
export function unclearEmploymentAgain(other: boolean): string {
  const who = other ? '他' : '您';
  return `要看老板有没有说过不要${who}了：没说过、还等着叫${who}回去，选「还在干」；说过不要了，选「已经离开」。拿不准就回复「人工」，工作人员会帮您弄清楚。`;
}

/** When they left, said with leaving: `上个月就不干了`, `十月底走的`, `去年底走的`, `被辞退了 上个月的事`. */
/** Being sent home, the work over (`他说没活了让我们回家等通知`), said after when: no part of the time. */
const SENT_HOME = /(?:老板娘|老板|包工头|工头|老总|他|她)?(?:就)?(?:说)?(?:没活了?|没活干了?|没事做了?|停工了?)(?:就)?(?:让|叫)(?:我们|我|大家|俺们|俺)?(?:先)?回家(?:等通知|等消息)?(?:了)?$/u;

export function findLeftSince(text: string, now: Date): { month: string; inferred: string | null } | null {
  if (findStillEmployed(text) !== false) return null;
  const clauses = text.split(/[,，。;；!！\s]+/u).filter(Boolean);
  const found: { month: string; inferred: string | null }[] = [];
  for (const c of clauses) {
    const time = c
      // `十月份他说没活了让我们回家等通知`: sent home (no work left) in that month, said by whoever sent them.
      .replace(SENT_HOME, '')
      .replace(LEFT_WORDS, '')
      // `8月份我就走了`: the person between the month and the leaving, no part of the time.
      .replace(/(?:就|才|刚|已经|的事|的时候|那会|左右|了|吧|啊|我|俺)+$/u, '')
      .replace(/^(?:我|俺|是|在|就|不在了|走了)+/u, '');
    if (time.length < 2 || time.length > 10) continue;
    const p = parseMonthDetailed(time, now);
    if (p.ok) found.push(p.value);
    // `上上周五就被开了`: a day of a week gone by, its month (a reading, confirmed) as a date's.
    else if (/[日号]$|月\d{1,2}$|^(?:上上|上)个?(?:周|星期|礼拜)[一二三四五六日天]$/u.test(time)) {
      // `不干了 11月20`: a day; its month (a day still to come this year, or read as last year's, is not taken here).
      const d = parsePastDay(time, now);
      const today = chinaToday(now);
      if (d?.ok && d.value.day <= today && !(`${today.slice(0, 4)}${d.value.day.slice(4)}` > today && d.value.day.slice(0, 4) < today.slice(0, 4))) found.push({ month: d.value.day.slice(0, 7), inferred: d.value.inferred });
    }
  }
  const months = new Set(found.map((f) => f.month));
  return months.size === 1 ? found[0]! : null;
}

/**
 * How people spell a character of their name out loud: `兰花的兰`, `木子李`,
 * `弓长张`. Said after the name, it is not part of it.
 */
const SPELLED_OUT = /[,，、\s]*(?:(?:(?:[\p{Script=Han}](?:字)?(?:是|就是))?[\p{Script=Han}]{1,3}的[\p{Script=Han}](?:字)?)|木子李|弓长张|耳东陈|立早章|口天吴|草头黄|双木林|古月胡|言午许|禾口程|走肖赵|三横王)+[。.!！]*$/u;

/**
 * A character of a name spelled out in its own clause, anywhere in the message (`我姓钟 钟表的钟 名字叫钟意`,
 * `高兴 高矮的高 兴奋的兴`): a word with the character in it, 的, the character. Never part of the name.
 */
const SPELLED_CLAUSE = /(?<=^|[,，、。;；\s])([\p{Script=Han}]{1,3})的([\p{Script=Han}])(?:字)?(?=$|[,，、。;；!！\s])/gu;

/** The characters spelled out in the message (see {@link SPELLED_CLAUSE}). */
function spelledChars(text: string): string[] {
  return [...text.matchAll(SPELLED_CLAUSE)].filter((m) => m[1]!.includes(m[2]!)).map((m) => m[2]!);
}

/** The message without the clauses that spell a character out (see {@link SPELLED_CLAUSE}); unchanged when none does. */
function withoutSpelledOut(text: string): string {
  if (spelledChars(text).length === 0) return text;
  const left = text.replace(SPELLED_CLAUSE, (whole, word: string, ch: string) => (word.includes(ch) ? ' ' : whole)).replace(/\s+/gu, ' ').trim();
  return /[\p{Script=Han}]{2}/u.test(left) ? left : text;
}

/**
 * A surname, then a one-character given name said to be one (`我姓司马 名字就一个字 亮`, `我姓欧阳 单名一个勇`,
 * `姓王 单名一个字 勇`): the whole name. `whose` is 我 or 俺 when the surname is said to be the person's own.
 */
function singleGivenName(text: string): { name: string; index: number; whose: string } | null {
  const m = /(我|俺|本人)?姓([\p{Script=Han}]{1,2})[,，、\s]*(?:名字?|名叫)?(?:就|只有|只)?(?:是)?(?:单名|单字|一个字)(?:一个|就一个|是|叫)?(?:字)?[,，、:：\s]*([\p{Script=Han}])(?:字)?[。.!！]*$/u.exec(
    text.trim(),
  );
  if (!m || knownSurname(m[2]!) !== m[2]) return null;
  if (/[的了吗呢吧啊呀哦嘛是叫就个字名]/u.test(m[3]!)) return null;
  const p = parsePersonName(m[2]! + m[3]!);
  return p.ok ? { name: p.value, index: m.index, whose: m[1] ?? '' } : null;
}

/** Asking to give only a surname (`写个姓就行吧`, `留个姓可以吗`, `只写姓行不行`). */
const SURNAME_WILL_DO = /(?:写|留|填|说)(?:个|一个)?姓(?:氏)?(?:就行|就好|就可以|行吗|行不行|可以吗|可不可以|吧|算了)|只(?:写|留|填|说)(?:个)?姓|姓就行|姓就可以/u;
const SURNAME_WILL_DO_REPLY = '可以，只留姓也行。请告诉我您姓什么，比如“王先生”“王女士”；愿意的话写全名更好。';

/** A yes where a name is asked: what to write (a form of address will do, where the question takes one). */
const NAME_AFTER_YES = '请告诉我您的全名，比如“王建国”；不想留全名，写“王先生”“王女士”也可以。';

/** `姓王` where a name is asked: the full name asked for, and a form of address offered where the question takes one. */
const surnameOnlyAsk = (surname: string) => `好的，您姓${surname}。全名叫什么？不想留全名，写“${surname}先生”或“${surname}女士”也可以。`;

/** Picked at 「这像是两个人的名字」: the whole of what was typed is one person's name (`张王丽华`). */
export const ONE_NAME = '整名:';

/** A Han name of one person by its look: 2 or 3 characters, a common surname first (not a compound one). */
const ONE_HAN_NAME = (p: string) => /^[\p{Script=Han}]{2,3}$/u.test(p) && commonSurname(p) && knownSurname(p)?.length === 1;

/**
 * Two people's names where one is asked (`张三李四`, `张三 李四`, `张三和李四`, `张三、李四`): the two, or null.
 * Joined without a break, only where the split is plain (2 + 2, 3 + 3, or the one split of five characters).
 */
export function twoNames(text: string): [string, string] | null {
  const t = text.trim().replace(/[。.!！~～]+$/u, '');
  const parts = t.split(/\s*(?:[\s,，、/／]|和|跟|与|及|还有|以及)\s*/u).filter(Boolean);
  if (parts.length === 2 && parts.every(ONE_HAN_NAME) && parts[0] !== parts[1]) return [parts[0]!, parts[1]!];
  if (!/^[\p{Script=Han}]{4,6}$/u.test(t)) return null;
  const splits = [2, 3].map((n) => [t.slice(0, n), t.slice(n)] as [string, string]).filter(([a, b]) => a !== b && ONE_HAN_NAME(a) && ONE_HAN_NAME(b));
  const even = splits.filter(([a, b]) => a.length === b.length);
  if (t.length === 5) return splits.length === 1 ? splits[0]! : null;
  return even.length === 1 ? even[0]! : null;
}

/**
 * Options at 「像是两个人的名字」: either name; typed as one word (`张三李四`), also the whole as one name
 * (a four-character name such as 张王丽华 exists).
 */
function twoNamesAsked(pair: [string, string], whole: string): { ok: false; error: string; options: { label: string; value: string }[] } {
  const joined = whole === pair.join('');
  return {
    ok: false,
    error: `「${pair[0]}」和「${pair[1]}」像是两个人的名字，这里只填一个人的姓名，是哪一个？${joined ? `如果「${whole}」就是一个人的全名，回复3。` : ''}`,
    options: [
      { label: pair[0], value: pair[0] },
      { label: pair[1], value: pair[1] },
      ...(joined ? [{ label: `「${whole}」是一个人的名字`, value: `${ONE_NAME}${whole}` }] : []),
    ],
  };
}

/** A person's name as answered: `我叫张三`, `我系陆美玲`, just `张三`, or `李秀兰 兰花的兰`. */
function nameAnswerRead(text: string): { ok: true; value: string; confirm?: true } | { ok: false; error: string; options?: { label: string; value: string }[] } {
  // The whole said to be one name, at 「像是两个人的名字」: taken as written (a name still).
  if (text.startsWith(ONE_NAME)) {
    const whole = parsePersonName(text.slice(ONE_NAME.length));
    return whole.ok ? { ok: true, value: whole.value } : { ok: false, error: whole.error };
  }
  // `在宏达干`, `在厂里`: where someone works, never a name (在 is a surname too rare to read it so; 「在宏达干」 was
  // proposed as the one owed's name).
  if (/^在[\p{Script=Han}]{1,8}?(?:干活|干|做事|做|上班|打工|里|上|那边|这边|那里|这里|那儿)$/u.test(text.replace(/[\s。.!！]+/gu, ''))) {
    return { ok: false, error: NAME_MESSAGES.notAName };
  }
  // `快点`, `帮帮我`: no name; asked again, kindly.
  if (pleaOf(text)) return { ok: false, error: `别着急，我们一步步来。${NAME_MESSAGES.notAName}` };
  // `对`, `是的` where a name is asked (after 「好的，您姓王。全名叫什么？」 too): no name; what to write, kindly.
  if (plainYesNo(text) === true) return { ok: false, error: NAME_AFTER_YES };
  // `同上`, `跟上面一样`: a name said elsewhere, which this question cannot see; never the name 「同上」.
  if (SAME_AS_BEFORE.test(text.trim())) return { ok: false, error: `这里看不到您前面写的名字。${NAME_MESSAGES.notAName}` };
  // `上个月月底`, `去年年底` (an answer to an earlier question about when): a time, never a name.
  const when = text.replace(/[\s。.!！，,]+/gu, '');
  if (SAID_WHEN.test(when)) return { ok: false, error: `「${[...when].slice(0, 12).join('')}」说的是时间。${NAME_MESSAGES.notAName}` };
  // `写个姓就行吧`, `留个姓行不行 姓蓝`: asking to give a surname only; never 「写个姓就行」 kept as the name. The surname,
  // when said, is offered back with the forms of address (as for `姓蓝` alone).
  if (SURNAME_WILL_DO.test(text.replace(/\s+/gu, ''))) {
    const sur = /姓([\p{Script=Han}]{1,2}?)(?:的)?[吧啊呀哦。.!！]*$/u.exec(text.replace(/\s+/gu, ''));
    return { ok: false, error: sur && knownSurname(sur[1]!) === sur[1] ? surnameOnlyAsk(sur[1]!) : SURNAME_WILL_DO_REPLY };
  }
  // `我姓司马 名字就一个字 亮`, `我姓欧阳 单名一个勇`: the surname, then a one-character given name said as such.
  const single = singleGivenName(text);
  if (single) return { ok: true, value: single.name, confirm: true };
  // `高兴 高矮的高 兴奋的兴`: a name spelled out character by character is a name, even one that is an everyday word.
  const spelled = spelledChars(text);
  if (spelled.length > 0) {
    const named = /^(?:我叫|我是|叫|名字是|姓名是)?([\p{Script=Han}]{2,4})$/u.exec(withoutSpelledOut(text).replace(/\s+/gu, ''));
    if (named && knownSurname(named[1]!) && spelled.every((c) => named[1]!.includes(c)) && (spelled.length >= 2 || NOT_NAMES.test(named[1]!))) {
      const p = parsePersonName(named[1]!);
      if (p.ok) return { ok: true, value: p.value, confirm: true };
    }
  }
  text = withoutSpelledOut(text);
  // `姓王`, `我姓王`: the surname only; the full name is asked, never 「姓王」 kept as the name.
  const surnameOnly = /^(?:我|俺|本人)?(?:免贵|敝姓)?姓([\p{Script=Han}]{1,2}?)(?:的)?$/u.exec(text.replace(/[\s。.!！]+/gu, ''));
  if (surnameOnly && knownSurname(surnameOnly[1]!) === surnameOnly[1]) return { ok: false, error: surnameOnlyAsk(surnameOnly[1]!) };
  // `叫我阿强就行 身份证上是韦志强`, `大家都叫我阿强 大名韦志强`: the name on the ID card beside what they are called (阿强
  // was kept as the name, unasked). The one said to be on the ID card is the name (the other is what they are called).
  const official = ownOfficialName(text);
  if (official) return { ok: true, value: official };
  // `免贵姓欧阳 欧阳建平`: the courtesy before the name, then the name.
  const plain = withoutFillers(
    (text.replace(SPELLED_OUT, '').trim() || text)
      .replace(/^(?:免贵|敝姓)?姓[\p{Script=Han}]{1,2}[,，、\s]+(?:叫|名叫)?(?=[\p{Script=Han}]{2,})/u, '')
      // `我是覃师傅 覃国强`: how people call them (the surname and a title), then the whole name with that surname.
      .replace(/^(?:我是|我叫|俺是|俺叫|大家叫我|都叫我)?([\p{Script=Han}]{1,2})(?:师傅|师父|老师|大姐|大哥|阿姨|姐|哥|叔|婶)[,，、\s]+(?:我叫|叫|大名|全名)?(?=\1[\p{Script=Han}]{1,3}$)/u, '')
      .replace(/(?:吧|啊|呀|哦|呢|嘛|哈)+[。.!！]*$/u, ''),
  );
  // `李四 不对 是李思`: the name said last, after the slip; `王晓明 不是王小明`: never the one denied.
  const said = correctedName(plain) ?? plain;
  // `张三李四`, `张三 李四`: two people's names where one is asked; which is asked, never the two kept as one.
  const bareSaid = said.replace(/^(?:我叫|我是|俺叫|俺是|姓名(?:是|:|：)?|名字(?:是|叫|:|：)?|叫)/u, '');
  const pair = twoNames(bareSaid);
  if (pair) return twoNamesAsked(pair, bareSaid.trim());
  const p = parsePersonName(findPersonName(said) ?? calledName(said) ?? withoutAsides(said));
  if (!p.ok) return { ok: false, error: p.error };
  // `不想说`, `是的`, `你们几点下班`, `工地`, `河南人`, `焊工`: words typed where a name is asked, never a name.
  if (NOT_NAME_WORDS.test(p.value) || NOT_NAMES.test(p.value) || isRoleWord(p.value)) return { ok: false, error: NAME_MESSAGES.notAName };
  // `顺丰快递`, `宏达公司`, `幸福小区`: a unit, a platform or a place, said where a person's name is asked (its kind at the
  // end), never a name (`幸福小区` was kept as the name of the one owed: 幸 is a surname).
  if ([...p.value].length >= 3 && UNIT_NOT_PERSON.test(p.value)) return { ok: false, error: NAME_MESSAGES.notAName };
  // `王小明王小明`, `李四 李四`: one name said twice (typed again, or heard twice by voice input); the name, confirmed.
  const twice = /^([\p{Script=Han}]{2,4})\1$/u.exec(p.value);
  if (twice && knownSurname(twice[1]!)) return { ok: true, value: twice[1]!, confirm: true };
  // A Han name whose surname is not a known one (`打工仔`?): taken only once the person says it is right.
  if (/^[\p{Script=Han}]+$/u.test(p.value) && !knownSurname(p.value)) return { ok: true, value: p.value, confirm: true };
  return { ok: true, value: p.value };
}

/** The name on the ID card said as such (`身份证上是韦志强`, `大名叫韦志强`, `真名韦志强`): the name, 2 to 4 characters. */
const OFFICIAL_NAME =
  /(?:身份证上(?:的名字|的姓名|的名)?(?:是|叫|写的是|写着|写的)|身份证(?:名字|姓名)(?:是|叫)?|(?:我的?)?(?:大名|真名|真实姓名|本名)(?:是|叫)?)[:：\s]*([\p{Script=Han}]{2,4}?)(?=[吧啊呀哦呢嘛]|[,，。.!！、\s]|$)/u;

/** The name said to be on the person's own ID card (`身份证上是韦志强`), never someone else's (`我爸身份证上是…`). */
function ownOfficialName(text: string): string | null {
  const m = OFFICIAL_NAME.exec(text);
  if (!m || OTHER_PERSON_BEFORE.test(clauseBefore(text, m.index)) || SOMEONE_ELSE.test(text.slice(0, m.index))) return null;
  const name = personName(m[1]!);
  return name && knownSurname(name) !== null ? name : null;
}

/** What ends a unit's or a platform's name and never a person's (not 建设, 科技: 王建设 is a name). */
const UNIT_NOT_PERSON = /(?:公司|集团|工厂|厂|快递|物流|外卖|速运|快运|超市|饭店|酒店|商店|店|工地|项目部|劳务|家政|车行|平台|出行|小区|花园|家园|新村|公寓|大厦|广场|街道|社区|楼盘|工业园|园区|开发区|[一二三四五六七八九十\d]期)$/u;

/** Words said around a name that are not part of it: `嗯那个王大军`, `王大军就是我`, `张小明然后`. */
const FILLER_BEFORE = /^(?:[嗯呃额啊哦噢唔]+|那个|这个|就是|然后|(?:我|俺)就是)+[,，、\s]*/u;
const FILLER_AFTER = /[,，、\s]*(?:就是我|就是本人|是我本人|是我|就是|然后|[嗯呢啊吧呀哦嘛哈])+[。.!！]*$/u;

/** The answer without the fillers around a name; unchanged when nothing name-like would be left. */
function withoutFillers(text: string): string {
  const t = text.trim().replace(FILLER_BEFORE, '').replace(FILLER_AFTER, '').trim();
  return /[\p{Script=Han}A-Za-z]{2}/u.test(t) ? t : text;
}

/**
 * The name as on the ID card (joining the union): as `nameAnswer`, and not a
 * form of address (`王师傅`, `小王`, `老李`, `刘姐`, `张总`), which staff
 * could not match with the card.
 */
export function idCardNameAnswer(text: string): { ok: true; value: string; confirm?: true } | { ok: false; error: string } {
  const r = nameAnswer(text);
  // A yes: the name on the ID card is asked for, never a form of address offered.
  if (!r.ok && r.error === NAME_AFTER_YES) return { ok: false, error: '请输入您的姓名，要和身份证上的一致，写全名，比如“王建国”。' };
  // `写个姓就行吧`: the union record takes the whole name (a surname will not do there).
  if (!r.ok && r.error === SURNAME_WILL_DO_REPLY) return { ok: false, error: '入会登记要用身份证上的姓名，只写姓不行。请写全名，例如“王建国”。' };
  const surname = r.ok ? null : /^好的，您姓(\p{Script=Han}{1,2})。/u.exec(r.error);
  if (surname) return { ok: false, error: `好的，您姓${surname[1]}。这里要写身份证上的全名，请写全，例如“${surname[1]}建国”。` };
  if (r.ok && isFormOfAddress(r.value)) return { ok: false, error: `「${r.value}」像是称呼。这里要写身份证上的姓名，请写全名，例如“王建国”。` };
  return r;
}

/** Words after a surname that make a form of address, not a name. */
const ADDRESS_TITLE = /^(?:师傅|师父|老板娘|老板|老总|总|工|哥|姐|叔|姨|阿姨|婶|嫂|伯|先生|女士|小姐|太太|大爷|大妈|大娘|大姐|大哥|老师|经理|主任|队长|班长|组长|厂长|医生|会计)$/u;

/** `王师傅`, `刘姐`, `张总`, `小王`, `老李`, `阿明`: how someone is called, not their name. */
export function isFormOfAddress(name: string): boolean {
  if (/^[小老][\p{Script=Han}]$/u.test(name) && knownSurname(name.slice(1))) return true;
  // `阿明`, `阿强` (`叫我阿明`): 阿 before one character calls someone; names such as 阿依古丽 are longer.
  if (/^阿[\p{Script=Han}]$/u.test(name)) return true;
  const surname = knownSurname(name);
  return surname !== null && ADDRESS_TITLE.test(name.slice(surname.length));
}

const NAME_RUN = '[\\p{Script=Han}·]{2,8}';
/** `不是王小明 是王晓明`: what it is, after what it is not. */
const NOT_BUT_NAME = new RegExp(`^(?:我)?不是${NAME_RUN}[,，。\\s]*(?:是|而是|应该是|叫|我叫)\\s*(${NAME_RUN})$`, 'u');
/** `李四 不对 是李思`, `王五 说错了 王武`, `王五 不是 是王武`: the name after the slip. */
const SLIP_NAME = new RegExp(`(?:不对|(?:说|打|写|输)?错了|不是(?=[,，。\\s]*(?:是|应该是|叫)))[,，。\\s]*(?:是|应该是|叫)?\\s*(${NAME_RUN})$`, 'u');
/** `王晓明 不是王小明`: the name said, then the one it is not. */
const NAME_NOT = new RegExp(`^(.+?)[,，。\\s]*(?:而)?不是${NAME_RUN}$`, 'u');

/** The name meant when the answer corrects itself; null when it does not. */
function correctedName(text: string): string | null {
  return NOT_BUT_NAME.exec(text)?.[1] ?? SLIP_NAME.exec(text)?.[1] ?? NAME_NOT.exec(text)?.[1] ?? null;
}

/** `我是张三他媳妇 叫刘梅`: a clause that names the person (`叫刘梅`) beside clauses that say who they are. */
function calledName(text: string): string | null {
  const clauses = text.split(/[,，。;；\s]+/u).filter(Boolean);
  if (clauses.length < 2) return null;
  for (const [i, c] of clauses.entries()) {
    const m = /^(我|俺)?(?:叫|名叫|名字叫|名字是|姓名是|全名是?|大名是?)([\p{Script=Han}·]{2,8})$/u.exec(c);
    if (!m) continue;
    const before = clauses.slice(0, i).join('');
    // `老板 叫李明`, `我爸 叫王大军`: someone else's name; so is one not said to be theirs when they speak for someone.
    if (SOMEONE_ELSE.test(before) || (!m[1] && (OTHER_PERSON_BEFORE.test(clauses[i - 1]!) || FOR_SOMEONE.test(before)))) continue;
    return m[2]!;
  }
  return null;
}

/** Asides beside a name: a gender (`刘德华 男`), the phone (`刘梅 电话同上`), `就行`, thanks. */
const NAME_ASIDE = /^(?:男|女|男的|女的|男性|女性|性别[男女]|先生|女士|就行|就好|就可以|即可|谢谢|谢谢你|好的)$|电话|手机|号码|微信|同上/u;

/** The answer without clauses that are asides (`刘德华 男` → 刘德华); unchanged when none is. */
function withoutAsides(text: string): string {
  const clauses = text.split(/[,，。;；\s]+/u).filter(Boolean);
  const kept = clauses.filter((c) => !NAME_ASIDE.test(c));
  return kept.length > 0 && kept.length < clauses.length ? kept.join(' ') : text;
}

/** Characters and words no name has: particles, pronouns, question words, refusals, a relative (`张三他媳妇`). */
const NOT_NAME_WORDS =
  /[的了吗呢吧啊呀哦嘛么你们谁哪啥他她它嗯叫我俺嘅喺嘢]|就是|然后|是我|老板|包工头|工头|什么|怎么|几点|不想|不用|不要|不方便|不对|不是|不行|没有|不知道|视频|下班|上班|单位|工地|名字|小名|媳妇|老婆|老公|爱人|家属|丈夫|妻子|儿子|女儿|闺女|电话|手机|身份证|证件|号码|可以|(?:地|省|市|县|南|北|东|西|里|乡|村)人$/u;
/** Everyday words that start with a surname (`马上`, `明天`, `高兴`), and answers to other questions (`同意`): not names. */
const NOT_NAMES =
  /^(?:马上|明天|明年|明白|高兴|方便|方面|常常|许多|于是|应该|周末|周[一二三四五六日天]|安全|安排|成功|白天|金额|司机|师傅|师父|毛病|钱包|路上|时间|余额|关于|全部|都是|都有|来了|国家|平时|门口|相信|信息|由于|公司|干活|干嘛|但是|原来|利息|车上|车间|班长|单独|单干|单身|程序|文件|江湖|包工头|工头|老板|老乡|朋友|同事|本人|自己|打工|农民|工人|是的|好的|对的|可以|行吧|算了|同意|不同意|确认|确定|完成|完毕|发完了|好了|没了|都跳过|愿意|知道了|收到|没问题|没错|正确|继续|提交|取消|跳过|嗯嗯|对对|对头|就是|叫我|这个|那个|先生|女士|小姐|太太|阿姨|大爷|大妈|大姐|大哥|老哥|兄弟|老铁|美女|帅哥|老板娘|农民工|随便|随意|随你|无所谓|不重要|没关系|都行|都可以|匿名|保密|不详|未知|无名|等会儿?|等等|等下|等一下|等一会儿?|稍等|待会儿?|一会儿?)$/u;

/** `没有手机` at the phone question: what to do then, not a format error. */
export const NO_PHONE_REPLY = '需要一个能打通的手机号，方便联系您。自己没有的话，家人或工友的也可以，写上11位号码就行。';

/** `没有手机` said again: one concrete way on (someone's number nearby), or a person (never the same words twice). */
export const NO_PHONE_AGAIN = '没有手机也没关系：留一个家里人或工友的手机号就行，我们打这个号码找您。身边一个号码都没有的话，回复「人工」，工作人员帮您想办法。';

/** A mobile number as answered: inside a sentence, spaced, or spoken in Chinese digits. */
export function phoneAnswer(text: string): { ok: true; value: string; confirm?: true } | { ok: false; error: string } {
  const own = ownPhones(text);
  // `138… 139…`: which one is asked, never guessed.
  if (own.kind === 'several') return { ok: false, error: MOBILE_MESSAGES.several(own.values) };
  const found = own.kind === 'one' ? own.value : null;
  // `他电话135…`, `老板电话135…`: whose it is is asked, never taken as the person's own.
  if (!found && mobileSpans(spokenDigits(text)).length > 0 && /[\p{Script=Han}]/u.test(text)) return { ok: false, error: OTHERS_PHONE_REPLY };
  const p = parseMobile(found ?? spokenDigits(text));
  // `一三七零零零零一一一一`: a number read from words is a reading, said back whole to be confirmed.
  if (p.ok) return SPOKEN_DIGIT.test(text) ? { ok: true, value: p.value, confirm: true } : { ok: true, value: p.value };
  // `微信绑定的那个`, `就是微信绑的手机`: the number they write from, which the bot cannot see: asked for in digits
  // (never read as having no phone, which offers a family member's number).
  if (!found && !p.ok && p.error === MOBILE_MESSAGES.wechatBound) return { ok: false, error: p.error };
  // `没有手机号`, `就打这个微信`: what to do then, not a format error.
  if (!found && NO_PHONE.test(text)) return { ok: false, error: NO_PHONE_REPLY };
  // `同上`, `跟上面一样`: a number said elsewhere, which this question cannot see; asked for plainly, never stored.
  if (!found && SAME_AS_BEFORE.test(text.trim())) return { ok: false, error: '这里看不到您前面留的号码，请直接发一下您的11位手机号，例如“13800138000”。' };
  // `138OO138OOO`, `l3700001111`: the letter O for 0, l or I for 1, typed in a hurry. Read as digits only when the
  // whole answer is such a number, and said back whole to be confirmed, never kept unasked.
  const asDigits = p.error === MOBILE_MESSAGES.letters ? digitsFromLetters(text) : null;
  if (asDigits !== null) return { ok: true, value: asDigits, confirm: true };
  return { ok: false, error: p.error };
}

/** Letters that look like digits (O for 0, l and I for 1) inside a number, and nothing else but digits and separators. */
const DIGIT_LOOKALIKES = /^[\doOlI\s\-]+$/u;

/** A mobile number typed with look-alike letters for some digits ({@link DIGIT_LOOKALIKES}), as 11 digits; null otherwise. */
function digitsFromLetters(text: string): string | null {
  // `我电话138OO138OOO`: the label before it is no letter of the number.
  const s = normalizeText(text).trim().replace(/^(?:我的?)?(?:手机号码|手机号|手机|电话号码|电话|号码)(?:是|为|:)?\s*/u, '');
  // Most of it typed as digits: a word of letters (`Ollie`) is never read as a number.
  if (!DIGIT_LOOKALIKES.test(s) || (s.match(/\d/gu)?.length ?? 0) < 5) return null;
  const p = parseMobile(s.replace(/[oO]/gu, '0').replace(/[lI]/gu, '1'));
  return p.ok ? p.value : null;
}

/** `同上`, `一样`, `跟上面一样`, `和刚才的一样`, `还是那个号`: the same as something said before, no number in it. */
export const SAME_AS_BEFORE =
  /^(?:同上|如上|一样|一样的|还是那个(?:号码?|手机号?|电话)?|(?:跟|和|与|同)(?:上面|上边|前面|刚才|之前|上次|上一个)(?:的|说的|填的|留的)?(?:号码?|手机号?|电话)?(?:一样|相同|同一个)(?:的)?)(?:吧|啊|呀|哈)?[。.!！]*$/u;

/** A digit said in words (`一`, `幺`, `洞`): a number with one in it was read, not typed. */
const SPOKEN_DIGIT = /[零〇洞令灵幺一二两三四五六七八九]/u;

/** A number said to be someone else's, typed where the person's own is asked. */
export const OTHERS_PHONE_REPLY = '这个号码像是别人的。这里要留能联系到您的手机号：是您自己或家人的，就直接回复这个号码；老板的号码这里不用填。';

/** Saying there is no phone to give, or another way to reach them. */
const NO_PHONE = /没有?(?:手机|电话)|没(?:手机|电话)号?|手机(?:丢|坏|停机|欠费)|(?:加|用|打|联系)?(?:这个)?微信|不想(?:留|给)|不方便(?:留|给)|(?:不要|别|不想让你们)(?:保存|存|留|记)(?:着)?(?:我的?)?(?:电话|手机)/u;

/**
 * A person's name said in a message (`我叫张伟`), or null; 乾 and 於 as typed (`张乾` is never 张干,
 * see {@link partAsTyped}).
 */
export function findPersonName(text: string): string | null {
  const name = findPersonNameRead(text);
  return name === null ? null : partAsTyped(text, name).text;
}

/** A name given where one is asked ({@link nameAnswerRead}), 乾 and 於 as typed (`王乾` is never 王干). */
export function nameAnswer(text: string): { ok: true; value: string; confirm?: true } | { ok: false; error: string; options?: { label: string; value: string }[] } {
  const r = nameAnswerRead(text);
  return r.ok ? { ...r, value: partAsTyped(text, r.value).text } : r;
}
