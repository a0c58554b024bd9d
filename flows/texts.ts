/** After three misses, how to go on without answering. */
const STUCK_HELP = '不方便回答的话，可以回复「人工」请工作人员帮您。';

/** Texts shared by every flow. Short, polite, plain Simplified Chinese. */
export const T = {
  greeting: '您好，我是工友助手，可以帮您办理下面的事情，回复数字即可：',
  menuBack: '已回到主菜单。',
  draftKept: (title: string) => `您刚才填写的「${title}」已保存，再次选择它就能接着填。`,
  cancelled: '好的，已取消。刚才填写的内容没有提交，也已清除。',
  nothingToCancel: '现在没有正在办理的事项。',
  /** 取消 in the middle of 改约: nothing was moved. */
  rescheduleDropped: (no: string) => `好的，不改了。预约 ${no} 还是原来的时间，照常有效。`,
  firstQuestion: '这已经是第一个问题了。',
  empty: '您好像没有输入内容。',
  tooLong: (n: number, read: number) => `您的消息有${n}个字，太长了，我先看了前${read}个字。`,
  notAnOption: (n: number) => `没有这个选项，请回复1到${n}之间的数字。`,
  onlyOneOption: (n: number) => `这里只能选一个，请回复1到${n}之间的一个数字。`,
  textNeeded: '这一步需要文字回答，不用发文件。',
  /**
   * WeChat messages the chat cannot open (a forwarded chat record, a link, a
   * card, a video on the Official Account; a location in the middle of a form
   * or one that is no place), each with what to send instead; the question
   * follows.
   */
  unreadable: {
    'chat-record': '合并转发的聊天记录我这里打不开。请把要紧的几条截图，当照片发给我。',
    link: '链接我这里打不开。要让我看的内容，请截图发给我，或者打字告诉我。',
    'mini-program': '小程序卡片我这里打不开。要让我看的内容，请截图发给我，或者打字告诉我。',
    card: '名片我这里打不开。要给的是谁的电话，请打字告诉我。',
    location: '位置我这里看不出是哪个镇、哪个村，请打字回答。',
    video: '视频我这里打不开。要让我看的内容，请截图当照片发给我，或者打字告诉我。',
    other: '这种消息我暂时看不懂，请打字或发语音告诉我。',
    // What WeChat writes in text for a picture, a voice, a call, a transfer (flows/nlu/normalize.ts placeholderOnly).
    picture: '图片我这里看不到，请打字告诉我。',
    voice: '语音我这里听不到，请打字告诉我。',
    call: '通话我这里接不了，请打字告诉我。',
    money: '转账、红包我这里收不了，也不用发。有什么事请打字告诉我。',
  },
  /**
   * Said in a WeChat group to whoever @-mentions the bot there (the group sees it, so nothing of their
   * matter is asked or answered in it): where to talk instead, and not to post numbers in the group.
   */
  groupMention: '您好，我是工友助手。为了保护您的隐私，反映欠薪、预约法律援助、加入工会，请私聊我（点我的头像，发消息）。手机号、身份证号请不要发在群里。',
  stuck: '如果不方便回答，可以回复「人工」请工作人员帮您。',
  stuckOptional: '如果不方便回答，可以回复「跳过」，或回复「人工」请工作人员帮您。',
  commands:
    '随时可以回复：「菜单」回到主菜单，「返回」回到上一个问题，「取消」放弃填写，「人工」找工作人员，「进度」查看我的案件。',
  resume: (title: string) => `欢迎回来！您上次的「${title}」还没填完。`,
  restarted: '系统刚刚更新过，之前的填写需要重新开始，抱歉给您添麻烦了。',
  reviewHint: '请核对以上信息。回复「确认」提交；要修改哪一项，就回复「改」加序号，例如「改 2」。',
  /** The other of two questions' next steps, offered when the first one's is declined. */
  offerInstead: (title: string) => `好的。您问的另一件事，可以在这里「${title}」，要现在开始吗？`,
  /** After submitting, the other service asked for in the same message (`确认 另外我想找律师`). */
  alsoAsked: (title: string) => `您刚才还说要办「${title}」，现在就开始吗？`,
  /** The same kept at the start: `先帮您办「反映欠薪」；您说的「工伤」的事，办完再问您要不要「预约法律援助」。` */
  alsoLaterTold: (first: string, matter: string, other: string) => `好的，先帮您办「${first}」；您说的「${matter}」的事，等这件办完再问您要不要「${other}」。`,
  /** A matter told beside the report (`11月20号摔伤了`), kept for after it: offered, never said to be asked for. */
  alsoTold: (matter: string, title: string) => `您刚才还说到「${matter}」的事，可以「${title}」，请律师帮您看看。现在就开始吗？`,
  /** After an answer, the service the story told of (pay held back) offered: `要我帮您「反映欠薪」吗？`. */
  offerService: (title: string) => `您说的情况可以在这里「${title}」，工会和工格员帮您协调。要现在开始吗？`,
  /** After an answer, the booking the same message wished for (`想找个律师问问 老板不给工资怎么办`). */
  lawyerWished: (title: string) => `您说想找律师：可以在这里「${title}」，请工会律师帮您看看。要现在预约吗？`,
  /** Two services asked for in one message (`老板欠我工资 另外我还想入工会`): the first begun, the other kept for after. */
  alsoLater: (first: string, other: string) => `好的，先帮您办「${first}」，「${other}」等这件办完再接着帮您办。`,
  reviewRetry: '请回复「确认」提交，或回复「改」加序号修改，例如「改 2」。',
  /** A bare yes at 「哪一项要改？」 (the answers listed to pick one): neither a pick nor a submit. */
  pickOrSubmit: '要改哪一项，请回复它前面的序号；都没问题的话，回复「确认」提交。',
  noSuchField: (n: number, max: number) => `没有第${n}项，请回复「改 1」到「改 ${max}」之间的一项。`,
  skipped: '未填写',
  unknown: '抱歉，我没太明白您的意思。',
  /** Only what the person does for a living (`我是做保姆的`): what we can help with, and the menu. */
  jobOnly: '您好！不管做哪一行，遇到工资被拖欠、想加入工会，或者有法律上的事想问，都可以找我。您直接说遇到了什么事就行，也可以回复数字：',
  /** Who or where said again right after the greeting above (`送外卖的`, then `美团`): short, never that greeting twice. */
  jobAgain: '好的，知道了。您遇到了什么事？工资被拖欠、想加入工会，或者有法律上的事想问，直接说就行，也可以回复数字：',
  riderAgain: '好的，知道了。您遇到了什么事？平台乱扣钱、报酬被拖欠，或者想加入新就业形态工会，直接说就行，也可以回复数字：',
  /** Only a platform's job (`送外卖的`, `美团`): what riders get, and the menu. */
  riderOnly: '您好！不管做哪一行，遇到工资被拖欠、想加入工会，或者有法律上的事想问，都可以找我。骑手、快递员、网约车司机被平台乱扣钱、报酬被拖欠，也可以在这里反映；还可以申请加入新就业形态工会。您直接说遇到了什么事就行，也可以回复数字：',
  /** A bare number after 谢谢 closed an offer (its 好的 / 不用了 no longer the question on screen): the offer asked again. */
  offerAgain: (n: string, title: string) => `您发了「${n}」。是要我现在帮您「${title}」吗？`,
  /** A bare number right after a submission, with no list shown: which is meant is asked. */
  numberAfterSubmit: (n: string) => `您发了「${n}」。要办哪件事，请看下面的菜单回复数字：`,
  /** 进度 (or 多久能拿到钱) before anything was submitted. */
  noCaseYet:
    '您还没有提交过案件。在这里登记欠薪后，案件马上交给当地工格员，一般一个工作日内接单，接单后一般15个工作日内给出处理结果。回复「反映欠薪」可以开始。',
  /** 入会申请批了没 before any application (or case, or booking) was sent. */
  noApplicationYet: '您还没有在这里提交过入会申请。回复「加入工会」就可以开始办理。',
  /** 我预约的律师定了没 before any booking (or case, or application) was made. */
  noBookingYet: '您还没有在这里预约过法律援助。回复「预约法律援助」就可以约工会律师免费咨询。',
  /** 有人联系我了吗 before anything (a case, an application, a booking) was sent: nobody has anything to call about yet. */
  nobodyYet:
    '您还没有在这里反映过问题或办理过事情，所以暂时不会有人联系您。反映欠薪回复「反映欠薪」，约律师回复「预约法律援助」，入会回复「加入工会」。',
  /** 有人联系我了吗 while a form is filled in or kept unfinished (nothing sent): not sent yet, so nobody calls yet. */
  nobodyYetInFlow: '您这次填的还没有提交，所以暂时还不会有人联系您。填完提交后，随时回复「进度」就能看到办到哪一步。',
  /** How to go on with a form kept unfinished, said under what 进度 says at 「欢迎回来！」. */
  goOnWith: '想接着填的话，回复「继续」就行。',
  /** 我想让工作人员给我打电话 before anything was sent: staff have no number and no matter; what to do instead. */
  noCallYet:
    '您还没有在这里反映过问题或办理过事情，工作人员这边没有您的电话，也不知道是什么事，所以暂时没法给您打电话。您遇到了什么事，直接跟我说就行；想找工作人员，回复「人工」；也可以打职工服务热线12351。',
  /** The same while a report is being filled in: it is not submitted yet. */
  noCaseYetInFlow: '您这次填的还没有提交。填完提交后，随时回复「进度」就能看到办到哪一步。',
  /** A bare 对 / 不是 to an either-or asked with choices (「…是您自己一个人的，还是你们一共的？」): which one is asked, plainly. */
  pickOne: (labels: readonly string[]) =>
    labels.length === 2 ? `这里要选一个：是「${labels[0]}」，还是「${labels[1]}」？回复数字1或2就行。` : `这里要从下面选一个：${labels.map((l) => `「${l}」`).join('、')}，回复对应的数字就行。`,
  /** The same a third time: other words, and a person. */
  pickOneStuck: '还是没看出您选的是哪一个。请直接回复下面的数字；说不清的话，回复「人工」请工作人员帮您。',
  /** After two misses: the numbers. */
  numbersOnly: '回复数字即可。',
  /** After three misses: what was asked, and a person. */
  stuckAsking: (question: string) => `我刚才是在问：${question}\n${STUCK_HELP}`,
  /** The same when the question was just said again above it: the person only. */
  stuckHelp: STUCK_HELP,
  backTo: (title: string) => `我们接着填「${title}」：`,
  /** A yes at a question asked again with its answer shown (返回): the answer stays. */
  keptAsIs: (label: string, shown: string) => `好的，${label}还是「${shown}」。`,
  /** What a question answers itself (Field.asked), asked again there: the answer is above; what else can be done. */
  talkAgain: (title: string) => `咱们还在填「${title}」，回答下面这个问题就能接着办。一时答不了的话，可以回复「回头再填」，或回复「人工」请工作人员帮您。`,
  askedAgain: '刚才的说明在上面。一时答不了的话，可以回复「回头再填」，填过的都给您保存着；也可以回复「人工」请工作人员帮您。',
  /** `嗯` at a question of choices: none picked, asked again. */
  ackAtChoice: '这一项还需要您选一下，回复数字就行：',
  ackAtChoiceAgain: '这一项还需要您选一下，回复数字就行；不方便回答的话，可以回复「人工」请工作人员帮您：',
  /** A thumbs-up alone (`👍`, `[强]`, `[OK]`) at a yes-or-no question or a consent: never taken as the yes (set Q). */
  okEmojiAtYesNo: '点赞、OK这类表情我不好当作回答，这一项请回复数字或文字：',
  /** The same at 「…对吗？」. */
  okEmojiAtConfirm: '点赞、OK这类表情我不好当作回答。没记错请回复「对」，有记错的回复「不对」：',
  /** Impatience in a form (`怎么这么麻烦`): sorry, how many questions are left (`left`, this one included), and that it can wait. */
  impatient: (left: number) =>
    `抱歉，耽误您时间了。${left <= 0 ? '就差最后核对一下了。' : left <= 3 ? `只剩${left}个问题了。` : `还有大约${left}个问题，有的可以回复「跳过」。`}要先忙的话，回复「回头再填」，填过的都给您保存着。`,
  noted: (facts: string) => `好的，我先记下：${facts}。`,
  /** What the opening message chose, in the fields' own phrases (`您想找工会律师咨询`), then any other facts. */
  notedSaid: (phrases: string, facts: string) => `好的，${phrases}。${facts ? `我先记下：${facts}。` : ''}`,
  confirmInferred: (facts: string) => `我理解的是：${facts}。对吗？`,
  confirmChanged: (facts: string) => `您是要改成：${facts}，对吗？`,
  confirmOptions: [
    { label: '对', value: 'yes' },
    { label: '不对', value: 'no' },
  ],
  confirmDropped: '好的，刚才那些先不记。',
  /** Values read from the person's words that were not confirmed: not kept, named (asked again now). */
  notKept: (labels: string) => `好的，${labels}先不记，我再问您一次。`,
  /** A yes that came late, to what was just set aside (`对` after 「…先不记，我再问您一次」). */
  lateYes: (facts: string) => `好的，${facts}，记下了。`,
  /** Values set aside unconfirmed (went on instead of 对 or 不对): named, offered again at their question. */
  notKeptOffered: (facts: string, again: boolean) => `好的，${facts}还没跟您核对，先没有记${again ? '，我再问您一次' : ''}。`,
  /** Said at the question of a value set aside unconfirmed, offered as its option. */
  offeredAgain: (shown: string) => `（您之前说的是「${shown}」，没错的话回复「对」就行）`,
  /** …asked later in the report, at its own question. */
  notKeptLater: (labels: string) => `好的，${labels}先不记，后面再问您。`,
  /** …not asked again (at the summary, or an optional question already passed). */
  notKeptAtAll: (labels: string) => `好的，${labels}先不记。`,
  /** A change that was not confirmed: the answer stays as it was. */
  notChanged: (labels: string) => `好的，${labels}没有改。`,
  /** A bare number at a "对吗？" while the question asked has numbered options too. */
  digitWhich: (n: number, label: string, line: string) =>
    `您回复的「${n}」，是选上面问题的「${label}」，还是对下面这句说「对」？\n${line}\n请直接回复「对」或「不对」；要选「${label}」，回复它的名字就行。`,
  /** A bare number again after `digitWhich`: still either; the choices offered as options of their own. */
  digitAgain: (n: number) => `还是分不清您的「${n}」是哪个意思，我换个问法。请回复下面的数字（这次的数字只对应下面这几项）：`,
  /**
   * `不想填了`, `算了 不要了`, `先不报了`: asked, never thrown away at once. One question whose yes is
   * stopping (a plain 嗯 / 好 after 不弄了 agrees to stop; it never goes on with the form).
   */
  stopAsk: (title: string) => `刚才填的「${title}」先帮您保存着，还没有提交。要先停在这里吗？`,
  /** `我不告了 怕被开除`: reassured first. */
  stopAfraid: '理解您的担心。反映欠薪是您的正当权利，单位不能因为这个辞退您、报复您；您在这里填的信息只有负责的工作人员能看到。真被穿小鞋了，及时告诉我们。',
  /** `等一下我问问老乡`, `我再想想`: gone to find the answer or to think; the draft is kept. */
  paused: (title: string) => `好的，不着急，弄清楚了再来。刚才填的「${title}」先帮您保存着，还没有提交；回来后回复「继续」就能接着填。`,
  /** `等下 我老板打电话来了`: called away; the draft is kept. */
  calledAway: (title: string) => `好的，您先忙。刚才填的「${title}」先帮您保存着，还没有提交；忙完了回复「继续」就能接着填。`,
  /** Options of the resume prompt after a pause (`paused`). */
  stopOptions: [
    { label: '接着填', value: '继续' },
    { label: '不填了，放弃', value: '放弃' },
  ],
  /** Options of `stopAsk`: its yes first. */
  stopAskOptions: [
    { label: '先停下，以后再填', value: '先停下' },
    { label: '接着填', value: '继续' },
    { label: '不填了，放弃', value: '放弃' },
  ],
  /** A yes to `stopAsk`: stopped, the draft kept. */
  stopped: (title: string) => `好的，先停在这里。「${title}」帮您保存着，想接着填的时候回复「继续」或「${title}」就行。`,
  /** 确认 again right after a submission. */
  alreadySubmitted: (title: string) => `您的「${title}」已经提交了，不用再确认。`,
  alreadySubmittedProgress: '回复「进度」可以查看办理情况。',
  /** 反映欠薪 (the saved flow's name) while another flow is under way: that one is picked up again. */
  switchedBack: (left: string, back: string) => `好的，我们接着填「${back}」。您刚才填的「${left}」也保存着，以后回复「${left}」可以接着填。`,
  /** An optional question the person went past twice (answered the next ones instead): left empty, said so. */
  leftEmpty: (label: string) => `好的，${label}先空着，最后核对时可以再补。`,
  /** A yes at the summary with words that could not be applied: not submitted. */
  yesButUnclear: (words: string) => `还没有提交。您说的「${words.length > 20 ? `${words.slice(0, 20)}…` : words}」我没能对上是哪一项。要改的话回复「改」加序号，例如「改 2」；都对就回复「确认」提交。`,
  /** 你删了案子还办吗 at the delete question. */
  forgetExplain: '删除后，已提交的案件会继续办理，但工作人员就没法再打电话联系您了；没填完的内容会清除。',
  /** `删了还能恢复吗` at the delete question (flows/engine.ts `atForget`). */
  forgetNoUndo: '删除后就不能恢复了：姓名、手机号、证据材料都会清除，以后要办事得重新填写。已提交的案件会继续办理。',
  /** `删了以后还能再报吗`. */
  forgetComeBack: '可以。删除以后，随时还能在这里重新反映、预约或入会，只是要重新填写。',
  /** Two replies at the delete question that were neither yes nor no: nothing is deleted. */
  forgetNotDone: '好的，先不删除。以后想删，随时回复「删除我的信息」。',
  whichWrong: '哪一项不对？回复序号，其他的我就记下了；也可以直接告诉我对的是什么。',
  allWrong: '都不对',
  /** Facts said while a consent is asked: confirmed after it. */
  heldTillConsent: '您说的情况我先记着，您同意后再跟您核对。',
  /** A consent's question in one line (after three misses: 「我刚才是在问：…」). */
  consentAsked: '您同不同意我们记下您的信息？',
  /** `不知道` at a consent whose flow gives no help of its own. */
  consentUnsure: '同意后，我们才会记下您的情况，转给工作人员处理；不同意的话，什么都不会保存。',
  /** A message that says again only what is known (the first message pasted again). */
  knownAlready: '您说的这些情况已经记下了。',
  /** `不清楚` to "哪一项不对？": each value confirmed on its own. */
  oneByOne: '好的，那我一项一项跟您核对。',
  wrongDropped: (label: string) => `好的，${label}先不记，其他的记下了。`,
  confirmRetry: '请回复「对」或「不对」。哪一项不对，也可以直接告诉我对的是什么。',
  changed: (label: string, shown: string) => `好的，${label}已改为「${shown}」。`,
  /** Said after `changed` for what the same words said besides (`接单平台「滴滴」`). */
  alsoNoted: (facts: string) => `${facts}也记下了。`,
  whichToChange: '好的，哪一项要改？回复序号即可：',
  correctionUnclear: '没看明白要改成什么，请说具体一点，例如「金额是两万」；或回复序号选要改的一项：',
  dontKnowRequired: '没关系。这一项我们需要知道个大概，想想看，或者回复「人工」请工作人员帮您。',
  /** `不想说` at a question that cannot be skipped. */
  refusedExact: '理解您的顾虑。这一项要填，没有它没法帮您办；您填的只有负责的工作人员能看到，不会给老板。实在不方便的话，可以回复「人工」请工作人员帮您。',
  /** A contact's name refused (`不想留名字`): a way of address will do. */
  refusedNameAgain: '写个姓就行，例如「王先生」「李女士」，只是为了联系您时好称呼。实在不想留，回复「人工」请工作人员帮您。',
  refusedName: '理解您的顾虑。这一项要填，工作人员联系您时好称呼；不想留全名的话，写个称呼就行，例如「王先生」「李女士」。您填的只有负责的工作人员能看到，不会给老板。实在不方便的话，可以回复「人工」请工作人员帮您。',
  refusedRequired: '理解您的顾虑。这个说个大概就行，没有它没法帮您办。您说的只有负责的工作人员能看到；实在不方便的话，可以回复「人工」请工作人员帮您。',
  cannotSkip: '这一项不能跳过，我们需要知道个大概。想想看，或者回复「人工」请工作人员帮您。',
  /** `跳过`, `都跳过` at a consent question: there is nothing to know roughly there, only a yes or a no. */
  consentCannotSkip: '这一步不能跳过，请回复「同意」或「不同意」。',
  questionUnknown: '这个问题我还答不上来，可以回复「人工」问工作人员，或打职工服务热线12351。',
  humanAsk: '好的，请用一两句话说说您遇到的问题，我马上转给工作人员。（回复「取消」就不转了）',
  humanRetry: '请说说您遇到了什么问题，例如「老板欠了三个月工资不给」，我转给工作人员。',
  /** A value waiting at "对吗？" said again: kept. */
  keptSaidAgain: (labels: string) => `好的，${labels}记下了。`,
  /** 反映欠薪 again with a report open. */
  reportedBefore: (caseNo: string) => `您已经反映过（${caseNo}），要再反映另一件欠薪吗？只想看那件的进度，回复「进度」。`,
  /** Leaving 人工 after a second message with nothing to pass on (`。。`), or thanks. */
  humanLeft: '好的，先不转人工了。需要时随时回复「人工」。',
  whenNeeded: (title: string) => `需要时回复「${title}」，我随时帮您办。`,
  offerDeclined: '好的，有需要随时找我。',
  /** A service offered, declined for now (`我再想想`, `以后再说`). */
  offerLater: '好的，不着急，您考虑好了随时找我。',
  /** Before an answer given again, to a follow-up on it (`要交多少` after the dues). */
  asSaid: '就像刚才说的：',
  /** After a knowledge answer that would offer a wage report, to someone who just sent one. */
  wageUnderWay: '您反映的欠薪已经在办理了，有新的材料或情况直接发给我就行；回复「进度」可以查看。要反映另一家单位欠薪，回复「反映欠薪」。',
  /**
   * The same, when the report is no longer being worked (flows/types.ts `ReportedWage`): said where it stands and what
   * can be done now (the boss not paying again may be the money not arriving, or a new debt).
   */
  wageReviewed: (caseNo: string) =>
    `您反映的欠薪（${caseNo}）已经有办理结果，正在报镇（街道）工会审核，审核完会告诉您。钱还没到手或者有新的情况，直接跟我说，我转给工作人员；回复「进度」可以查看。`,
  wageResolved: (caseNo: string, receipt: boolean, rating: boolean, ratingLater: boolean) =>
    [
      `您反映的欠薪（${caseNo}）已经办结了。`,
      receipt ? '追回的钱还没收到的话，请回复「没收到」，案件会交回工作人员继续跟进。' : '',
      rating
        ? '对处理结果不满意，回复「不满意」，案件会重新打开，交镇（街道）工会复查。'
        : ratingLater
          ? '稍后会请您评价处理结果，到时回复「不满意」，案件会重新打开，交镇（街道）工会复查。'
          : '',
      '老板又欠了新的工资，回复「反映欠薪」再反映一次；需要工作人员帮忙，回复「人工」。',
    ].join(''),
  wageClosed: (caseNo: string) => `您反映的欠薪（${caseNo}）已经结案了。老板又欠了新的工资，回复「反映欠薪」再反映一次；需要工作人员帮忙，回复「人工」。`,
  /** `查一下张三的案子`: only the person themself sees their case. */
  othersCase: '为了保护个人信息，案件只有本人能查。请对方本人用自己的微信找我，回复「进度」或者案件编号就能看到。',
  /** `那我怎么办` after an answer that offered a service: what to do, before its first question. */
  offerHow: (title: string) => `可以在这里办「${title}」，我一步一步问您。`,
  /** Typed in pinyin: what was read, said back. */
  heardPinyin: (words: string) => `您打的是拼音，我理解为「${words}」。`,
  /** Money and work said too loosely to act on (the flow's title: 反映欠薪). */
  maybeMeant: (title: string) => `抱歉，我没太明白。您是想${title}吗？`,
  /** After "不是" to the one near miss offered ("您是说「东龙镇」吗？"). */
  /** A "did you mean" refused, and the same name typed again. */
  nearRefused: (refused: string) => `我们这里没找到这个名字，您刚才也说了不是「${refused}」。请回复下面的数字选一个；实在找不到，回复「人工」请工作人员帮您查。`,
  /** The same name typed again at its "did you mean". */
  nearAgain: (near: string) => `还是没找到这个名字。最接近的是「${near}」：是的话回复「是」；不是的话，请回复下面的数字选一个。`,
  okAskAgain: '好的，那请从下面选一个，或者直接告诉我。',
  okSayAgain: '好的，那请直接告诉我对的是什么。',
  switched: (title: string) => `好的。您刚才填的「${title}」已保存，以后回复「${title}」可以接着填。`,
  forgetAsk:
    '确定要删除您的个人信息吗？删除后，您的姓名、手机号、身份证号、证据材料和没填完的内容都会清除，已提交的案件会继续办理，但工作人员将无法再联系您；已入会的，会员信息和电子会员卡也会删除。',
  forgetKept: '好的，没有删除任何信息。',
  forgotten: '已删除您的个人信息。感谢您的信任，需要时随时可以再来找我。',
  /** `你们几点下班`, `周末有人吗`: the chat is always here; staff keep the directory's office hours (flows/service.ts). */
  officeHours: (hours: string) => `我在这里24小时都能帮您登记、查进度。工作人员在工作日上班（${hours}），周末、节假日和下班后收到的事情，上班后尽快处理。`,
  /** `12351打不通`. */
  hotlineUnanswered: '热线忙的时候可能打不进去，请过一会儿再试试。也可以在这里回复「人工」，工作人员会在这里回复您。',
  /** `我的信息删了没` after a deletion, nothing held any more (flows/service.ts). */
  forgottenAlready: '您的个人信息已经删除了，姓名、手机号和证据材料都已清除。',
  forgottenCasesGoOn: '已提交的案件还在继续办理，但工作人员没法再联系您。',
  /** …while a name and phone (or an unfinished form) are still held: said before the delete question. */
  notForgottenYet: '您的个人信息还没有删除。',
  /** Said first, when WeChat read a voice message for us. */
  heard: (text: string) => `听到您说：「${text}」`,
  voiceNotHeard: '这条语音我没有收到声音。请再说一次，或者直接打字告诉我。',
  voiceTaken: (caseNo: string) => `收到您的语音了。我还听不了语音，已经转给工作人员（求助编号 ${caseNo}），他们听完会联系您。`,
  voiceMore: (caseNo: string) => `这条语音也收到了，和前面的一起转给了工作人员（求助编号 ${caseNo}）。`,
  voiceCallBack: (tail: string) => `工作人员会打您尾号${tail}的电话，请留意来电。`,
  voiceAskPhone: '方便的话，请回复您的手机号，工作人员听完好给您回电话。',
  voicePhoneKept: (tail: string) => `好的，记下了您的手机号（尾号${tail}），工作人员听完语音会给您回电话。`,
  voiceNoPhone: '好的，先不留电话。工作人员听完语音，会在这里回复您。',
};

export const MENU = [
  { label: '加入工会', value: 'menu:membership' },
  { label: '反映欠薪', value: 'menu:wage' },
  { label: '预约法律援助', value: 'menu:legal' },
  { label: '查询进度', value: '进度' },
  { label: '人工服务', value: '人工' },
];
