/**
 * The wage report's clue-platform facts (全国根治欠薪线索反映平台): who the
 * employer is (a unit, or a family or private person), the construction
 * chain (general contractor, subcontractor, labour contractor), addresses,
 * the trade. Found in a sentence only with a cue that leaves no doubt
 * (`总包是中建三局`, `给一户人家当保姆`); otherwise read from the direct
 * answer to their own question. Precision first: a value is never made up
 * from a word that merely appears.
 */
import { parseOrgName, parsePersonName } from '../parsers/index.js';
import { CONSTRUCTION_WORDS, NOT_SAID, ORG_SUFFIX, employerFromAnswer, isRoleWord } from './facts.js';
import { compact } from './normalize.js';
import { knownSurname } from './surnames.js';

export type EmployerKind = 'organisation' | 'household';

/**
 * Work for a family or a private person, said in words: a nanny, a
 * maternity nurse, a carer hired by the family, an hourly domestic, private
 * renovation. (保洁 and 家政 alone are not: companies employ them too.)
 */
export const HOUSEHOLD_WORDS =
  /保姆|月嫂|育儿嫂|住家阿姨|钟点工|小时工|(?:给|在|帮|替)(?:一户人家|人家|别人家|雇主家|主人家|东家家|老人家|[\p{Script=Han}]{1,2}(?:先生|女士|阿姨|大姐|大爷|奶奶|爷爷|老师)家)(?:里)?(?:当|做|带|干|看(?!店|铺|摊|仓库|场子|厂|工地)|照顾|伺候|打扫)|(?:家属|家里人|子女|儿女)(?:请|雇|找)的(?:护工|阿姨)|私人装修|个人装修|家装|(?:给|帮)(?:私人|个人|业主|房主|户主|人家|别人)(?:家)?装修|装修(?:自家|自己家|私人|他家|她家)(?:的)?(?:房子)?/u;

/**
 * Domestic work said without saying for whom (`做家政的`, `当护工`, `帮人装修`): a family's when the one who owes is
 * called its employer (`雇主`, `东家`, `房主`), and no unit is named (see {@link findEmployerKind}).
 */
const DOMESTIC_WORK = /家政|保洁|护工|陪护|做饭|打扫卫生|(?:给|帮)(?:人|别人)装修/u;
const FAMILY_EMPLOYER = /雇主|东家|主家|主人家|房主|户主|(?:给|帮)(?:人|别人)装修|(?:家属|家里人|子女|儿女)(?:请|雇|找)(?:的|我)/u;
/** A carer hired by the patient's family (`病人家属请的`), at a hospital too. */
const HIRED_BY_FAMILY = /(?:家属|家里人|子女|儿女)(?:请|雇|找)(?:的|我)/u;

/** A unit said in words: a company, a factory, a site, a crew. */
const ORGANISATION_WORDS = /公司|集团|工厂|厂里|厂子|厂家|车间|工地|项目部|工程队|施工队|建筑队|单位|酒店|宾馆|饭店|餐馆|超市|商场|门店|店里|店铺|铺子|看店|档口|摊位|物业|医院|学校|养老院|敬老院|护理院|月子中心|会所/u;

/**
 * Short names of well-known developers and builders, typed alone where a company is asked (`万科` as the general
 * contractor): a company, though some read like a surname and a given name (万科, 金科). Whole names only, and only
 * those far better known as a company than as anyone's name.
 */
const KNOWN_UNIT =
  /^(?:万科|万达|碧桂园|恒大|保利|融创|龙湖|华润|中海|绿地|金地|世茂|富力|雅居乐|佳兆业|旭辉|金科|阳光城|招商蛇口|中国建筑|中建[一二三四五六七八]局|中铁(?:[一二三四五六七八九十]{1,3}|建工|建设)?局?|中国中铁|中国铁建|中交|中冶|中国电建|富士康|比亚迪|顺丰|京东|拼多多|淘宝|抖音|快手|盒马|叮咚买菜|朴朴超市|美团优选|美团买菜|多多买菜|淘菜菜)$/u;

/**
 * An app platform (`美团`, `饿了么`, `滴滴`, `货拉拉`): a company, never a person or a family (the kind is not asked);
 * riders and drivers are often managed by a station or an agency besides it (see PLATFORM_NOTE in flows/wage.ts).
 */
export const PLATFORM =
  /^(?:美团(?:外卖|众包|专送)?|饿了么|饿了吗|蜂鸟(?:众包|专送)|滴滴(?:出行|打车|货运)?|花小猪|货拉拉|快狗(?:打车)?|闪送|达达(?:快送)?|UU跑腿|uu跑腿|顺丰同城|京东到家|曹操出行|T3出行|高德打车|运满满|满帮)(?:平台|app|APP)?$/u;

/** A name that plainly belongs to a unit (`宏达建筑`, `青溪纺织厂`, `阳光家政公司`, `万科`), not a person or a family. */
export function looksLikeOrganisation(name: string): boolean {
  const s = compact(name);
  return ORG_SUFFIX.test(s) || KNOWN_UNIT.test(s) || PLATFORM.test(s) || /公司|集团|厂|店|项目部|工程队|施工队|中心|协会|合作社|车队|(?:^|[^\p{Script=Han}])[A-Za-z]{3,}/u.test(s);
}

/**
 * A name that may be a person's or a family's (`刘大壮`, `王阿姨`, `刘先生家`,
 * `老王`): who they are is asked. A longer name without a unit's suffix
 * (`青溪宏达`) is taken for a unit's short name.
 */
export function mayBePerson(name: string): boolean {
  const s = compact(name);
  if (looksLikeOrganisation(s)) return false;
  return /家$|(?:先生|女士|小姐|阿姨|大姐|姐|哥|叔|婶|嫂|大爷|奶奶|爷爷|师傅|老板娘?|老师)$/u.test(s) || /^(?:老|小|阿)[\p{Script=Han}]$/u.test(s) || /^[\p{Script=Han}]{2,3}$/u.test(s) || /·/u.test(s);
}

/**
 * Working for a family or a private person, said in a sentence
 * (`给一户人家当保姆`, `私人装修的老板不给钱`): `household`. Null when not
 * said, or when a unit is named too (`在阳光家政公司当保姆`: the company
 * may be the employer).
 */
export function findEmployerKind(text: string): EmployerKind | null {
  const s = compact(text);
  if (!HOUSEHOLD_WORDS.test(s) && !(DOMESTIC_WORK.test(s) && FAMILY_EMPLOYER.test(s))) return null;
  // `在医院当护工 是病人家属请的`: the ward is where the work is; the family hired them.
  const place = HIRED_BY_FAMILY.test(s) ? s.replace(/医院|病房|住院部/gu, '') : s;
  if (ORGANISATION_WORDS.test(place.replace(/家政服务|家政/gu, ''))) return null;
  // `给人家装修房子 老板接的活`: the job a boss (or a foreman) took on from the family; the boss employs the person.
  if (/(?:老板|包工头|工头|师傅|老总)(?:去|自己)?(?:接|揽|包)(?:的|了|下)(?:的)?(?:活|工程|单子)?|(?:跟着?|跟)(?:老板|包工头|工头|师傅)(?:干|做)/u.test(s)) return null;
  // `不是保姆`, `没当过保姆`: denied.
  if (/(?:不是|不算|没当过?|没做过?)(?:当|做|干)?(?:保姆|月嫂|育儿嫂|钟点工|护工|家政|保洁)/u.test(s)) return null;
  return 'household';
}

/** A unit of the construction chain named after its cue: `总包是中建三局`, `分包单位叫宏图劳务`. */
const CHAIN_NAME = '([\\p{Script=Han}A-Za-z0-9（）()·&-]{2,30}?)(?=[,，。;；!！?？\\s]|$)';
const GENERAL = new RegExp(`(?:总包|总承包)(?:单位|方|公司|商)?(?:是|叫|为|:|：)${CHAIN_NAME}`, 'u');
const SUB = new RegExp(`(?:劳务分包|(?<!总)分包|劳务(?=公司|单位))(?:单位|方|公司|商)?(?:是|叫|为|:|：)${CHAIN_NAME}`, 'u');
/** Not a name: not knowing, asking, pointing. */
const NOT_A_UNIT = /谁|啥|什么|哪|不知道|不晓得|不清楚|忘了|记不得|没说|个人|包工头|老板|我们|他们/u;

function chainUnit(m: RegExpExecArray | null): string | null {
  if (!m || NOT_A_UNIT.test(m[1]!)) return null;
  const p = parseOrgName(m[1]!);
  return p.ok && !/^\d+$/.test(p.value) ? p.value : null;
}

/** The general contractor and the subcontractor a sentence names with their cue words. */
export function findContractors(text: string): { generalContractor?: string; subcontractor?: string } {
  const s = text.replace(/\s+/g, ' ');
  const out: { generalContractor?: string; subcontractor?: string } = {};
  const g = chainUnit(GENERAL.exec(s));
  if (g) out.generalContractor = g;
  const sub = chainUnit(SUB.exec(s));
  if (sub && sub !== g) out.subcontractor = sub;
  return out;
}

/** The labour contractor named after the word for one: `包工头张三带我们干的`, `包工头是老王`, `班组长叫王建军`. */
const FOREMAN = /(?:包工头|工头|班组长|带班的?)(?:是|叫|名叫|就是)?([\p{Script=Han}]{2,3}?)(?=带|领|欠|拖|[,，。;；!！\s]|的|$)/u;

/**
 * The construction chain a sentence names, each by its cue (`包工头张三带我们干的，劳务公司是宏达劳务，总包是中建三局`):
 * the labour contractor (a name people call a person by), the subcontractor and the general contractor.
 */
export function chainNamed(text: string): { generalContractor?: string; subcontractor?: string; labourContractor?: string } {
  const out: { generalContractor?: string; subcontractor?: string; labourContractor?: string } = findContractors(text);
  const foreman = FOREMAN.exec(text.trim())?.[1];
  if (foreman && calledName(foreman)) out.labourContractor = foreman;
  return out;
}

type Answer = { ok: true; value: string } | { ok: false; error: string };

/** Words that only point somewhere (`那边`, `附近`): not an address. */
const VAGUE_PLACE = /^(?:那边|这边|那里|这里|附近|那块|这块|一带|城里|镇上|乡下|村里|街上|市里|县里|外地|本地|老家|那个地方|这个地方|不远|很远|旁边)$/u;

/**
 * An address as answered: `东龙镇工业园2号`, `就在河西街道滨江路18号那边`.
 * Kept as said (framing dropped, numbers masked if a phone slipped in);
 * refused when it only points (`那边`), is a sentence, or is too long.
 */
export function addressAnswer(text: string, example: string): Answer {
  const again = `请写个大概的地址，例如「${example}」；不知道就回复「不知道」。`;
  // A map card or an address copied with its name and link: the address alone, never the name or the link.
  const card = mapCard(text);
  if (card?.address) text = card.address;
  // A link is never part of it (`河西街道滨河路56号 https://…`: the words alone).
  else if (LINK.test(text)) text = text.replace(/https?:\/\/\S+|www\.\S+/giu, ' ').trim();
  const s = text
    .trim()
    // `公司在河西街道滨江路88号`: whose address it is, framing.
    .replace(/^(?:公司|厂子|工厂|厂|单位|店)(?=(?:的)?(?:地址|详细地址|位置)?(?:是|在|位于))(?:的)?/u, '')
    .replace(/^(?:地址|详细地址|位置)?(?:是|在|为|:|：)?\s*/u, '')
    // `…，老板住哪不知道`: where the boss lives not known, no part of the address.
    .replace(/[,，\s]+(?:老板|老板娘|他|她)(?:家)?(?:住|在)(?:哪|哪里|哪儿)(?:我|俺)?(?:也|就)?(?:不知道|不清楚|不晓得|不记得)(?:了|啊|哦)?[。.!！]*$/u, '')
    .replace(/^(?:就在|就是|在|位于|大概在|好像在|应该在)/u, '')
    .replace(/[。.!！]+$/u, '')
    // `永安路8号 不是18号`: what it is not, said after it, is no part of it.
    .replace(/[,，\s]+(?:而)?不是[^，,。\s]{1,12}(?:的|啊|哦)?$/u, '')
    // `东龙镇工业园那边 具体门牌不知道`: the rough place is the answer; the number not known is no part of it.
    .replace(/[,，\s]*(?:但是?|不过|就是)?(?:具体(?:的)?)?(?:门牌号?|门牌|几号|哪号|号码|详细地址|具体地址|具体位置|具体在哪|具体哪里|具体|几栋|哪栋|哪一栋|几幢|几号楼|哪号楼|几单元|几楼|哪个楼)(?:我|俺)?(?:就|也|都)?(?:不知道|不清楚|不晓得|记不得|不记得|记不清|说不清|没注意|忘了|忘记了|记不住)(?:了|啊|哦)?$/u, '')
    .trim();
  if (s.length < 2 || VAGUE_PLACE.test(s.replace(/(?:的|吧|啊|呢)$/u, '')) || NOT_SAID.test(s)) return { ok: false, error: again };
  if ([...s].length > 60) return { ok: false, error: `地址太长了，${again}` };
  if (/1[3-9]\d{9}|\d{15,}/.test(s.replace(/\s/g, '')) || /欠|工资|工钱|老板不|跑了/u.test(s)) return { ok: false, error: again };
  if (!/[\p{Script=Han}]/u.test(s)) return { ok: false, error: again };
  // `11月25号`, `2026年11月`: a day or a month (when someone left, said late), never an address.
  if (/^(?:(?:今年|去年|\d{2,4}年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:\d{1,2}|[一二三四五六七八九十廿初]{1,3})?[日号]?|\d{1,2}[日号])(?:走的|离开的|不干的)?$/u.test(s.replace(/\s+/gu, ''))) return { ok: false, error: again };
  // An address names a place: a road, a number, a building, a village, a site. Words with none
  // (`早走了`, `上个月`, `老板姓王`) are something else said at this question, never kept as the address.
  if (!ADDRESS_MARK.test(s)) return { ok: false, error: again };
  return { ok: true, value: s };
}

/** What an address has: a kind of place (路, 号, 栋, 村, 镇, 小区, 工地, 厂…) or where by one (旁边, 对面). */
const ADDRESS_MARK = /[路街巷弄道号栋幢楼层室村组镇乡区县市园厂场站桥湾庄寨屯苑城坊座店院铺馆港埠岛]|社区|小区|大厦|广场|中心|工地|花园|工业|附近|对面|旁边|门口|隔壁|口|里面|那里/u;

/** Common ways of naming a trade, read as the trade's usual name. */
const TRADES: [RegExp, string][] = [
  [/^(?:扎|绑|搞|弄)?钢筋(?:工)?$/u, '钢筋工'],
  [/^(?:搞|做)?木工$|^支模(?:板)?$|^木匠$/u, '木工'],
  [/^(?:泥瓦|泥水|瓦|砌砖|砌墙|贴砖|瓷砖)(?:工|匠)?$/u, '泥瓦工'],
  [/^(?:水电|水电安装)(?:工)?$/u, '水电工'],
  [/^(?:电焊|焊工|焊)(?:工)?$/u, '焊工'],
  [/^(?:架子|搭架子|脚手架)(?:工)?$/u, '架子工'],
  [/^(?:油漆|刷漆|粉刷|刷墙)(?:工)?$/u, '油漆工'],
  [/^(?:(?:啥|什么|啥子)(?:活)?都(?:干|做|搞)(?:的)?)?(?:小工|杂工|打杂|杂活|零工)$|^(?:啥|什么|啥子)(?:活)?都(?:干|做|搞)$/u, '杂工'],
  [/^(?:搬砖)$/u, '小工（搬砖）'],
];

/** A trade in one of its common ways of saying it (`绑钢筋`, `木匠`): its usual name; null otherwise. */
export function knownTrade(text: string): string | null {
  const s = compact(text).replace(/^(?:我|俺)?(?:是|就是)?(?:做|干|搞)?/u, '').replace(/(?:的|的活|啊|吧)$/u, '');
  return TRADES.find(([re]) => re.test(s))?.[1] ?? null;
}

/** Another one's trade (`我表哥是木工`, `他是做水电的`): never the person's own. */
const OTHERS_TRADE = /^(?:我|俺)?(?:的)?(?:表哥|表弟|表姐|表妹|堂哥|堂弟|哥哥?|弟弟?|姐姐?|妹妹?|老婆|媳妇|老公|爱人|爸爸?|妈妈?|儿子|女儿|老乡|工友|同事|朋友|他们?|她们?)(?:也)?(?:是|做|干|当|搞)/u;

/**
 * A trade as answered: `钢筋工`, `扎钢筋的`, `我是做木工的`, `服务员`,
 * `当保姆`. The framing (`我是`, `做`, `的`) goes; a few common ways of
 * saying it are read as the trade's name; anything else is kept as said.
 */
export function tradeAnswer(text: string): Answer {
  const again = '请说一下您做的是什么活，例如「钢筋工」「木工」「普工」「服务员」「保姆」；不知道就回复「跳过」。';
  // `扎钢筋的 钢筋工`: the trade said twice in two ways, read as one when every part parted by a pause that is a known
  // trade names the same one (never the two run together and kept as said).
  const parts = text.trim().split(/[\s,，、]+/u).filter(Boolean);
  // `扎钢筋的 我表哥是木工`: another one's trade said beside the person's own is no part of it.
  const own = parts.filter((p) => !OTHERS_TRADE.test(compact(p)));
  if (parts.length > 1 && own.length > 0 && own.length < parts.length) return tradeAnswer(own.join(' '));
  const trades = new Set(parts.map((p) => knownTrade(p)));
  if (parts.length > 1 && trades.size === 1 && !trades.has(null)) return { ok: true, value: [...trades][0]! };
  let s = compact(text)
    // `开那个 那个挖机的`: 那个 said while looking for the word is no part of a trade.
    .replace(/那个|这个/gu, '')
    .replace(/^(?:我|俺)?(?:是|就是)?(?:在(?:工地|厂里|店里)(?:上|里)?)?(?:做|干|当|搞|跑)?(?:的是)?/u, '')
    .replace(/(?:的|的活|的活儿|的工作|工作|活儿|这块|这一块|那种)$/u, '')
    .replace(/(?:的|啊|吧|呢)$/u, '');
  if (s === '') return { ok: false, error: again };
  const known = TRADES.find(([re]) => re.test(s));
  if (known) return { ok: true, value: known[1] };
  if ([...s].length > 12 || /\d|[一二三四五六七八九十两几]+(?:个|月|年|块|元|万|人|号)|欠|工资|工钱|老板|不给|没给/u.test(s) || NOT_SAID.test(s)) return { ok: false, error: again };
  if (!/^[\p{Script=Han}A-Za-z（）()·]+$/u.test(s) || [...s].length < 2) return { ok: false, error: again };
  // `张建国` (a person's name, typed a question late or early): never kept as the trade.
  if ([...s].length === 3 && personCalled(s) && !/[工员匠师手机车姆嫂卫安洁厨护管计纳银购]$/u.test(s)) {
    return { ok: false, error: `「${s}」像是人名。${again}` };
  }
  s = s.replace(/^(?:普通)?工人$/u, '普工');
  return { ok: true, value: s };
}

/**
 * Where a unit's name was read (`公示牌上写的`) and hedges (`好像是`) are not the name:
 * `公示牌上写的好像是中国建筑第三工程局` is 中国建筑第三工程局.
 */
function unitText(text: string): string {
  return compact(text)
    .replace(/^(?:(?:工地|大门|门口|大门口)?(?:的|上|口)?(?:项目)?(?:公示牌|牌子|公告牌|告示牌|围挡|合同|工资条|工牌|安全帽)(?:上|上面|里)?(?:写的|写着|写)(?:的)?)/u, '')
    // `劳务公司叫顺达劳务有限公司` (at 分包单位): the kind of unit asked about, framing its name.
    .replace(/^(?:总包|总承包|分包|劳务分包|劳务)?(?:单位|方|公司|商)?(?:是|叫|为|:|：)/u, '')
    .replace(/^(?:好像|应该|大概|可能|估计|听说)?(?:是|叫)/u, '')
    .replace(/^(?:好像|应该|大概|可能|估计|听说)/u, '')
    .replace(/(?:吧|吧好像|好像|的样子|来着)$/u, '');
}

/** `就是他`, `就是这家`, `同一个`: the one named before, not a name. */
export const SAME_AS = /^(?:就是|也是|还是)?(?:他|她|它|他们|他家|这家|那家|这个|那个|同一家|同一个|一样的?|老板|老板的公司|这个公司|那个公司|这个单位|同一个公司)(?:本人|公司|单位)?(?:啊|吧|呀)?$/u;

/** The answer hedged (`好像是…`, `…吧`): the name is confirmed before it counts. */
export const HEDGED = /好像|应该是|大概是|可能是|估计|听说|吧$|来着$|不太确定|不确定/u;

/** A unit of the construction chain as answered: `中建三局`, `总包是宏达建筑`, `青溪宏图劳务有限公司`. */
export function unitAnswer(text: string, example: string): Answer {
  const again = `请写公司的名字，例如「${example}」；不知道就回复「不知道」。`;
  const s = unitText(text);
  if ((NOT_A_UNIT.test(s) || SAME_AS.test(s)) && !looksLikeOrganisation(s)) return { ok: false, error: again };
  const name = employerFromAnswer(s) ?? s;
  if ([...name].length > 40 || /\d{5,}|欠|工资|工钱/u.test(name)) return { ok: false, error: again };
  const p = parseOrgName(name);
  return p.ok && /[\p{Script=Han}A-Za-z]{2}/u.test(p.value) ? { ok: true, value: p.value } : { ok: false, error: again };
}

/** A mobile number with the words that say whose it is (`电话`, `他手机是`), in a labour contractor's answer. */
const CONTRACTOR_PHONE = /[,，\s]*(?:(?:他|她|包工头|工头|班组长)?(?:的)?(?:电话|手机|手机号|号码|电话号码)(?:号码|号)?(?:是|为|:|：)?\s*)?(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/gu;

/**
 * `刘大壮 13912345678`, `包工头叫刘大壮 电话139…` at the labour contractor's question: the name, a
 * phone beside it being the contractor's (never the person's own). Null when no phone is in the answer.
 */
export function labourContractorWithPhone(text: string, employer: string | undefined): { answer: Answer } | null {
  const phones = [...text.matchAll(CONTRACTOR_PHONE)];
  if (phones.length === 0) return null;
  const rest = text.replace(CONTRACTOR_PHONE, ' ').trim();
  if (rest === '' || /我|俺|本人|自己/u.test(rest)) return null;
  return { answer: labourContractorAnswer(rest, employer) };
}

/**
 * The labour contractor (包工头, 班组长) as answered: a name (`王建军`), a
 * nickname people use (`老王`, `王哥`), or `就是他` for the employer named
 * before (when that was a person).
 */
export function labourContractorAnswer(text: string, employer: string | undefined): Answer {
  const again = '请写包工头或班组长的名字，例如「王建军」，叫「老王」也行；不知道就回复「不知道」。';
  const s = compact(text)
    .replace(/^(?:包工头|工头|班组长|带班的|带班|老板)?(?:名字)?(?:叫|是|姓名是)?/u, '')
    .replace(/(?:这个人|那个人|吧|啊|呢)$/u, '')
    // `包工头就是老板 姓陈`: the boss is the labour contractor, and his surname.
    .replace(/^(?:就是|也是)(?:老板|他|她)(?=姓)/u, '')
    // `就是那个姓李的 河南的`: the pointing words and where he is from go (姓李).
    .replace(/^(?:就是|就)?(?:那个|这个)(?=姓)/u, '')
    .replace(/(?<=^姓[^啥什么名不\P{Script=Han}](?:的)?)(?:[\p{Script=Han}]{2,3}?(?:人|的|那边的))$/u, '');
  if (/^(?:就是|也是|还是)?(?:他|她|老板|这个人|同一个人?|一个人|一样的?)(?:本人)?$/u.test(s) || /^(?:就是|也是)(?:他|她|老板)/u.test(s)) {
    if (employer && !looksLikeOrganisation(employer)) return { ok: true, value: foremanOf(employer) ?? employer };
    return { ok: false, error: '请写包工头或班组长的名字，例如「王建军」；不知道就回复「不知道」。' };
  }
  if (/^(?:老|小|阿)[\p{Script=Han}]$|^[\p{Script=Han}](?:哥|姐|师傅|老板|总|工|头)$/u.test(s)) return { ok: true, value: s };
  // `包工头就是老板 姓陈`, `姓陈`, `包工头姓王`: known by surname, kept as people say it (陈老板, 王工头).
  const surname = /^(?:就是|也是)?(?:老板|他|她)?(?:他|她)?(?:是)?姓([^啥什么名不\P{Script=Han}])(?:的)?(?:老板|包工头|工头)?$/u.exec(s);
  if (surname) return { ok: true, value: `${surname[1]}${/老板/u.test(text) ? '老板' : '工头'}` };
  // A trade is not a name (`钢筋工`, `木匠`).
  if (TRADES.some(([re]) => re.test(s)) || /(?:工|匠|员)$/u.test(s)) return { ok: false, error: again };
  if (/我|你|们|的|了|欠|钱|不|没|跑|谁|啥|什么/u.test(s) || [...s].length > 6) return { ok: false, error: again };
  const p = parsePersonName(s);
  return p.ok ? { ok: true, value: p.value } : { ok: false, error: again };
}

/** A building site or an estate by its name (`青溪花园二期`, `翠湖湾小区`): where the work is, never who owes. */
const SITE_ENDING = /(?:小区|花园|家园|楼盘|新村|公寓|[一二三四五六七八九十\d]期)$/u;
/** A name that is a construction project's by itself: a phase of an estate (`二期`), a 楼盘. */
const PROJECT_ENDING = /(?:楼盘|[一二三四五六七八九十\d]期)$/u;
/** The site in its clause: `青溪花园二期`, `在青溪花园二期干活`, `在青溪花园二期工地上班`, `给青溪花园二期干的`. */
const SITE_CLAUSE =
  /^(?:我|俺|我们|俺们)?(?:就|一直|之前|以前)?(?:是)?(?:在|给|帮|替)?([\p{Script=Han}A-Za-z0-9]{4,16}?)(?:的)?(?:项目|工地|工程)?(?:上|里|那边|这边)?(?:干活|干的活|上班|打工|做工|做事|干)?(?:的)?$/u;
/** The one who owes in their clause: `包工头是老王`, `包工头老王`, `老板叫王建军`, `老王是包工头`. */
const BOSS_CLAUSE = /^(?:我们|俺们)?(?:的)?(包工头|工头|老板)(?:是|叫|名叫|就是)?([\p{Script=Han}]{2,3})(?:的)?$|^([\p{Script=Han}]{2,3})是(?:我们|俺们)?(?:的)?(包工头|工头|老板)$/u;

/** A person by how people call them (`张三`, `老王`, `王总`, `张老板`), never a unit's name (`宏达建筑`). */
export function personCalled(name: string): boolean {
  const s = compact(name);
  if (looksLikeOrganisation(s)) return false;
  return calledName(s) || (/^[\p{Script=Han}](?:老板|经理|老总)$/u.test(s) && knownSurname(s) !== null);
}

/** How a person is called (`老王`, `小李`, `王建军`, `王哥`): a known surname first, nothing that says something. */
function calledName(name: string): boolean {
  if (/[我你他她们的了不没欠拖跑给谁啥姓说在是]/u.test(name)) return false;
  if (/^(?:老|小|阿)[\p{Script=Han}]$/u.test(name)) return knownSurname(name.slice(1)) !== null;
  if (/^[\p{Script=Han}](?:哥|总|工|头|叔|师傅)$/u.test(name)) return knownSurname(name) !== null;
  return knownSurname(name) !== null && parsePersonName(name).ok;
}

/**
 * At the employer question, a site said beside the one who owes (`青溪花园二期 包工头是老王`,
 * `在青溪花园二期干活 老板是老王`, `包工头老王 在青溪花园二期`): the site is the project, never the
 * employer; the boss or foreman is who owes (a foreman written as staff write him: 老王（包工头）).
 * `construction`: the words say it is building work (a foreman, a phase of an estate, 工地…), so the
 * site can be kept as the project. Null unless the message is exactly those two clauses.
 */
export function siteAndBoss(text: string, isPlace: (name: string) => boolean): { employer: string; site: string; construction: boolean } | null {
  const clauses = text.trim().split(/[\s,，。;；!！、]+/u).filter(Boolean);
  if (clauses.length !== 2) return null;
  for (const [siteAt, bossAt] of [[0, 1], [1, 0]] as const) {
    const boss = BOSS_CLAUSE.exec(compact(clauses[bossAt]!));
    const at = SITE_CLAUSE.exec(compact(clauses[siteAt]!));
    if (!boss || !at) continue;
    const [role, name] = boss[1] ? [boss[1], boss[2]!] : [boss[4]!, boss[3]!];
    const site = at[1]!;
    if (!calledName(name) || !SITE_ENDING.test(site) || isPlace(site) || /^(?:这|那|哪|一个|这个|那个|某)|什么|啥|我|你|他|她/u.test(site)) continue;
    const p = parseOrgName(site);
    if (!p.ok) continue;
    const foreman = role !== '老板';
    return {
      employer: foreman ? `${name}（包工头）` : name,
      site: p.value,
      construction: foreman || PROJECT_ENDING.test(site) || CONSTRUCTION_WORDS.test(text),
    };
  }
  return null;
}

/**
 * A foreman by name and nothing else: `包工头老李`, `包工头是王建军`, `老李是包工头`, `我们工头叫老李`; the surname said
 * first (`包工头姓王 叫王建军`, `工头姓王，王建军`), or a 他 before the role (`王建军 他是包工头`).
 */
const FOREMAN_ALONE =
  /^(?:我们|俺们)?(?:的)?(?:包工头|工头)(?:姓(\p{Script=Han})[,，\s]*(?:他|她)?(?:叫|名叫|全名叫|是)?|是|叫|名叫|就是)?([\p{Script=Han}]{2,3})(?:的)?$|^([\p{Script=Han}]{2,3})[,，\s]*(?:他|她)?(?:就)?是(?:我们|俺们)?(?:的)?(?:包工头|工头)$/u;

/**
 * The foreman's name when a whole answer names only him (`包工头老李`, `老李是包工头`): a person (a labour
 * contractor), not the unit he works for. Null for anything else, for a name no one is called by, and for a
 * name that does not begin with the surname said with it (`包工头姓王 叫李强`: which is meant is not known).
 */
export function foremanAlone(text: string): string | null {
  const m = FOREMAN_ALONE.exec(compact(text).replace(/[。.!！~～]+$/u, ''));
  if (!m) return null;
  const name = (m[2] ?? m[3])!;
  if (m[1] && !name.startsWith(m[1])) return null;
  return calledName(name) ? name : null;
}

/** A foreman named, then whom he works for: `包工头叫李强 给宏达建筑干的`, `包工头李强 他带我们给宏达建筑干活`. */
const FOREMAN_THEN_UNIT =
  /^(?:我们|俺们)?(?:的)?(?:包工头|工头)(?:是|叫|名叫|就是)?([\p{Script=Han}]{2,3}?)[,，\s]*(?:他|她)?(?:是)?(?:带(?:着)?(?:我们|俺们|我|俺)?)?(?:给|帮|替)([\p{Script=Han}A-Za-z0-9（）()]{2,24}?)(?:(?:干|做)(?:活|事|工)?(?:的)?)?$/u;
/** The unit first, then the foreman: `给宏达建筑干的 包工头叫李强`, `在宏达建筑干活 工头是老王`. */
const UNIT_THEN_FOREMAN =
  /^(?:我|俺|我们|俺们)?(?:是|就是|一直)?(?:给|帮|替|在)([\p{Script=Han}A-Za-z0-9（）()]{2,24}?)(?:干|做|上班|打工)(?:活|事|工)?(?:的)?[,，\s]*(?:我们|俺们)?(?:的)?(?:包工头|工头)(?:是|叫|名叫|就是)?([\p{Script=Han}]{2,3})$/u;

/**
 * At the employer question, a foreman named with the unit he works for, in one message: the unit is the employer and
 * the foreman its 包工头 (both confirmed; the unit was dropped and the foreman proposed as the employer). Only a name that
 * reads as a unit's (`宏达建筑`, `青溪宏达建筑工程有限公司`), never a site (`青溪花园二期`: siteAndBoss) or a place;
 * `unit` null when only a kind of unit is said (`给一家公司干的`).
 */
export function foremanAndUnit(text: string, isPlace: (name: string) => boolean): { foreman: string; unit: string | null } | null {
  const s = compact(text).replace(/[。.!！~～]+$/u, '');
  const a = FOREMAN_THEN_UNIT.exec(s);
  const b = a ? null : UNIT_THEN_FOREMAN.exec(s);
  const [foreman, said] = a ? [a[1]!, a[2]!] : b ? [b[2]!, b[1]!] : [null, null];
  if (!foreman || !said || !calledName(foreman)) return null;
  // `给那家宏达建筑干活`: the pointing word is no part of the name.
  const unit = said.replace(/^(?:一家|一个|那家|这家|这个|那个)(?=[\p{Script=Han}A-Za-z0-9]{2})/u, '');
  // `给一家公司干的`, `给一个什么公司干的`: the unit not named (whom he works for is asked, as for a foreman alone; the
  // words were kept as the employer 「李强给一家公司」).
  if (/^(?:一家|一个|那家|这家|这个|那个|个|家|某)?(?:公司|工厂|厂|厂里|单位|企业|老板|工地|项目|项目部|大公司|建筑公司)$|什么|啥|哪/u.test(unit)) return { foreman, unit: null };
  if (!looksLikeOrganisation(unit) || SITE_ENDING.test(unit) || isPlace(unit) || /我|你|他|她|某/u.test(unit)) return null;
  const p = parseOrgName(unit);
  return p.ok ? { foreman, unit: p.value } : null;
}

/** The foreman's name in an employer written as 老王（包工头）; null for any other employer. */
export function foremanOf(employer: string | undefined): string | null {
  return employer ? (/^(.+)（包工头）$/u.exec(employer)?.[1] ?? null) : null;
}

/**
 * The one who wrote an IOU pasted in a message (`今欠到张三工资款人民币贰万叁仟元整 欠款人：李四 2026年10月5日`): the name
 * after 欠款人, when the words are an IOU's (今欠/欠条/借条 and 欠款人). The one who owes the wages, as the IOU says.
 */
export function iouDebtor(text: string): string | null {
  if (!iouPasted(text)) return null;
  const m = /(?:欠款人|借款人|立据人)(?:签字|签名)?\s*[:：]?\s*([\p{Script=Han}·]{2,5}?)(?=$|[\s，,。；;0-9（(]|签|手印|按|身份证|电话|日期)/u.exec(text);
  if (!m) return null;
  const p = parsePersonName(m[1]!);
  return p.ok && knownSurname(m[1]!) !== null && !isRoleWord(m[1]!) && !ORG_SUFFIX.test(m[1]!) ? p.value : null;
}

/** The words of an IOU pasted in (今欠/欠条/借条, and who owes signed: 欠款人：…): its date is the IOU's, never when they left. */
export function iouPasted(text: string): boolean {
  return /今欠|欠条|借条/u.test(text) && /欠款人|借款人|立据人/u.test(text);
}

/** A web link: never a value (a map's, a company register's, a video's). */
export const LINK = /https?:\/\/|www\.|\.(?:com|cn|net)\b/iu;

/**
 * A map card or a place copied from a map (`【高德地图】青溪宏达建筑工程有限公司 地址：河西街道滨河路56号 https://surl.amap.com/…`,
 * lines run together): the place's name (the card's first line) and its address (after 地址：, or the card's second
 * line). Null for words that are neither.
 */
export function mapCard(text: string): { name: string | null; address: string | null } | null {
  const s = text.replace(/https?:\/\/\S+/giu, ' ').trim();
  const labelled = /(?:^|[\s】])(?:详细地址|地址|位置)[:：]\s*([^\s]{2,60})/u.exec(s);
  const card = /^【[^】]{0,8}(?:地图|导航|位置)】\s*([^\s]{2,40})(?:\s+(?:(?:详细地址|地址|位置)[:：]\s*)?([^\s]{2,60}))?\s*$/u.exec(s);
  if (!labelled && !card) return null;
  // The labelled address must be all that is after its label (`地址：河西街道滨河路56号` then a link at most).
  if (labelled && !card && s.slice(labelled.index + labelled[0].length).trim() !== '') return null;
  return { name: card?.[1] ?? null, address: labelled?.[1] ?? card?.[2] ?? null };
}
