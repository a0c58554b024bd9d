/**
 * The words of each document, laid out as the published templates are:
 * parties, claims, facts and reasons, evidence, the addressee, signature
 * and date, attachments; then the worker's notes on a page of their own.
 * What the records know is filled in; the rest is a blank.
 */
import { claimedAmount, headcountText } from '../cases/index.js';
import { hearingDays } from '../legal-aid/index.js';
import { yuan } from '../infra/money.js';
import { chineseDate, dayText, monthText } from '../infra/time.js';
import type { Facts } from './facts.js';
import type { DocumentKind } from './kinds.js';
import { DOCUMENT_TITLES } from './kinds.js';
import { rmbCapitals } from './money.js';
import { DATE_BLANK, addressee, attachments, blank, field, heading, line, notes, para, signature, table, title, type Block } from './layout.js';

const GSXT_TEXT = '单位的统一社会信用代码、住所、法定代表人，可以在「国家企业信用信息公示系统」（www.gsxt.gov.cn）免费查到。';
/** Where a company's details are found: not for a family that hired the worker. */
const gsxt = (f: Facts): string[] => (f.household ? [] : [GSXT_TEXT]);
const EVIDENCE_LINE = '证据和证据来源见所附《证据清单》。证人姓名和住所：';

/** The claim in figures and capitals, only when the worker said an exact amount. */
function money(f: Facts): string {
  const w = f.wage;
  if (!w || w.amountApprox || w.amountUpTo !== null) return `人民币${blank(10)}元（大写：${blank(16)}）`;
  return `人民币${yuan(w.amount)}（大写：${rmbCapitals(w.amount)}）`;
}

/** `2026年8月至2026年10月`, `2026年8月至今`, or blanks. */
function period(f: Facts): string {
  const p = f.wage?.period;
  if (!p) return `${blank(6)}年${blank(3)}月至${blank(6)}年${blank(3)}月`;
  return `${monthText(p.start)}至${p.end ? monthText(p.end) : '今'}`;
}

/** Notes every document shares: where it came from, blanks, the amount if it was a guess. */
function commonNotes(f: Facts, today: string): string[] {
  const out = [
    `这份文书由工友助手根据您反映的情况（编号 ${f.ref}）于${today}生成，已经填好的内容请逐项核对。带下划线的空白处请如实填写（可以用钢笔、签字笔手写，也可以在手机或电脑上改好再打印）；拿不准的，可以问工会工作人员或律师。`,
  ];
  if (f.worker.forOther) {
    out.push(
      `${f.worker.name ? `申请人（原告）是被欠工资的${f.worker.name}本人` : '申请人（原告）是被欠工资的本人，请填上他的姓名'}，不是替他反映的人。身份证号码、联系电话等请填他本人的，由他本人核对、签名和提交；家人可以陪同，或者拿他签字的授权委托书代办。`,
    );
  }
  // The hearing day told of on the booking: with the facts, so the papers are ready for it (the notice they got decides).
  if (f.hearing) {
    out.push(`您告诉我们${hearingDays(f.hearing)}开庭（仲裁）（您说「${f.hearing.said}」）。开庭时间和地点以仲裁委员会或法院的通知为准；证据原件和复印件请在开庭前准备好。`);
  }
  const w = f.wage;
  if (w && (w.amountApprox || w.amountUpTo !== null)) {
    out.push(`您反映的金额是${claimedAmount(w)}，是个大概的数。请按工资条、考勤记录、欠条、结算单等算出准确数字，填在金额的空白处。`);
  }
  return out;
}

// --- parties -----------------------------------------------------------------------------------

function workerParty(role: string, f: Facts): Block[] {
  return [
    line({ text: `${role}：`, bold: true }, f.worker.name ?? blank(10), `　　性别：${blank(4)}　　民族：${blank(4)}`),
    field('出生日期', DATE_BLANK),
    field('身份证号码', blank(22)),
    field('住址', blank(30)),
    field('联系电话', f.worker.phone ?? blank(14)),
  ];
}

function employerParty(role: string, f: Facts): Block[] {
  const name = f.wage?.employer ?? blank(24);
  const address = f.employerAddress ?? blank(30);
  if (f.household) {
    // A family that hired the worker: a person, not a company.
    return [
      line({ text: `${role}：`, bold: true }, name, `　　性别：${blank(4)}`),
      field('身份证号码', blank(22)),
      field('住址', address),
      field('联系电话', blank(14)),
    ];
  }
  return [
    line({ text: `${role}：`, bold: true }, name),
    field('统一社会信用代码', blank(22)),
    field('住所', address),
    field('法定代表人（主要负责人）', `${blank(10)}　　职务：${blank(8)}`),
    field('联系电话', blank(14)),
  ];
}

// --- the facts -------------------------------------------------------------------------------------

/** The story of the arrears, with the roles of this document (`申请人`/`被申请人`, `原告`/`被告`…). */
function story(f: Facts, me: string, them: string): Block[] {
  const w = f.wage;
  const where = f.place ? `，工作地点在${f.place}` : '';
  const since = f.workStart ? monthText(f.workStart) : DATE_BLANK;
  const first = f.household
    ? `${me}自${since}起受${them}雇请，从事${f.trade ?? blank(10)}工作${where}，双方约定报酬为每月${blank(8)}元。`
    : `${me}自${since}起在${them}${w?.construction && w.project ? `承建的${w.project}项目` : '处'}从事${f.trade ?? blank(10)}工作${where}，双方约定工资为每月${blank(8)}元。`;
  const pay = f.household ? '报酬' : '工资';
  const parts: string[] = [];
  if (w) {
    const exact = !w.amountApprox && w.amountUpTo === null;
    parts.push(
      `自${monthText(w.period.start)}起，${them}拖欠${me}${pay}，${w.period.end ? `至${monthText(w.period.end)}` : '至今'}共${w.period.months}个月，合计${exact ? `人民币${yuan(w.amount)}` : `人民币${blank(10)}元`}。`,
    );
  } else {
    parts.push(`自${blank(6)}年${blank(3)}月起，${them}拖欠${me}${pay}，合计人民币${blank(10)}元。`);
  }
  const e = f.employment;
  if (e?.stillEmployed) parts.push(`${me}目前仍在${them}处工作。`);
  else if (e && e.left) parts.push(`${me}已于${e.left.length === 7 ? monthText(e.left) : dayText(e.left)}离开${them}处。`);
  parts.push(`经${me}催要，${them}至今未予支付。`);
  if (w && w.headcount.count > 1) {
    parts.push(
      `与${me}一同被拖欠${pay}的工友共${w.headcount.approximate && !w.headcount.about && w.headcount.upTo === undefined ? `${w.headcount.count}余人` : headcountText(w.headcount)}${w.groupAmount !== null ? `，被拖欠的${pay}合计约${yuan(w.groupAmount)}` : ''}。`,
    );
  }
  return [para(first), para(parts.join(''))];
}

function evidenceSection(): Block[] {
  return [heading('证据和证据来源、证人姓名和住所：'), para(`${EVIDENCE_LINE}${blank(24)}。`)];
}

// --- the documents ------------------------------------------------------------------------------------

function arbitration(f: Facts, today: string): Block[] {
  const d = f.district;
  return [
    ...title(DOCUMENT_TITLES.arbitration),
    ...workerParty('申请人', f),
    ...employerParty('被申请人', f),
    heading('仲裁请求：'),
    para(`1. 裁决被申请人支付申请人${period(f)}拖欠的工资${money(f)}；`),
    para(`2. ${blank(36)}。`),
    heading('事实和理由：'),
    ...story(f, '申请人', '被申请人'),
    para(
      '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。被申请人拖欠申请人工资，侵害了申请人的合法权益。根据《中华人民共和国劳动法》第五十条、《中华人民共和国劳动合同法》第三十条和《中华人民共和国劳动争议调解仲裁法》的有关规定，特向贵委申请仲裁，请依法裁决。',
    ),
    ...evidenceSection(),
    ...addressee(`${d}劳动人事争议仲裁委员会`),
    ...signature('申请人'),
    ...attachments([`本申请书副本${blank(3)}份（按被申请人人数提交）`, '证据清单一份，证据材料复印件一套', '申请人身份证复印件一份']),
    ...notes([
      ...commonNotes(f, today),
      ...gsxt(f),
      '仲裁请求第2项可以写其他请求，例如没签书面劳动合同的二倍工资、解除劳动合同的经济补偿等；没有就删去这一项。',
      '申请劳动仲裁不收费。劳动关系已经结束的，要在结束之日起一年内申请；还在单位干、单位拖欠工资的，不受一年的限制。',
      `向劳动合同履行地或者单位所在地的劳动人事争议仲裁委员会申请。这份申请书写的是${d}劳动人事争议仲裁委员会；单位所在地在别处的，也可以改成那里的仲裁委员会。`,
      '提交时带上：这份申请书（正本一份，另按被申请人人数准备副本）、身份证原件和复印件、证据材料原件和复印件。',
      '对仲裁裁决不服的，可以在收到裁决书之日起十五日内向人民法院起诉；仲裁委员会不予受理或者逾期没有作出决定的，也可以向人民法院起诉（见《民事起诉状》）。',
    ]),
  ];
}

function complaint(f: Facts, today: string): Block[] {
  const d = f.district;
  const pay = f.household ? '劳务报酬' : '劳动报酬';
  return [
    ...title(DOCUMENT_TITLES.complaint, f.household ? '（劳务合同纠纷）' : '（追索劳动报酬纠纷）'),
    ...workerParty('原告', f),
    ...employerParty('被告', f),
    heading('诉讼请求：'),
    para(`1. 判令被告支付原告${period(f)}的${pay}${money(f)}；`),
    para('2. 本案诉讼费用由被告承担。'),
    heading('事实与理由：'),
    ...story(f, '原告', '被告'),
    ...(f.household ? [] : [para(`原告已于${DATE_BLANK}就上述争议向${d}劳动人事争议仲裁委员会申请仲裁，${blank(30)}。`)]),
    para(
      f.household
        ? `被告拖欠原告${pay}，侵害了原告的合法权益。根据《中华人民共和国民法典》第五百零九条和《中华人民共和国民事诉讼法》的有关规定，特向贵院提起诉讼，请依法判决。`
        : `被告拖欠原告${pay}，侵害了原告的合法权益。根据《中华人民共和国劳动合同法》第三十条和《中华人民共和国民事诉讼法》的有关规定，特向贵院提起诉讼，请依法判决。`,
    ),
    ...evidenceSection(),
    ...addressee(`${d}人民法院`),
    ...signature('起诉人'),
    ...attachments([`本起诉状副本${blank(3)}份（按被告人数提交）`, '证据清单一份，证据材料复印件一套', '原告身份证复印件一份']),
    ...notes([
      ...commonNotes(f, today),
      ...gsxt(f),
      ...(f.household
        ? [
            '给个人或者家庭干活（保姆、护工、钟点工、私人装修等）发生的报酬纠纷，一般不属于劳动争议，不用先申请劳动仲裁，可以直接向人民法院起诉。',
            `向被告住所地或者合同履行地的人民法院起诉。这份起诉状写的是${d}人民法院，不对的请改正。`,
          ]
        : [
            '劳动争议一般要先申请劳动仲裁：对仲裁裁决不服的，在收到裁决书之日起十五日内起诉；仲裁委员会不予受理或者逾期没有作出决定的，也可以起诉。请在「事实与理由」里申请仲裁那一段的空白处写明结果，例如「该委于×年×月×日作出×号裁决书，原告不服该裁决」或者「该委决定不予受理」。',
            '手里有单位出具的工资欠条、只要求支付工资的，可以不经过仲裁直接起诉（《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第十五条），这时把申请仲裁那一段改写成欠条的情况（谁、哪天出具、欠多少）。',
            `向单位所在地或者劳动合同履行地的人民法院起诉。这份起诉状写的是${d}人民法院，不对的请改正。`,
            '劳动争议案件每件交案件受理费10元；确实交不起的，可以向法院申请缓交、减交或者免交。',
          ]),
      '提交时带上：这份起诉状（正本一份，另按被告人数准备副本）、身份证原件和复印件、证据材料原件和复印件。',
    ]),
  ];
}

function support(f: Facts, today: string): Block[] {
  const d = f.district;
  return [
    ...title(DOCUMENT_TITLES.support),
    ...workerParty('申请人', f),
    ...employerParty('对方当事人', f),
    heading('申请事项：'),
    para(`请求${d}人民检察院支持申请人向${d}人民法院提起民事诉讼，请求判令对方当事人支付拖欠申请人的${period(f)}${f.household ? '劳务报酬' : '工资'}${money(f)}。`),
    heading('事实与理由：'),
    ...story(f, '申请人', '对方当事人'),
    para(`申请人自行起诉确有困难：${blank(36)}。`),
    para(
      '根据《中华人民共和国民事诉讼法》第十五条「机关、社会团体、企业事业单位对损害国家、集体或者个人民事权益的行为，可以支持受损害的单位或者个人向人民法院起诉」的规定，特申请贵院支持申请人起诉。',
    ),
    ...evidenceSection(),
    ...addressee(`${d}人民检察院`),
    ...signature('申请人'),
    ...attachments(['证据清单一份，证据材料复印件一套', '申请人身份证复印件一份', '已经申请劳动仲裁的，仲裁裁决书或者不予受理通知书复印件一份']),
    ...notes([
      ...commonNotes(f, today),
      '「自行起诉确有困难」后面，请写明自己打官司有什么难处，例如经济困难请不起律师、不会写起诉状、年纪大、生病、残疾等。',
      '检察机关支持起诉，主要帮助讨薪难、调解不成，或者农民工、老年人、残疾人等自己打官司确有困难的劳动者。检察院审查后决定支持的，会出具书面意见，和您的起诉状一起交给法院。',
      '劳动争议一般要先经过劳动仲裁。还没有申请仲裁的，检察官会告诉您怎么办；已经仲裁的，请带上仲裁裁决书或者不予受理通知书。',
      '请把这份申请书和《民事起诉状》《证据清单》一起带给检察官。',
      ...gsxt(f),
    ]),
  ];
}

const DOC_NAMES = { award: '裁决书', judgment: '判决书', mediation: '调解书' } as const;

function enforcement(f: Facts, today: string): Block[] {
  const d = f.district;
  const doc = f.award?.doc ?? null;
  const docName = doc ? DOC_NAMES[doc] : '裁决书（判决书、调解书）';
  const by = doc === 'award' ? `${blank(12)}劳动人事争议仲裁委员会` : doc === 'judgment' ? `${blank(12)}人民法院` : blank(24);
  const w = f.wage;
  const claim = w ? `${period(f)}的${f.household ? '劳务报酬' : '工资'}${claimedAmount(w)}` : `${f.household ? '劳务报酬' : '工资'}${blank(10)}元`;
  return [
    ...title(DOCUMENT_TITLES.enforcement),
    ...workerParty('申请执行人', f),
    ...employerParty('被执行人', f),
    heading('执行依据：'),
    para(`${by}于${DATE_BLANK}作出的${docName}（文号：${blank(18)}），已于${DATE_BLANK}发生法律效力。`),
    heading('申请执行事项：'),
    para(`1. 强制被执行人向申请执行人支付${blank(10)}元（大写：${blank(16)}）；`),
    para('2. 被执行人加倍支付迟延履行期间的债务利息；'),
    para('3. 本案执行费用由被执行人负担。'),
    heading('事实与理由：'),
    para(
      `被执行人拖欠申请执行人${claim}，双方因此发生争议。上述${docName}确定被执行人应于${DATE_BLANK}前向申请执行人支付${blank(10)}元。该法律文书已经发生法律效力，但被执行人至今没有全部履行，已经支付的数额为${blank(10)}元。`,
    ),
    para(
      doc === 'judgment'
        ? '根据《中华人民共和国民事诉讼法》的有关规定，特申请贵院依法强制执行。'
        : '根据《中华人民共和国劳动争议调解仲裁法》第五十一条和《中华人民共和国民事诉讼法》的有关规定，特申请贵院依法强制执行。',
    ),
    heading('被执行人的财产线索（知道的请填写，不知道可以不填）：'),
    field('开户银行及账号', blank(26)),
    field('房产、车辆', blank(28)),
    field('其他财产', blank(28)),
    ...addressee(`${d}人民法院`),
    ...signature('申请执行人'),
    ...attachments([
      `生效的${docName}副本一份`,
      '法律文书生效证明一份（由作出文书的仲裁委员会或者人民法院出具）',
      '申请执行人身份证复印件一份',
      '被执行人的营业执照信息或者身份信息、财产线索材料（有的话）',
    ]),
    ...notes([
      ...commonNotes(f, today),
      '申请强制执行，要在生效文书规定的付款期限最后一天起两年内提出；文书没有写付款期限的，从文书生效之日起算。',
      `向哪个法院申请：判决书和法院的调解书，向作出一审判决（调解）的人民法院申请；劳动仲裁的裁决书、调解书，向被执行人住所地或者财产所在地的人民法院申请。这份申请书写的是${d}人民法院，不对的请改正。`,
      '要带上：生效的裁决书（判决书、调解书）和它的生效证明（找作出文书的仲裁委员会或者法院开具）、身份证原件和复印件，以及知道的被执行人财产线索。',
      '「申请执行事项」的金额，按生效文书确定的数额填写；对方已经给了一部分的，写还没给的部分。「事实与理由」里「已经支付的数额」写对方已经给了多少，一分没给的写0。',
      '申请执行不用预交申请执行费，这笔费用由被执行人负担。',
      '被执行人有能力履行却拒不履行的，法院可以依法查询、冻结、划拨存款，查封、扣押、拍卖财产，限制高消费，纳入失信被执行人名单。',
      ...gsxt(f),
    ]),
  ];
}

function evidence(f: Facts, today: string): Block[] {
  const files = f.evidence.map((e, i) => [String(i + 1), e.name.replace(/\.[A-Za-z0-9]{1,5}$/, ''), '本人提供', '', '']);
  const rows = [...files];
  // Room to write in what was not sent through the chat: at least three empty lines, six in all.
  while (rows.length < Math.max(6, files.length + 3)) rows.push([String(rows.length + 1), '', '', '', '']);
  return [
    ...title(DOCUMENT_TITLES.evidence),
    line({ text: '案由：', bold: true }, f.household ? '劳务合同纠纷' : '追索劳动报酬纠纷'),
    line({ text: '提交人：', bold: true }, f.worker.name ?? blank(10)),
    line({ text: '对方当事人：', bold: true }, f.wage?.employer ?? blank(24)),
    line(''),
    table(['序号', '证据名称', '证据来源', '证明内容', '页数'], rows, [8, 30, 14, 38, 10]),
    ...signature('提交人'),
    ...notes([
      ...commonNotes(f, today),
      files.length > 0
        ? `表格里已经列出您在工友助手上传的${files.length}份材料。请写上每份证明什么、有几页，并准备复印件；原件在仲裁或者开庭时带去核对。`
        : '请把手里的证据逐份填进表格，写上每份证明什么、有几页，并准备复印件；原件在仲裁或者开庭时带去核对。',
      '常见的证据有：劳动合同、工作证、工作服、考勤记录、工友证言（证明和单位有劳动关系）；工资条、银行流水、结算单、欠条、对账记录（证明拖欠多少）；催要工资的微信聊天记录、短信、录音（证明催要过）。没有书面劳动合同也没关系，这些都可以证明。',
      '微信聊天记录截图要能看到对方的头像、昵称和微信号；录音要能听出是谁、说的是什么。',
      '这份清单和《劳动仲裁申请书》或者《民事起诉状》一起提交，证据按表格里的顺序排好。',
    ]),
  ];
}

const BUILDERS: Record<DocumentKind, (f: Facts, today: string) => Block[]> = { arbitration, complaint, support, enforcement, evidence };

/** The blocks of one document (core/documents/layout.ts packs them). */
export function blocksOf(kind: DocumentKind, f: Facts, now: Date): Block[] {
  return BUILDERS[kind](f, chineseDate(now.toISOString()));
}
