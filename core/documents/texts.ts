/** What the chat says about documents (`文书`, under `进度`). */
import { HELP_SHORT } from '../legal-aid/index.js';
import { isCase, refOf, type Subject } from './facts.js';

export interface Listed {
  subject: Subject;
  documents: { title: string; url: string }[];
}

function about(s: Subject): string {
  if (isCase(s)) return s.wage?.employer ?? (s.kind === 'legal_aid' ? '支持起诉' : '案件');
  return `预约${HELP_SHORT[s.help]}`;
}

export const DOC_TEXTS = {
  none: '您还没有可以生成法律文书的案件。反映欠薪以后，我们可以按您说的情况，帮您预先填好劳动仲裁申请书、起诉状和证据清单。回复「反映欠薪」可以开始。',
  notFound: (no: string) => `没有找到您的案件或预约 ${no}。请核对编号；回复「文书」可以查看能生成文书的案件。`,
  nothingFor: (no: string) => `${no} 暂时没有可以生成的文书（人工求助、已经结清的事不需要）。回复「文书」可以查看能生成文书的案件。`,
  /** Asked for a document by name (`我要仲裁申请书`) with none to download yet: how to get one here. */
  howToGet: '这里也能按您的情况帮您预先填好劳动仲裁申请书、起诉状这些文书：先回复「反映欠薪」把情况登记上，提交后回复「文书」就能下载。',
  hint: '回复「文书」可以下载按您的情况预先填好的劳动仲裁申请书、起诉状、证据清单等法律文书。',

  /** One case or booking: each document with its link. */
  links(l: Listed, ttlMinutes: number): string {
    const items = l.documents.map((d, i) => `${i + 1}. ${d.title}\n${d.url}`).join('\n');
    return (
      `${refOf(l.subject)}（${about(l.subject)}）的法律文书，已经按您反映的情况填好了能填的内容：\n${items}\n\n` +
      `点链接下载（Word 文件），${ttlMinutes}分钟内有效，过期了再回复「文书」就行。身份证号、住址等空白处请自己填写，每份文书最后一页有填写说明，可以转发到电脑上打印。` +
      '在小程序里，也可以到「我的案件」点「文书」直接打开。'
    );
  },

  /** Several: what each has; the person picks one. */
  choose(list: readonly Listed[]): string {
    const lines = list.map((l) => `· ${refOf(l.subject)}（${about(l.subject)}）：${l.documents.map((d) => d.title).join('、')}`);
    return `您有${list.length}件事可以生成法律文书：\n${lines.join('\n')}\n请回复「文书」加编号获取下载链接，例如「文书 ${refOf(list[0]!.subject)}」。`;
  },
};
