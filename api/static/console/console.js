// 工友 · 工作台: the web console for staff and the admin (api/console.ts). One file, no build step.
// Every call goes to /api/v1/console/*, which answers by the staff and admin APIs' own handlers
// with the session cookie; nothing here decides who may see what. No inline script or style (CSP).
'use strict';
(function () {
  const API = '/api/v1/console';
  /** Where Chart.js is (its versioned address, api/console.ts), read while this script runs. */
  const CHART_SRC = document.currentScript && document.currentScript.dataset.chartSrc;
  const view = document.getElementById('view');
  const nav = document.getElementById('nav');
  const whoBox = document.getElementById('who');
  const notice = document.getElementById('notice');
  /** @type {{kind:'staff'|'admin', staff?:{id:string,name:string,role:string}, now?:string}|null} */
  let me = null;
  /** Server time minus this browser's: countdowns count on the server's clock. */
  let skew = 0;
  let events = null;
  let render = null;
  let refreshTimer = null;

  const ROLE_NAMES = {
    grid_worker: '网格员',
    township_supervisor: '镇（街道）工会负责人',
    district_supervisor: '区总工会负责人',
    procuratorate_liaison: '检察联络员',
    union_reviewer: '入会审核员',
    union_lawyer: '工会律师',
  };
  const STATUS_NAMES = { submitted: '待分派', assigned: '待接单', accepted: '办理中', referred: '检察审查中', closing: '待审批', resolved: '已办结', closed: '已结案' };
  const PRIORITY_NAMES = { urgent: '紧急', high: '群体', normal: '' };
  const LEVEL_NAMES = { grid: '网格', township: '镇（街道）', district: '区' };

  // --- small helpers ------------------------------------------------------------------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const clear = (el) => { while (el.firstChild) el.removeChild(el.firstChild); };
  const yuan = (n) => (n === null || n === undefined ? '—' : `${Number(n).toLocaleString('zh-CN')}元`);
  const pad = (n) => String(n).padStart(2, '0');
  /** Full-width digits (a Chinese keyboard's １２３) as ASCII. */
  const halfWidth = (s) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  function when(iso) {
    if (!iso) return '—';
    // Beijing time, whatever the browser's zone.
    const d = new Date(Date.parse(iso) + 8 * 3600_000);
    return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  }
  function today() {
    const d = new Date(Date.now() + skew + 8 * 3600_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  function say(text, ok) {
    notice.textContent = text;
    notice.className = ok ? 'ok' : '';
    notice.hidden = !text;
    if (text) notice.scrollIntoView({ block: 'nearest' });
  }

  /** The API's field names as the console's forms call them: its messages name fields for API callers (`recovered 不能超过1000万`). */
  const FIELD_NAMES = { recovered: '追回金额', reason: '原因', text: '内容', days: '延期天数', outcome: '结果', staffId: '工作人员', unit: '移交单位', followUpOn: '跟进日期', 'nextStep.followUpOn': '跟进日期', 'nextStep.unit': '移交单位', field: '更正哪一项', value: '更正的内容' };
  function staffWords(message) {
    return message
      // `（控制台勾选「金额已核实」，接口加 "confirmed": true）`: the console's half only.
      .replace(/，接口加[^）]*）/g, '）')
      // `recovered（追回金额）` → `追回金额`
      .replace(/\s?(?<![\w.-])[A-Za-z][\w.]*（([^）]*)）\s?/g, '$1')
      // `reason 不能为空` → `原因不能为空`
      .replace(/^([A-Za-z][\w.]*) (?=[^\x00-\x7f])/, (all, f) => FIELD_NAMES[f] || all);
  }

  class ApiError extends Error {
    constructor(status, body) {
      super(staffWords((body && body.error && body.error.message) || `请求失败（${status}）`));
      this.status = status;
      this.body = body;
    }
  }

  async function api(method, path, body) {
    const res = await fetch(API + path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status === 204) return null;
    const data = (res.headers.get('content-type') || '').includes('json') ? await res.json() : null;
    if (res.status === 401 && path !== '/sign-in') {
      me = null;
      showSignIn('登录已失效，请重新登录。');
      throw new ApiError(401, data);
    }
    if (!res.ok) throw new ApiError(res.status, data);
    return data;
  }

  /**
   * A page's own read: if another page was opened while it was on its way, it
   * is dropped (`Stale`, which nobody shows), so an old page is never drawn
   * over the one opened since. Every route() starts a new navigation.
   */
  class Stale extends Error {}
  let navigation = 0;
  async function read(path) {
    const at = navigation;
    const data = await api('GET', path);
    if (at !== navigation) throw new Stale('left');
    return data;
  }

  /** Runs a form's action: the button is disabled meanwhile; errors are shown, success too. */
  function action(run, done) {
    return async (ev) => {
      if (ev) ev.preventDefault();
      // A form's buttons, or the button clicked itself (its querySelectorAll finds none).
      const at = ev && ev.currentTarget;
      const btns = at instanceof HTMLButtonElement ? [at] : at && at.querySelectorAll ? at.querySelectorAll('button') : [];
      btns.forEach((b) => (b.disabled = true));
      try {
        const msg = await run(ev);
        say(typeof msg === 'string' ? msg : '', true);
        if (done) await done();
      } catch (err) {
        // Stale: the page was left before its refresh came; the new page is drawn already.
        if (!(err instanceof ApiError && err.status === 401) && !(err instanceof Stale)) say(err.message || '操作失败，请稍后再试。');
      } finally {
        btns.forEach((b) => (b.disabled = false));
      }
    };
  }

  /**
   * A button for what cannot be undone and tells someone (爽约 sends the worker a notice): the first click only
   * asks, as the button's own words; a second within 5 s runs it. A double click is the same two clicks.
   */
  function confirmFirst(label, asking, run, done) {
    let armed = null;
    const act = action(run, done);
    const b = h('button', { type: 'button', class: 'plain', onclick: (ev) => {
      if (armed !== null) {
        clearTimeout(armed);
        armed = null;
        b.textContent = label;
        b.classList.remove('asking');
        return act(ev);
      }
      armed = setTimeout(() => { armed = null; b.textContent = label; b.classList.remove('asking'); }, 5000);
      b.textContent = asking;
      b.classList.add('asking');
    } }, label);
    return b;
  }

  // --- countdowns --------------------------------------------------------------------
  function countdown(iso, label) {
    return h('span', { class: 'countdown', 'data-deadline': iso, 'data-label': label });
  }
  function tick() {
    const now = Date.now() + skew;
    document.querySelectorAll('.countdown[data-deadline]').forEach((el) => {
      const left = Date.parse(el.dataset.deadline) - now;
      const mins = Math.floor(Math.abs(left) / 60000);
      const d = Math.floor(mins / 1440);
      const hrs = Math.floor((mins % 1440) / 60);
      const m = mins % 60;
      const span = `${d ? `${d}天` : ''}${d || hrs ? `${hrs}小时` : ''}${m}分钟`;
      el.textContent = left >= 0 ? `${el.dataset.label}：剩${span}（${when(el.dataset.deadline)}）` : `${el.dataset.label}：已超时${span}`;
      el.classList.toggle('late', left < 0);
      el.classList.toggle('soon', left >= 0 && left < 2 * 3600_000);
    });
  }
  setInterval(tick, 1000);

  function limitOf(c) {
    if (c.status === 'assigned' && c.acceptBy) return countdown(c.acceptBy, '接单期限');
    if (c.status === 'accepted' && c.resolveBy) return countdown(c.resolveBy, '办结期限');
    return null;
  }

  // --- signing in ------------------------------------------------------------------
  function showSignIn(message) {
    stopEvents();
    clear(nav);
    clear(whoBox);
    say(message || '');
    clear(view);
    let mode = 'code';
    const box = h('section', { class: 'card signin' });
    const draw = () => {
      clear(box);
      const input =
        mode === 'code'
          ? h('input', { id: 'code', name: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6', pattern: '[0-9０-９]{6}', required: true, placeholder: '6位数字' })
          : h('input', { id: 'admin-token', name: 'adminToken', type: 'password', autocomplete: 'current-password', required: true });
      box.append(
        h('h1', { text: '登录工作台' }),
        h('div', { class: 'tabs', role: 'tablist' },
          h('button', { type: 'button', role: 'tab', 'aria-selected': String(mode === 'code'), onclick: () => { mode = 'code'; draw(); } }, '工作人员'),
          h('button', { type: 'button', role: 'tab', 'aria-selected': String(mode === 'admin'), onclick: () => { mode = 'admin'; draw(); } }, '管理员')),
        h('form', { class: 'act', id: 'sign-in', onsubmit: action(async () => {
          const value = halfWidth(input.value.trim());
          me = await api('POST', '/sign-in', mode === 'code' ? { code: value } : { adminToken: value });
          return '';
        }, start) },
          h('label', { for: input.id }, mode === 'code' ? '登录码' : '管理员凭证（ADMIN_TOKEN）', input),
          h('button', { type: 'submit' }, '登录')),
        h('p', { class: 'muted' }, mode === 'code'
          ? '在微信里给工友发送「控制台」，会收到一个6位登录码（10分钟内有效，只能用一次）。也可以请管理员发给您一次性登录链接。'
          : '管理员用 ADMIN_TOKEN 登录；登录12小时后失效，用完请退出。'),
      );
    };
    draw();
    view.append(box);
  }

  async function signInWithLink() {
    const m = /(?:^#|&)link=([A-Za-z0-9_-]+)/.exec(location.hash);
    if (!m) return false;
    // The token leaves the address bar at once (it works once anyway).
    history.replaceState(null, '', '/console/#/');
    try {
      me = await api('POST', '/sign-in', { link: m[1] });
      return true;
    } catch (err) {
      showSignIn(err.message);
      return 'failed';
    }
  }

  async function start() {
    try {
      const s = await api('GET', '/session');
      me = s;
      skew = Date.parse(s.now) - Date.now();
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) say(err.message);
      return;
    }
    drawHeader();
    startEvents();
    route();
  }

  function drawHeader() {
    clear(whoBox);
    const name = me.kind === 'admin' ? '管理员' : `${me.staff.name} · ${ROLE_NAMES[me.staff.role] || me.staff.role}`;
    whoBox.append(h('span', { id: 'me', 'data-role': me.kind === 'admin' ? 'admin' : me.staff.role }, name));
    if (me.kind === 'staff' && (me.staff.role === 'grid_worker' || me.staff.role.endsWith('_supervisor'))) {
      // Disabled until the state is known: a click before it would toggle from a guess (and say the opposite of
      // what the person meant).
      const duty = h('button', { type: 'button', id: 'duty', disabled: true, onclick: action(async () => {
        const r = await api('POST', '/staff/duty', { onDuty: duty.dataset.on !== '1' });
        setDuty(r.onDuty);
        return r.onDuty ? '已设为上班，会接收新案件。' : '已设为休息，暂停分派新案件给您；已有案件请继续办理。';
      }) }, '读取上班状态…');
      const setDuty = (on) => { duty.dataset.on = on ? '1' : '0'; duty.textContent = on ? '上班中 · 点此休息' : '休息中 · 点此上班'; duty.disabled = false; };
      whoBox.append(duty);
      api('GET', '/staff/me').then((r) => setDuty(r.onDuty), () => { duty.textContent = '上班状态未能读取，请刷新'; });
    }
    whoBox.append(h('button', { type: 'button', id: 'sign-out', onclick: action(async () => {
      await api('POST', '/sign-out');
      me = null;
      showSignIn();
      return '您已退出登录。';
    }) }, '退出'));
    clear(nav);
    for (const [hash, label] of links()) nav.append(h('a', { href: hash }, label));
  }

  function links() {
    if (me.kind === 'admin') return [['#/dashboard', '统计'], ['#/access', '登录与绑定'], ['#/directory', '名录'], ['#/calendar', '节假日']];
    const r = me.staff.role;
    if (r === 'grid_worker') return [['#/cases', '我的案件'], ['#/inbox', '通知']];
    if (r.endsWith('_supervisor')) return [['#/board', '督办看板'], ['#/cases', '案件'], ['#/memberships', '入会审核'], ['#/inbox', '通知']];
    if (r === 'procuratorate_liaison') return [['#/cases', '转检察案件'], ['#/agenda', '今日预约'], ['#/inbox', '通知']];
    if (r === 'union_reviewer') return [['#/memberships', '入会审核'], ['#/inbox', '通知']];
    if (r === 'union_lawyer') return [['#/agenda', '今日预约'], ['#/inbox', '通知']];
    return [['#/cases', '案件'], ['#/inbox', '通知']];
  }

  // --- live updates ---------------------------------------------------------------------
  function startEvents() {
    stopEvents();
    if (!window.EventSource) return;
    events = new EventSource(`${API}/events`);
    events.addEventListener('case', (e) => {
      let caseNo = '';
      try { caseNo = JSON.parse(e.data).caseNo; } catch { return; }
      const h0 = location.hash;
      const onCase = h0.startsWith('#/case/');
      if (onCase && decodeURIComponent(h0.slice(7)) !== caseNo) return;
      if (!onCase && !/^#\/(cases|board|dashboard)?$/.test(h0) && h0 !== '') return;
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => liveRender(h0), 250);
    });
  }
  // A live refresh rebuilds the page's buttons: never under a pressed mouse button or finger (the click would be lost).
  // A release the page never hears of (let go outside the window) holds nothing up for more than 5 s.
  let pressedAt = 0;
  document.addEventListener('pointerdown', () => { pressedAt = Date.now(); }, true);
  for (const ev of ['pointerup', 'pointercancel']) window.addEventListener(ev, () => { pressedAt = 0; }, true);
  function liveRender(forHash) {
    const pressed = pressedAt > 0 && Date.now() - pressedAt < 5000;
    // `data-live="held"` says a refresh is waiting for the release (the browser tests look for it).
    if (pressed) { document.body.dataset.live = 'held'; refreshTimer = setTimeout(() => liveRender(forHash), 100); return; }
    delete document.body.dataset.live;
    // Another page was opened meanwhile: it was drawn fresh, nothing to refresh.
    if (location.hash !== forHash) return;
    if (render) render('live');
  }
  function stopEvents() {
    if (events) events.close();
    events = null;
  }

  // --- routing ------------------------------------------------------------------------
  /** A success to show on the page opened next (after 退回 the list opens): route() would clear it. */
  let carried = '';
  function route() {
    if (!me) return;
    navigation += 1;
    say(carried, true);
    carried = '';
    let hash = location.hash || '#/';
    if (hash === '#/' || hash === '#') hash = links()[0][0];
    nav.querySelectorAll('a').forEach((a) => a.classList.toggle('current', hash.startsWith(a.getAttribute('href'))));
    const pages = {
      '#/cases': casesPage, '#/board': boardPage, '#/inbox': inboxPage, '#/agenda': agendaPage, '#/memberships': membershipsPage,
      '#/dashboard': dashboardPage, '#/access': accessPage, '#/directory': directoryPage, '#/calendar': calendarPage,
    };
    let page = pages[hash];
    if (hash.startsWith('#/case/')) {
      const caseNo = decodeURIComponent(hash.slice(7));
      page = (quiet) => casePage(caseNo, quiet);
    }
    if (!page) page = pages[links()[0][0]];
    render = async (quiet) => {
      try {
        await page(quiet);
        tick();
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return;
        // Another page was opened meanwhile: it draws itself.
        if (err instanceof Stale) return;
        clear(view);
        view.append(h('section', { class: 'card', id: 'refused' }, h('h1', { text: err.status === 403 ? '无权查看' : err.status === 404 ? '没有找到' : '出错了' }), h('p', { text: err.message }), h('a', { href: '#/' }, '返回首页')));
      }
    };
    render(false);
  }
  window.addEventListener('hashchange', route);

  function page(title, ...children) {
    clear(view);
    // As h() does: lists are flattened and null/false left out (append() would write them as text).
    view.append(h('h1', { text: title }), ...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  }

  // --- cases ------------------------------------------------------------------------------
  function caseCard(c) {
    return h('a', { class: 'card case-card', href: `#/case/${encodeURIComponent(c.caseNo)}`, 'data-case': c.caseNo },
      h('div', { class: 'row' }, h('span', { class: 'no' }, c.caseNo), h('span', { class: 'tag' }, STATUS_NAMES[c.status] || c.status),
        PRIORITY_NAMES[c.priority] ? h('span', { class: `tag ${c.priority}` }, PRIORITY_NAMES[c.priority]) : null),
      h('div', {}, c.employer || (c.kind === 'enquiry' ? '求助人工' : '—'), ' · ', yuan(c.amount)),
      h('div', { class: 'muted' }, [c.township, c.grid].filter(Boolean).join(' '), c.assignee ? ` · ${LEVEL_NAMES[c.assignee.level] || ''}承办` : ''),
      limitOf(c));
  }

  async function casesPage() {
    const { cases } = await read('/staff/cases');
    const open = cases.filter((c) => c.status !== 'closed' && c.status !== 'resolved');
    const done = cases.filter((c) => c.status === 'closed' || c.status === 'resolved');
    // Most pressing first: the nearest time limit.
    const limit = (c) => Date.parse((c.status === 'assigned' ? c.acceptBy : c.status === 'accepted' ? c.resolveBy : null) || '9999-12-31');
    open.sort((a, b) => limit(a) - limit(b));
    page(me.staff.role === 'grid_worker' ? '我的案件' : '案件',
      open.length ? h('div', { class: 'cards', id: 'queue' }, open.map(caseCard)) : h('p', { class: 'muted', id: 'queue-empty' }, '目前没有待办的案件。'),
      done.length ? h('h2', { text: `已办结（${done.length}）` }) : null,
      done.length ? h('div', { class: 'cards' }, done.map(caseCard)) : null);
  }

  function timeline(c) {
    const said = c.reporterNotes || [];
    // A note's own line in the reporter's progress is shown once, as the note.
    const noteLines = new Set(said.map((n) => n.hist));
    const items = [
      ...c.history.filter((x, i) => !noteLines.has(i)).map((x) => ({ at: x.at, text: `${STATUS_NAMES[x.status] || x.status}：${x.note}` })),
      // A complaint about the staff, a threat, a self-harm alert: named, so they are not read as an ordinary message.
      ...said.map((x) => ({ at: x.at, text: `${x.kind === 'complaint' ? '当事人投诉工作人员' : x.kind === 'threat' || x.kind === 'safety' ? `当事人${x.kindText || '过激的话'}` : '当事人留言'}${x.urgent ? '（紧急）' : ''}：${x.text}${x.phones.length ? `（号码：${x.phones.join('、')}）` : ''}` })),
      ...c.notes.map((x) => ({ at: x.at, text: `备注：${x.text}` })),
      ...c.replies.map((x) => ({ at: x.at, text: `回复反映人：${x.text}` })),
      // A supervisor's decision on a close: the reason a close was sent back is for the holder (the reporter is only told to wait).
      ...(c.closeReviews || []).map((x) => ({ at: x.at, text: x.approved ? '办结审批：同意' : `办结被退回：${x.reason || ''}` })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return h('ol', { class: 'timeline', id: 'timeline' }, items.map((i) => h('li', {}, h('time', { datetime: i.at }, when(i.at)), i.text)));
  }

  /** As the reporter said it (core/cases/record.ts headcountText): 8人, 20多人, 约50人, 5至6人. */
  function headcountText(n) {
    if (n.upTo != null) return `${n.count}至${n.upTo}人`;
    if (n.about) return `约${n.count}人`;
    return `${n.count ?? '?'}${n.approximate ? '多' : ''}人`;
  }

  /** `2026-09` → `2026年9月`. */
  function monthText(m) {
    return m ? `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月` : '?';
  }

  /** A period owed as staff read it: `2026年9月至11月（3个月）`, `2025年12月至2026年2月`, `2026年9月至今`. */
  function periodText(p) {
    const months = p.months ? `（${p.months}个月）` : '';
    if (p.end && p.end === p.start) return `${monthText(p.start)}${months}`;
    if (!p.end) return `${monthText(p.start)}至今${months}`;
    const end = p.start && p.start.slice(0, 4) === p.end.slice(0, 4) ? `${Number(p.end.slice(5, 7))}月` : monthText(p.end);
    return `${monthText(p.start)}至${end}${months}`;
  }

  function facts(c) {
    const w = c.wage;
    const rows = [
      ['状态', STATUS_NAMES[c.status] || c.status],
      ['地点', [c.township, c.grid, c.community].filter(Boolean).join(' ') || '—'],
      ['用人单位', c.employer || '—'],
      ['金额', yuan(c.amount)],
      w ? ['欠薪时间', periodText(w.period)] : null,
      w ? ['人数', headcountText(w.headcount)] : null,
      ['反映人', c.reporter.name || '—'],
      ['电话', c.reporter.phone ? h('a', { href: /\*/.test(c.reporter.phone) ? null : `tel:${c.reporter.phone}`, id: 'phone' }, c.reporter.phone) : '—'],
      c.referral ? ['转检察', `${c.referral.reason}（${{ pending: '待检察院决定', accepted: '检察院已受理', declined: '不予支持', done: '已有结果' }[c.referral.status]}）`] : null,
      c.outcome ? ['办理结果', c.outcome.recovered ? `追回${yuan(c.outcome.recovered)}` : `未追回：${c.outcome.reason || ''}`] : null,
      // Sent back and not closed again since: why, where the holder looks first.
      !c.closeRequest && c.status === 'accepted' && c.closeReviews && c.closeReviews.length && !c.closeReviews[c.closeReviews.length - 1].approved
        ? ['办结被退回', c.closeReviews[c.closeReviews.length - 1].reason || '—'] : null,
      c.closeRequest ? ['办结申请', c.closeRequest.recovered ? `追回${yuan(c.closeRequest.recovered)}` : `未追回：${c.closeRequest.reason || ''}`] : null,
    ].filter(Boolean);
    return h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  function evidence(c) {
    if (!c.evidence.length) return h('p', { class: 'muted' }, '没有证据材料。');
    return h('div', { class: 'evidence', id: 'evidence' }, c.evidence.map((e) =>
      h('figure', {},
        e.mediaType.startsWith('image/') ? h('a', { href: e.url, target: '_blank', rel: 'noopener' }, h('img', { src: e.url, alt: e.name, loading: 'lazy' })) : null,
        h('figcaption', {}, h('a', { href: e.url, download: e.name }, e.name)))));
  }

  function form(id, label, fields, run, reload) {
    return h('details', { class: 'action', id: `act-${id}` }, h('summary', {}, label),
      h('form', { class: 'act', onsubmit: action(() => run(Object.fromEntries(fields.filter((f) => f.name).map((f) => [f.name, f.el]))), reload) },
        fields.map((f) => f.el ? (f.label ? h('label', { class: f.inline ? 'inline' : '' }, f.label, f.el) : f.el) : null),
        h('button', { type: 'submit' }, label)));
  }
  const input = (name, attrs) => h('input', { name, ...attrs });
  // No maxlength: a long paste was cut at 500 without a word; the server's refusal (内容不能超过500字) keeps it all to shorten.
  const area = (name, attrs) => h('textarea', { name, ...attrs });

  /**
   * An amount of yuan as typed: digits with thousands commas (full-width too)
   * and an optional 元. Anything else — 「2万5」, 「1e12」, 「两万」 — is
   * refused with what to write, never guessed.
   */
  function amountOf(typed) {
    const t = halfWidth(typed.trim()).replace(/[，,\s]/g, '').replace(/元$/, '').replace(/．/g, '.');
    if (!/^\d+(\.\d{1,2})?$/.test(t)) throw new Error(`追回金额请只写数字（单位：元），例如 25000；您填的是「${typed.trim()}」。`);
    const n = Number(t);
    if (n <= 0) throw new Error('追回金额要大于0；没有追回的，请清空金额，写明原因并选择下一步。');
    if (n > 10_000_000) throw new Error(`追回金额最多填1000万元，您填的是${yuan(n)}，请核对。`);
    return n;
  }

  function resolveForm(c, post, reload) {
    // Text, not type=number: a number box silently drops 万 (「2万5」 became 25元) and takes 1e12.
    const recovered = input('recovered', { type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '只填数字，例如 28500' });
    const full = input('full', { type: 'checkbox' });
    const checked = input('confirmed', { type: 'checkbox' });
    const reason = area('reason', { placeholder: '没有追回时填写原因' });
    const kind = h('select', { name: 'kind' }, h('option', { value: '' }, '（追回了钱就不用选）'), h('option', { value: 'transfer' }, '移交（人社、住建或其他单位）'), h('option', { value: 'arbitration' }, '申请劳动仲裁'), h('option', { value: 'court' }, '向法院起诉'));
    const unit = input('unit', { type: 'text', placeholder: '例如 青溪区劳动保障监察大队' });
    const followUpOn = input('followUpOn', { type: 'date' });
    return form('resolve', '办结', [
      { name: 'recovered', label: '追回金额（元）', el: recovered },
      { name: 'full', label: '欠薪已全部付清', el: full, inline: true },
      { name: 'confirmed', label: '金额已核实（比反映的多或少很多，也照此记录）', el: checked, inline: true },
      { name: 'reason', label: '未追回的原因', el: reason },
      { name: 'kind', label: '下一步（未追回时必选）', el: kind },
      { name: 'unit', label: '移交单位', el: unit },
      { name: 'followUpOn', label: '跟进日期', el: followUpOn },
    ], async () => {
      const body = {};
      const amount = recovered.value.trim() ? amountOf(recovered.value) : null;
      const why = reason.value.trim();
      if (amount !== null) body.recovered = amount;
      if (amount === null && !why) throw new Error('请填写追回金额；没有追回的，请写明原因并选择下一步。');
      if (amount !== null && why) throw new Error('追回了钱就不用填「未追回的原因」：请只填追回金额，或者清空追回金额。');
      if (amount === null && !kind.value) throw new Error('没有追回时，请在「下一步」里选一项（移交、仲裁或起诉）；要转检察请用「转检察」。');
      if (amount === null && kind.value === 'transfer' && !unit.value.trim()) throw new Error('请写上移交单位，例如「青溪区劳动保障监察大队」。');
      if (amount === null && kind.value === 'transfer' && !followUpOn.value) throw new Error('请选择跟进日期。');
      if (full.checked) body.full = true;
      if (checked.checked) body.confirmed = true;
      if (why) body.reason = why;
      if (kind.value === 'transfer') body.nextStep = { kind: 'transfer', unit: unit.value.trim(), followUpOn: followUpOn.value };
      else if (kind.value) body.nextStep = { kind: kind.value };
      const r = await post('resolve', body);
      return r.case.status === 'closing' ? '已提交办结，等待镇（街道）工会审批。' : '已办结。';
    }, reload);
  }

  /** What 更正 may change (core/infra/amend.ts AMEND_FIELDS), as the case page calls each. */
  const AMEND_LABELS = { amount: '金额', employer: '用人单位', phone: '反映人电话' };
  const AMEND_HINTS = { amount: '例如 28500（元）', employer: '例如 宏达电子厂', phone: '11位手机号，例如 13912345678' };

  /**
   * 更正: one fact of the case as the reporter corrected it. The value goes to the server as typed: it alone
   * checks it (core/infra/amend.ts, as the wage chat does), and its refusal is shown under the field as well as above.
   */
  function amendForm(c, post, reload) {
    const field = h('select', { name: 'field' }, Object.entries(AMEND_LABELS).map(([v, t]) => h('option', { value: v }, t)));
    const value = input('value', { type: 'text', autocomplete: 'off', placeholder: AMEND_HINTS.amount });
    const refused = h('p', { class: 'field-error', id: 'amend-error', role: 'alert', hidden: true });
    const unsay = () => { refused.textContent = ''; refused.hidden = true; };
    field.addEventListener('change', () => { value.placeholder = AMEND_HINTS[field.value] || ''; unsay(); });
    return form('amend', '更正', [
      { name: 'field', label: '更正哪一项', el: field },
      { name: 'value', label: '改为', el: value },
      { el: refused },
    ], async () => {
      unsay();
      const what = field.value;
      try {
        const { case: n } = await post('amend', { field: what, value: value.value });
        // The new value as the case now reads (a phone masked unless this person sees it whole).
        const shown = what === 'amount' ? yuan(n.amount) : what === 'employer' ? `「${n.employer}」` : n.reporter.phone;
        return `已更正：${AMEND_LABELS[what]}改为${shown}，反映人的进度里已记上。`;
      } catch (err) {
        if (err instanceof ApiError && err.status !== 401) {
          refused.textContent = err.message;
          refused.hidden = false;
        }
        throw err;
      }
    }, reload);
  }

  async function casePage(caseNo, quiet) {
    const { case: c } = await read(`/staff/cases/${encodeURIComponent(caseNo)}`);
    // Another page was opened while this one loaded (a live refresh still on its way): it is not drawn over it.
    if (!location.hash.startsWith('#/case/') || decodeURIComponent(location.hash.slice('#/case/'.length)) !== caseNo) return;
    const mine = me.staff.id;
    const isAssignee = c.assignee && c.assignee.staffId === mine;
    const role = me.staff.role;
    const post = (path, body) => api('POST', `/staff/cases/${encodeURIComponent(c.caseNo)}/${path}`, body || {});
    const reload = () => casePage(caseNo, true);
    const acts = [];
    if (isAssignee && c.status === 'assigned') {
      acts.push(h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'accept', onclick: action(async () => { await post('accept'); return '已接单，请尽快联系反映人。'; }, reload) }, '接单')));
    }
    if (isAssignee && (c.status === 'assigned' || c.status === 'accepted')) {
      const reason = area('reason', { required: true });
      acts.push(form('decline', '退回', [{ name: 'reason', label: '退回原因', el: reason }], async () => { await post('decline', { reason: reason.value }); return '已退回，会重新分派。'; }, () => { carried = '已退回，会重新分派。'; location.hash = '#/cases'; }));
    }
    if (isAssignee && c.status === 'accepted') {
      acts.push(resolveForm(c, post, reload));
      const referReason = area('reason', { required: true });
      acts.push(form('refer', '转检察（支持起诉）', [{ name: 'reason', label: '理由', el: referReason }], async () => { await post('refer', { reason: referReason.value }); return '已转检察机关审查。'; }, reload));
      const days = input('days', { type: 'number', min: '1', max: '15', required: true });
      const why = area('reason', { required: true });
      acts.push(form('extend', '延期', [{ name: 'days', label: '延长几个工作日', el: days }, { name: 'reason', label: '原因（会告诉反映人）', el: why }], async () => { await post('extend', { days: Number(days.value), reason: why.value }); return '已延期。'; }, reload));
    }
    // 更正: the assignee or a supervisor of the place (core/cases/work.ts amendCase), while the case is open.
    if (c.wage && (isAssignee || role.endsWith('_supervisor')) && !['closing', 'resolved', 'closed'].includes(c.status)) acts.push(amendForm(c, post, reload));
    if (isAssignee || c.referral?.liaisonId === mine) {
      const note = area('text', { required: true });
      acts.push(form('note', '备注', [{ name: 'text', label: '备注内容（只有工作人员能看到）', el: note }], async () => { await post('note', { text: note.value }); return '已备注。'; }, reload));
      const reply = area('text', { required: true });
      acts.push(form('reply', '回复反映人', [{ name: 'text', label: '回复内容（反映人会在微信里收到）', el: reply }], async () => { await post('reply', { text: reply.value }); return '已回复反映人。'; }, reload));
    }
    if (role.endsWith('_supervisor') && c.status === 'closing' && c.closeRequest && c.closeRequest.approverId === mine) {
      acts.push(h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'approve-close', onclick: action(async () => { await post('close/approve'); return '已同意办结。'; }, reload) }, '同意办结')));
      const why = area('reason', { required: true });
      acts.push(form('reject-close', '退回办结', [{ name: 'reason', label: '退回原因', el: why }], async () => { await post('close/reject', { reason: why.value }); return '已退回给承办人。'; }, reload));
    }
    if (role.endsWith('_supervisor') && ['submitted', 'assigned', 'accepted'].includes(c.status)) {
      const { options } = await api('GET', `/staff/cases/${encodeURIComponent(c.caseNo)}/reassign-options`);
      const who = h('select', { name: 'staffId', required: true }, h('option', { value: '' }, '请选择'), options.map((o) => h('option', { value: o.id }, `${o.name} · ${LEVEL_NAMES[o.level] || ''}${o.id === mine ? '（本人）' : ''} · 在办${o.openCases}件`)));
      const why = area('reason', {});
      acts.push(form('reassign', '改派', [{ name: 'staffId', label: '改派给', el: who }, { name: 'reason', label: '原因（可不填）', el: why }], async () => {
        await post('reassign', { staffId: who.value, reason: why.value });
        return '已改派。';
      }, reload));
    }
    if (c.referral && c.referral.liaisonId === mine) {
      if (c.referral.status === 'pending') {
        acts.push(h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'referral-accept', onclick: action(async () => { await post('referral/accept'); return '已受理。'; }, reload) }, '受理')));
        const why = area('reason', { required: true });
        acts.push(form('referral-decline', '不予支持', [{ name: 'reason', label: '理由', el: why }], async () => { await post('referral/decline', { reason: why.value }); return '已答复不予支持，案件退回工会承办人。'; }, reload));
      }
      if (c.referral.status === 'accepted') {
        const out = area('outcome', { required: true });
        acts.push(form('referral-outcome', '记录结果', [{ name: 'outcome', label: '结果', el: out }], async () => { await post('referral/outcome', { outcome: out.value }); return '已记录结果。'; }, reload));
      }
    }
    if (!quiet) say('');
    // A live refresh (someone else changed the case) keeps the forms being filled in: open, with their text and focus.
    const kept = quiet === 'live' ? openForms() : [];
    page(`案件 ${c.caseNo}`,
      h('div', { class: 'case-layout', id: 'case', 'data-case': c.caseNo, 'data-status': c.status },
        h('div', {},
          h('section', { class: 'card' }, h('div', { class: 'row' }, limitOf(c)), facts(c)),
          h('section', { class: 'card' }, h('h2', { text: '证据材料' }), evidence(c)),
          h('section', { class: 'card' }, h('h2', { text: '办理经过' }), timeline(c))),
        h('section', { class: 'card', id: 'actions' }, h('h2', { text: '办理' }), acts.length ? acts : h('p', { class: 'muted' }, '这个案件现在没有需要您办理的事项。'))));
    restoreForms(kept);
  }

  const fieldsOf = (d) => Array.from(d.querySelectorAll('input, textarea, select'));
  function openForms() {
    return Array.from(view.querySelectorAll('details.action[open]')).map((d) => {
      const fields = fieldsOf(d);
      return { id: d.id, values: fields.map((f) => (f.type === 'checkbox' ? f.checked : f.value)), focus: fields.indexOf(document.activeElement) };
    });
  }
  function restoreForms(kept) {
    for (const k of kept) {
      const d = document.getElementById(k.id);
      // Gone (the case moved on, this action no longer applies): nothing to keep.
      if (!d) continue;
      d.open = true;
      const fields = fieldsOf(d);
      if (fields.length !== k.values.length) continue;
      fields.forEach((f, i) => { if (f.type === 'checkbox') f.checked = k.values[i]; else f.value = k.values[i]; });
      if (k.focus >= 0) fields[k.focus].focus();
    }
  }

  // --- supervisors -----------------------------------------------------------------------
  async function boardPage() {
    const b = await read('/staff/board');
    const section = (id, title, list, empty) => h('section', { id },
      h('h2', { text: `${title}（${list.length}）` }),
      list.length ? h('div', { class: 'cards' }, list.map(caseCard)) : h('p', { class: 'muted' }, empty));
    page('督办看板',
      section('board-unassigned', '待分派', b.unassigned, '没有待分派的案件。'),
      section('board-lapsing', '两小时内到期', b.lapsing, '没有快到期的案件。'),
      section('board-lapsed', '已超时或已上交', b.lapsed, '没有超时的案件。'),
      section('board-closing', '待我审批的办结', b.closing, '没有待审批的办结。'),
      h('section', { id: 'board-groups' }, h('h2', { text: `关联案件（${b.groups.length}）` }),
        b.groups.length ? b.groups.map((g) => h('div', { class: 'card' }, `${g.reports}件反映，${g.headcount}人，共${yuan(g.amount)}：`, g.caseNos.map((no) => [' ', h('a', { href: `#/case/${no}` }, no)]))) : h('p', { class: 'muted' }, '没有关联案件。')));
  }

  // --- notices, agenda, memberships ---------------------------------------------------------
  async function inboxPage() {
    const { items } = await read('/staff/inbox');
    const list = (items || []).slice().reverse();
    page('通知', list.length ? list.map((i) => h('div', { class: 'card' }, h('div', { class: 'muted' }, when(i.at)), (i.replies || []).map((r) => h('p', {}, r.text || '')))) : h('p', { class: 'muted' }, '没有通知。'));
  }

  async function agendaPage() {
    const dayInput = h('input', { type: 'date', value: today(), id: 'agenda-day' });
    const list = h('div', { id: 'agenda' });
    const load = async () => {
      if (!dayInput.value) {
        say('请选择日期。');
        return false;
      }
      const { bookings } = await api('GET', `/staff/bookings?day=${dayInput.value}`);
      clear(list);
      if (!bookings.length) list.append(h('p', { class: 'muted' }, '这一天没有预约。'));
      for (const b of bookings) {
        const post = (path, body) => api('POST', `/staff/bookings/${b.bookingNo}/${path}`, body);
        const buttons = b.status === 'booked' ? h('div', { class: 'buttons' },
          h('button', { type: 'button', onclick: action(async () => { await post('done'); return '已标记完成。'; }, load) }, '已完成'),
          confirmFirst('爽约', '确认爽约？再点一次', async () => { await post('no-show'); return '已标记爽约。'; }, load)) : null;
        const refer = me.staff.role === 'procuratorate_liaison' && b.status !== 'cancelled' ? (() => {
          const why = area('reason', {});
          return form(`refer-${b.bookingNo}`, '转支持起诉', [{ name: 'reason', label: '理由', el: why }], async () => { const r = await post('refer', { reason: why.value }); return `已转为支持起诉案件 ${r.case.caseNo}。`; }, load);
        })() : null;
        list.append(h('div', { class: 'card' },
          h('div', { class: 'row' }, h('b', {}, b.when), h('span', { class: 'tag' }, b.statusText), b.urgent ? h('span', { class: 'tag urgent' }, '紧急') : null),
          h('div', {}, `${b.matterText} · ${b.helpText} · ${b.modeText}`),
          b.hearing ? h('div', { class: 'hearing' }, `开庭/仲裁：${b.hearing.text}`) : null,
          b.forWhom ? h('div', { class: 'for-whom' }, `为${b.forWhom === '他人' ? '亲友' : b.forWhom}预约，本人到场；下面是预约人的联系方式`) : null,
          h('div', {}, b.contact.name || '', ' ', b.contact.phone ? h('a', { href: `tel:${b.contact.phone}` }, b.contact.phone) : ''),
          b.servicePoint ? h('div', { class: 'muted' }, b.servicePoint.name) : null,
          buttons, refer));
      }
    };
    // A day that reads clears what an earlier one said (「请选择日期。」, a refusal): it no longer applies.
    dayInput.addEventListener('change', () => load().then((shown) => { if (shown !== false) say(''); }, (e) => say(e.message)));
    page(me.staff.role === 'union_lawyer' || me.staff.role === 'procuratorate_liaison' ? '预约日程' : '预约', h('label', {}, '日期', dayInput), list);
    await load();
  }

  async function membershipsPage() {
    const { memberships } = await read('/staff/memberships');
    const reload = () => membershipsPage();
    page('入会审核', memberships.length ? memberships.map((m) => {
      const post = (path, body) => api('POST', `/staff/memberships/${m.appNo}/${path}`, body);
      const why = area('reason', { required: true });
      return h('div', { class: 'card', 'data-app': m.appNo },
        h('div', { class: 'row' }, h('b', {}, m.appNo), h('span', { class: 'tag' }, m.statusText), m.reviewDeadline ? countdown(m.reviewDeadline, '审核期限') : null),
        h('dl', { class: 'facts' },
          h('dt', {}, '姓名'), h('dd', {}, m.name || '—'),
          h('dt', {}, '身份证'), h('dd', {}, m.idNumber || '—'),
          h('dt', {}, '电话'), h('dd', {}, m.phone || '—'),
          h('dt', {}, '工作'), h('dd', {}, m.work ? (m.work.employer || [m.work.occupation, m.work.platform].filter(Boolean).join(' · ')) : '—'),
          h('dt', {}, '工会'), h('dd', {}, m.union)),
        m.status === 'pending' ? h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: action(async () => { await post('approve'); return `已通过 ${m.appNo}。`; }, reload) }, '通过')) : null,
        m.status === 'pending' ? form(`reject-${m.appNo}`, '驳回', [{ name: 'reason', label: '驳回原因（会告诉申请人）', el: why }], async () => { await post('reject', { reason: why.value }); return `已驳回 ${m.appNo}。`; }, reload) : null);
    }) : h('p', { class: 'muted' }, '没有等待审核的入会申请。'));
  }

  // --- admin ----------------------------------------------------------------------------------
  // Chart.js (210 KB) is fetched when the admin's dashboard first needs it, not by every page: staff use phones.
  let chartLoading = null;
  function loadChart() {
    if (window.Chart || !CHART_SRC) return Promise.resolve();
    if (!chartLoading) {
      chartLoading = new Promise((resolve) => {
        const s = document.createElement('script');
        s.src = CHART_SRC;
        s.onload = () => resolve();
        // A failed fetch leaves the figures and the CSV; the next visit tries again.
        s.onerror = () => { chartLoading = null; s.remove(); resolve(); };
        document.head.appendChild(s);
      });
    }
    return chartLoading;
  }
  const charts = [];
  function chart(id, title, config) {
    const canvas = h('canvas', { id, role: 'img', 'aria-label': title });
    const fig = h('figure', { class: 'chart', 'data-chart': JSON.stringify(config.data) }, h('figcaption', {}, title), h('div', { class: 'box' }, canvas));
    return { fig, draw: () => {
      if (!window.Chart) return;
      config.options = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } }, ...(config.options || {}) };
      charts.push(new window.Chart(canvas, config));
    } };
  }
  const RED = '#c8102e', GREY = '#9aa3ae', GOLD = '#d99a00', GREEN = '#2e7d32';

  async function dashboardPage() {
    const f = await read('/admin/dashboard');
    while (charts.length) charts.pop().destroy();
    const pct = (a, b) => (b ? `${Math.round((a / b) * 100)}%` : '—');
    const t = f.total;
    const tw = f.townships;
    const list = [
      chart('chart-townships', '各镇（街道）案件', { type: 'bar', data: { labels: tw.map((x) => x.name), datasets: [{ label: '受理', data: tw.map((x) => x.received), backgroundColor: RED }, { label: '办结', data: tw.map((x) => x.resolved), backgroundColor: GREY }] } }),
      chart('chart-months', '每月案件', { type: 'line', data: { labels: f.months.map((m) => m.month), datasets: [{ label: '受理', data: f.months.map((m) => m.received), borderColor: RED, backgroundColor: RED }, { label: '办结', data: f.months.map((m) => m.resolved), borderColor: GREY, backgroundColor: GREY }] } }),
      chart('chart-ontime', '按时接单和办结', { type: 'bar', data: { labels: ['接单', '办结'], datasets: [{ label: '按时', data: [t.acceptedOnTime, t.resolvedOnTime], backgroundColor: GREEN }, { label: '超时', data: [t.accepted - t.acceptedOnTime, t.resolved - t.resolvedOnTime], backgroundColor: GOLD }] }, options: { scales: { x: { stacked: true }, y: { stacked: true } } } }),
      chart('chart-satisfaction', '满意度', { type: 'doughnut', data: { labels: ['满意', '基本满意', '不满意'], datasets: [{ data: [f.satisfaction.satisfied, f.satisfaction.basically, f.satisfaction.unsatisfied], backgroundColor: [GREEN, GOLD, RED] }] } }),
      chart('chart-recovered', '各镇（街道）追回金额（元）', { type: 'bar', data: { labels: tw.map((x) => x.name), datasets: [{ label: '追回金额', data: tw.map((x) => x.amountRecovered), backgroundColor: GREEN }] } }),
      chart('chart-members', '每月入会申请', { type: 'bar', data: { labels: f.memberships.months.map((m) => m.month), datasets: [{ label: '申请', data: f.memberships.months.map((m) => m.applied), backgroundColor: GREY }, { label: '通过', data: f.memberships.months.map((m) => m.approved), backgroundColor: RED }] } }),
    ];
    const stat = (label, value, id) => h('div', { class: 'stat', id }, h('b', {}, value), label);
    page('统计',
      h('div', { class: 'stats', id: 'totals' },
        stat('受理案件', t.received, 'stat-received'), stat(`按时接单（${pct(t.acceptedOnTime, t.received)}）`, t.acceptedOnTime, 'stat-accepted'),
        stat(`已办结（${pct(t.resolved, t.received)}）`, t.resolved, 'stat-resolved'), stat('追回金额', yuan(t.amountRecovered), 'stat-recovered'),
        stat(`满意率（${t.rated}人评价）`, pct(t.satisfied, t.rated), 'stat-satisfaction'), stat('入会申请', f.memberships.applied, 'stat-members'),
        stat('入会通过', f.memberships.approved, 'stat-members-approved'), stat('待审核入会', f.memberships.pending, 'stat-members-pending')),
      h('p', {}, h('a', { href: `${API}/admin/dashboard.csv`, download: '', id: 'csv' }, '导出 CSV（Excel 可直接打开）'), h('span', { class: 'muted' }, ` 截至 ${when(f.asOf)}`)),
      h('div', { class: 'charts' }, list.map((c) => c.fig)));
    await loadChart();
    list.forEach((c) => c.draw());
  }

  async function staffOptions() {
    const { directory } = await api('GET', '/admin/directory');
    const out = [];
    for (const d of directory.districts) {
      for (const s of [...d.supervisors, ...(d.liaisons || []), ...(d.lawyers || [])]) out.push([s.id, `${s.name}（${ROLE_NAMES[s.role] || s.role}，${d.name}）`]);
      for (const t of d.townships) {
        out.push([t.supervisor.id, `${t.supervisor.name}（${ROLE_NAMES[t.supervisor.role]}，${t.name}）`]);
        for (const r of t.reviewers || []) out.push([r.id, `${r.name}（${ROLE_NAMES[r.role] || r.role}，${t.name}）`]);
        for (const g of t.grids) for (const w of g.workers) out.push([w.id, `${w.name}（${g.name}）`]);
      }
    }
    return out;
  }

  async function accessPage() {
    const options = await staffOptions();
    const staffId = h('input', { id: 'staff-id', list: 'staff-list', required: true, placeholder: '例如 gw-001', autocomplete: 'off' });
    const result = h('div', { id: 'access-result' });
    const run = (label, fn) => h('button', { type: 'button', onclick: action(async () => {
      if (!staffId.value.trim()) throw new Error('请先填写工作人员编号。');
      clear(result);
      result.append(await fn(staffId.value.trim()));
      return '';
    }) }, label);
    page('登录与绑定',
      h('section', { class: 'card' },
        h('label', { for: 'staff-id' }, '工作人员（编号）', staffId),
        h('datalist', { id: 'staff-list' }, options.map(([id, label]) => h('option', { value: id }, label))),
        h('div', { class: 'buttons' },
          run('生成工作台登录链接', async (id) => {
            const r = await api('POST', '/admin/console-links', { staffId: id });
            return h('div', {}, h('p', {}, `给${r.staff.name}的一次性登录链接（15分钟内有效，只能用一次）：`), h('p', { class: 'secret', id: 'console-link' }, r.url));
          }),
          run('生成微信绑定码', async (id) => {
            const r = await api('POST', '/admin/bind-codes', { staffId: id });
            return h('div', {}, h('p', {}, `${r.staff.name}的微信绑定码（24小时内有效）：请在微信里给工友发送「绑定 ${r.code}」。`), h('p', { class: 'secret', id: 'bind-code' }, r.code));
          }),
          run('吊销全部凭证', async (id) => {
            if (!window.confirm(`确定让 ${id} 的所有凭证和工作台登录立即失效吗？`)) return h('p', {}, '已取消。');
            await api('POST', `/admin/staff/${encodeURIComponent(id)}/revoke`);
            return h('p', {}, `${id} 的所有凭证和工作台登录已失效。`);
          })),
        result));
  }

  /**
   * Where the JSON the admin typed is broken, in Chinese: the browser's own
   * message is English (`Expected ',' or '}' after property value … line 5
   * column 3`), so only the line and column are taken from it.
   */
  function jsonMistake(e, text) {
    const msg = String((e && e.message) || '');
    let line, col;
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    if (lc) { line = Number(lc[1]); col = Number(lc[2]); }
    else if (pos) {
      const before = text.slice(0, Number(pos[1])).split('\n');
      line = before.length; col = before[before.length - 1].length + 1;
    }
    const hint = '常见的是少了逗号或引号，或最后一项后面多了逗号';
    return line ? `JSON 格式不对：第 ${line} 行第 ${col} 个字符附近有错（${hint}）。` : `JSON 格式不对，请检查括号是否成对（${hint}）。`;
  }

  function problems(err) {
    const list = (err.body && err.body.error && err.body.error.problems) || [];
    return h('div', { id: 'problems' }, h('p', {}, err.message), list.length ? h('ul', { class: 'problems' }, list.map((p) => {
      const i = p.indexOf(': ');
      return h('li', {}, i > 0 ? [h('code', {}, p.slice(0, i)), ` ${p.slice(i + 2)}`] : p);
    })) : null);
  }

  async function directoryPage() {
    const { directory } = await read('/admin/directory');
    const text = h('textarea', { class: 'json', id: 'directory-json', spellcheck: 'false' });
    text.value = JSON.stringify(directory, null, 2);
    const out = h('div', { id: 'directory-result' });
    const save = h('button', { type: 'submit' }, '保存名录');
    page('名录',
      h('p', { class: 'muted' }, '整份名录一起校验：有问题时不会作任何修改，每个问题都会列出它的位置。移出名录的人员，微信绑定和登录立即失效。'),
      h('form', { class: 'act', onsubmit: async (ev) => {
        ev.preventDefault();
        clear(out);
        let parsed;
        try { parsed = JSON.parse(text.value); } catch (e) { out.append(h('p', { class: 'problems' }, jsonMistake(e, text.value))); return; }
        save.disabled = true;
        try {
          const r = await api('PUT', '/admin/directory', { directory: parsed });
          text.value = JSON.stringify(r.directory, null, 2);
          say(`名录已保存（版本 ${r.directory.version}）。`, true);
        } catch (err) {
          if (err.status !== 401) out.append(problems(err));
        } finally { save.disabled = false; }
      } }, text, save), out);
  }

  /** Where a year's holidays come from (core/infra/calendar.ts CalendarSource). */
  const SOURCE_NAMES = { directory: '本系统录入', 'chinese-days': '内置数据（国务院办公厅通知）', none: '没有数据（只按周末和法定节日计算）' };
  /** The example's made-up notice number: saved as it stands, a whole year would hold nothing but 元旦. */
  const EXAMPLE_SOURCE = '国办发明电〔…〕…号';

  async function calendarPage() {
    const cal = await read('/admin/calendar');
    const year = h('input', { id: 'year', type: 'number', min: '2000', max: '2199', required: true, value: String(new Date(Date.now() + skew).getUTCFullYear() + 1) });
    const text = h('textarea', { class: 'json', id: 'year-json', spellcheck: 'false' });
    const fill = () => { const y = cal.calendar.years[year.value]; text.value = JSON.stringify(y || { source: EXAMPLE_SOURCE, holidays: [{ name: '元旦', from: `${year.value}-01-01`, to: `${year.value}-01-01` }], workdays: [] }, null, 2); };
    year.addEventListener('change', fill);
    fill();
    const out = h('div', { id: 'calendar-result' });
    const gaps = cal.coverage && cal.coverage.missing && cal.coverage.missing.length ? h('p', { class: 'problems' }, `未来的日子里有 ${cal.coverage.missing.length} 天没有放假安排数据，请添加那一年。`) : null;
    page('节假日',
      h('div', { class: 'scroll' }, h('table', {}, h('tr', {}, h('th', {}, '年份'), h('th', {}, '数据来源')), cal.years.map((y) => h('tr', {}, h('td', {}, String(y.year)), h('td', {}, SOURCE_NAMES[y.source] || y.source || '没有数据'))))),
      gaps,
      h('h2', { text: '添加或修改一年' }),
      h('form', { class: 'act', onsubmit: async (ev) => {
        ev.preventDefault();
        clear(out);
        let parsed;
        try { parsed = JSON.parse(text.value); } catch (e) { out.append(h('p', { class: 'problems' }, jsonMistake(e, text.value))); return; }
        if (parsed && parsed.source === EXAMPLE_SOURCE) { out.append(h('p', { class: 'problems' }, '这是示例：请把 source 换成国务院办公厅通知的文号，并填上这一年全部的放假和调休日期后再保存。')); return; }
        try {
          await api('PUT', `/admin/calendar/years/${year.value}`, parsed);
          say(`${year.value}年的放假安排已保存。`, true);
          await calendarPage();
        } catch (err) {
          if (err.status !== 401) out.append(problems(err));
        }
      } }, h('label', {}, '年份', year), text, h('button', { type: 'submit' }, '保存这一年')), out);
  }

  // --- start ----------------------------------------------------------------------------
  (async () => {
    const linked = await signInWithLink();
    if (linked === 'failed') return;
    try {
      const s = await fetch(`${API}/session`, { credentials: 'same-origin' });
      if (s.status === 401) return showSignIn(linked ? '' : '');
    } catch {
      return say('网络不通，请稍后刷新页面。');
    }
    await start();
  })();
})();
