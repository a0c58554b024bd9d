(function () {
  'use strict';

  var $ = function (id) { return document.getElementById(id); };
  var log = $('log'), list = $('items'), earlierBtn = $('earlier'), newBtn = $('newmsg'), net = $('net');
  var form = $('f'), input = $('text'), fileInput = $('file'), viewer = $('viewer'), viewerImg = viewer.querySelector('img');

  var FIVE_MINUTES = 5 * 60 * 1000;
  var POLL_MS = 4000;
  var PAGE = 30;
  var USER_ID_KEY = 'gongyou.userId';
  var SESSION_KEY = 'gongyou.session';
  var MSG = {
    network: '网络不太好，请检查网络后重试。',
    server: '服务暂时不可用，请稍后再试。',
    signIn: '网页版需要通过微信登录。\n请在微信中打开「工友」小程序使用。',
    start: '连接失败，请稍后再试。'
  };

  if (/MicroMessenger/i.test(navigator.userAgent)) document.documentElement.className += ' wx';

  /* ---------- storage (private mode or a WebView without storage falls back to memory) ---------- */
  var memory = {};
  function getItem(k) { try { return window.localStorage.getItem(k); } catch (e) { return memory[k] || null; } }
  function setItem(k, v) { try { window.localStorage.setItem(k, v); } catch (e) { memory[k] = v; } }
  function removeItem(k) { try { window.localStorage.removeItem(k); } catch (e) { delete memory[k]; } }

  function randomId(prefix, n) {
    var chars = 'abcdefghijklmnopqrstuvwxyz0123456789', out = '', bytes = new Uint8Array(n);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(bytes);
    else for (var i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
    for (var j = 0; j < n; j++) out += chars.charAt(bytes[j] % chars.length);
    return prefix + out;
  }

  function userId() {
    var id = getItem(USER_ID_KEY);
    if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) { id = randomId('web-', 10); setItem(USER_ID_KEY, id); }
    return id;
  }

  /* ---------- HTTP ---------- */
  function HttpError(status, message) { this.status = status; this.message = message; }
  function SignInNeeded() { this.message = MSG.signIn; }

  function request(method, path, opts) {
    opts = opts || {};
    var init = { method: method, headers: opts.headers || {}, credentials: 'same-origin', cache: 'no-store' };
    if (opts.json !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(opts.json); }
    else if (opts.body !== undefined) init.body = opts.body;
    var timer = null;
    if (typeof AbortController !== 'undefined') {
      var ctrl = new AbortController();
      init.signal = ctrl.signal;
      timer = setTimeout(function () { ctrl.abort(); }, opts.timeout || 30000);
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (raw) {
        if (timer) clearTimeout(timer);
        var body = null;
        try { body = raw ? JSON.parse(raw) : null; } catch (e) { body = null; }
        if (!res.ok) throw new HttpError(res.status, (body && body.error && body.error.message) || MSG.server);
        return body || {};
      });
    }).catch(function (e) {
      if (timer) clearTimeout(timer);
      if (e instanceof HttpError) throw e;
      throw new HttpError(0, MSG.network); // offline, timed out, or cut off mid-answer
    });
  }

  /* ---------- sign-in: a short-lived token, a one-time refresh token ---------- */
  var devLogin = false;
  var renewing = null;

  function loadSession() {
    try { var s = JSON.parse(getItem(SESSION_KEY) || 'null'); return s && s.token ? s : null; } catch (e) { return null; }
  }
  function saveSession(b) {
    var now = Date.now();
    var s = {
      token: b.token,
      refreshToken: b.refreshToken || null,
      expiresAt: b.expiresIn ? now + b.expiresIn * 1000 : null,
      refreshExpiresAt: b.refreshExpiresIn ? now + b.refreshExpiresIn * 1000 : null,
      margin: b.expiresIn ? Math.min(60000, b.expiresIn * 250) : 0
    };
    setItem(SESSION_KEY, JSON.stringify(s));
    return s;
  }
  function usable(s) { return !!s && (!s.expiresAt || s.expiresAt - (s.margin || 0) > Date.now()); }

  /** A token that works now; `stale` is one the server just refused. One renewal at a time (a refresh token works once). */
  function getToken(stale) {
    var s = loadSession();
    if (usable(s) && s.token !== stale) return Promise.resolve(s.token);
    if (!renewing) {
      renewing = renew(s).then(function (t) { renewing = null; return t; }, function (e) { renewing = null; throw e; });
    }
    return renewing;
  }

  function renew(s) {
    var viaRefresh = s && s.refreshToken && (!s.refreshExpiresAt || s.refreshExpiresAt > Date.now() + 5000)
      ? request('POST', '/api/v1/auth/refresh', { json: { refreshToken: s.refreshToken } }).then(function (b) { return saveSession(b).token; })
      : Promise.reject(new HttpError(401, ''));
    return viaRefresh.catch(function (e) {
      if (e.status === 0 || e.status === 429 || e.status >= 500) throw e; // try again later; the pair may still be good
      // Another tab may have used the refresh token first: its new pair is stored.
      var now = loadSession();
      if (s && now && now.token !== s.token && usable(now)) return now.token;
      removeItem(SESSION_KEY);
      if (!devLogin) throw new SignInNeeded();
      return request('POST', '/api/v1/auth/dev', { json: { userId: userId() } }).then(function (b) { return saveSession(b).token; }, function (e2) {
        if (e2.status === 403 || e2.status === 404 || e2.status === 405) throw new SignInNeeded();
        throw e2;
      });
    });
  }

  /** An authorised call; on a 401 the token is renewed and the call made once more. */
  function api(method, path, opts, retried) {
    return getToken().then(function (token) {
      var o = {};
      for (var k in (opts || {})) o[k] = opts[k];
      o.headers = {};
      var h = (opts && opts.headers) || {};
      for (var n in h) o.headers[n] = h[n];
      o.headers.authorization = 'Bearer ' + token;
      return request(method, path, o).catch(function (e) {
        if (e.status === 401 && !retried) return getToken(token).then(function () { return api(method, path, opts, true); });
        throw e;
      });
    });
  }

  /* ---------- time stamps: Beijing time, WeChat style ---------- */
  var BJ = 8 * 3600 * 1000, DAY = 86400 * 1000;
  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function stamp(ms) {
    var d = new Date(ms + BJ), today = Math.floor((Date.now() + BJ) / DAY), day = Math.floor((ms + BJ) / DAY);
    var hm = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
    if (day === today) return hm;
    if (day === today - 1) return '昨天 ' + hm;
    var md = (d.getUTCMonth() + 1) + '月' + d.getUTCDate() + '日 ' + hm;
    return d.getUTCFullYear() === new Date(Date.now() + BJ).getUTCFullYear() ? md : d.getUTCFullYear() + '年' + md;
  }

  /* ---------- scrolling ---------- */
  var stick = true; // the reader is at the newest message: keep them there

  function nearBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 48; }
  function toBottom() { log.scrollTop = log.scrollHeight; stick = true; newBtn.hidden = true; }

  var lastTop = 0;
  log.addEventListener('scroll', function () {
    // Only the reader scrolling up leaves the bottom: content growing below (an image loading) does not.
    var top = log.scrollTop;
    if (top < lastTop - 1) stick = nearBottom();
    else if (nearBottom()) stick = true;
    lastTop = top;
    if (stick) newBtn.hidden = true;
    if (log.scrollTop < 80 && hasOlder && !loadingOlder && started) loadEarlier();
  });
  newBtn.addEventListener('click', toBottom);
  function refit() { if (stick) toBottom(); }
  window.addEventListener('resize', refit);
  if (window.visualViewport) window.visualViewport.addEventListener('resize', refit);
  // WeChat on iOS can leave the page shifted after the keyboard closes.
  input.addEventListener('blur', function () { setTimeout(function () { if (document.activeElement !== input) window.scrollTo(0, 0); }, 100); });

  /* ---------- rendering ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /**
   * The assistant's text with its web addresses as links (a document's
   * download link, a card's check page). Built from text nodes and <a>
   * elements only: nothing the text holds is ever parsed as HTML.
   */
  var URL_RE = /https?:\/\/[^\s，。；、）)」]+/g;
  function linkedText(tag, cls, text) {
    var e = el(tag, cls);
    var at = 0, m;
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text))) {
      if (m.index > at) e.appendChild(document.createTextNode(text.slice(at, m.index)));
      var a = el('a', 'link', m[0]);
      a.href = m[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      e.appendChild(a);
      at = m.index + m[0].length;
    }
    if (at < text.length) e.appendChild(document.createTextNode(text.slice(at)));
    return e;
  }

  function image(r) {
    var img = el('img');
    img.alt = r.alt || '图片';
    img.addEventListener('load', function () {
      // Keep the newest message in view; an image above the reader does not push away what they are reading.
      var grew = img.offsetHeight - (img.shownHeight || 0);
      img.shownHeight = img.offsetHeight;
      if (stick) toBottom();
      else if (grew > 0 && img.getBoundingClientRect().top < log.getBoundingClientRect().top) log.scrollTop += grew;
    });
    img.addEventListener('click', function () { viewerImg.src = img.src; viewerImg.alt = img.alt; viewer.hidden = false; });
    img.src = r.url;
    return img;
  }

  /** The height each new image takes before it has loaded (see `image`). */
  function measure(root) {
    var imgs = root.querySelectorAll('img');
    for (var i = 0; i < imgs.length; i++) if (imgs[i].shownHeight === undefined) imgs[i].shownHeight = imgs[i].offsetHeight;
  }

  function optionButtons(options, entry) {
    var box = el('div', 'opts');
    entry.opts = options;
    entry.buttons = [];
    options.forEach(function (o, i) {
      var b = el('button', '', (i + 1) + ' ' + o.label);
      b.type = 'button';
      b.addEventListener('click', function () { if (!b.disabled) submitText(String(i + 1)); });
      box.appendChild(b);
      entry.buttons.push(b);
    });
    return box;
  }

  /** Bubbles of the assistant (one per reply), the person's own (green), or a notice card. */
  function renderReplies(entry, into) {
    var replies = entry.replies || [];
    if (entry.from === 'notice') {
      var row = el('div', 'msg notice'), card = el('div', 'card');
      card.appendChild(el('div', 'tag', '通知'));
      replies.forEach(function (r) {
        if (r.type === 'image') { card.appendChild(image(r)); return; }
        var t = linkedText('div', 't', r.text || '');
        card.appendChild(t);
        if (r.options && r.options.length) card.appendChild(optionButtons(r.options, entry));
      });
      row.appendChild(card);
      into.appendChild(row);
      return;
    }
    var mine = entry.from === 'user';
    replies.forEach(function (r) {
      var row = el('div', 'msg ' + (mine ? 'me' : 'bot')), b = el('div', 'b');
      if (r.type === 'image') { b.className = 'b pic'; b.appendChild(image(r)); }
      else {
        var t = mine ? el('span', 't', r.text || '') : linkedText('span', 't', r.text || '');
        b.appendChild(t);
        if (mine && entry.textEl === undefined) { entry.textEl = t; entry.sent = r.text || ''; }
        if (!mine && r.options && r.options.length) b.appendChild(optionButtons(r.options, entry));
      }
      row.appendChild(b);
      into.appendChild(row);
    });
  }

  /** What a person's message shows: a number picked from the options just above reads as that option. */
  function shown(text, options) {
    var m = /^\s*(\d{1,2})\s*$/.exec(text || '');
    if (m && options) {
      var o = options[Number(m[1]) - 1];
      if (o) return o.label;
    }
    return text;
  }

  /* State: `entries` come from the server (ordered by seq, the welcome first when the chat starts on screen);
     `groups` are messages sent from this page that history has not brought back yet. */
  var entries = [], groups = [], seen = {}, lastSeq = 0, hasOlder = false, loadingOlder = false, started = false, welcomeShown = false;

  function makeEntry(item) {
    var e = { seq: item.seq, at: item.at ? Date.parse(item.at) : null, from: item.from, replies: item.replies || [] };
    e.el = el('div', 'entry');
    if (item.seq) e.el.setAttribute('data-seq', String(item.seq));
    e.timeEl = el('div', 'time');
    e.timeEl.hidden = true;
    e.el.appendChild(e.timeEl);
    renderReplies(e, e.el);
    return e;
  }

  function place(e) {
    var i = entries.length;
    while (i > 0 && entries[i - 1].seq && entries[i - 1].seq > e.seq) i--;
    var next = i < entries.length ? entries[i].el : (groups.length ? groups[0].el : null);
    entries.splice(i, 0, e);
    list.insertBefore(e.el, next);
  }

  /**
   * The welcome stays at the start of the chat: the server sends it while the chat is empty, and
   * this page keeps a copy so that a menu number picked from it still reads as the option later.
   */
  function showWelcome(replies) {
    var key = 'gongyou.welcome.' + userId();
    if (replies && replies.length) setItem(key, JSON.stringify(replies));
    else try { replies = JSON.parse(getItem(key) || 'null'); } catch (e) { replies = null; }
    if (welcomeShown || !replies || !replies.length) return;
    welcomeShown = true;
    var e = makeEntry({ seq: 0, at: null, from: 'bot', replies: replies });
    e.el.className += ' welcome';
    entries.unshift(e);
    list.insertBefore(e.el, list.firstChild);
  }

  /** Time stamps (more than five minutes after the one before), which options can still be tapped, option numbers as labels. */
  function relayout() {
    var prev = null, i;
    entries.forEach(function (e) {
      if (!e.at) return;
      var show = prev === null || e.at - prev > FIVE_MINUTES;
      e.timeEl.hidden = !show;
      if (show) e.timeEl.textContent = stamp(e.at);
      prev = e.at;
    });
    var all = entries.concat(groups), lastUser = -1, options = null;
    for (i = 0; i < all.length; i++) if (all[i].from === 'user' && all[i].state !== 'failed') lastUser = i;
    for (i = 0; i < all.length; i++) {
      var e = all[i];
      if (e.from === 'user') {
        if (e.textEl) e.textEl.textContent = e.file ? e.sent : shown(e.sent, options);
        if (e.state !== 'failed') options = null;
      }
      if (e.opts) options = e.opts;
      if (e.buttons) for (var j = 0; j < e.buttons.length; j++) e.buttons[j].disabled = i < lastUser;
    }
  }

  function textOf(item) {
    for (var i = 0; i < item.replies.length; i++) if (item.replies[i].type === 'text') return (item.replies[i].text || '').trim();
    return '';
  }

  /** A message of the person's that history brought back stands for the one this page showed locally. */
  function claim(item) {
    var said = textOf(item), pick = -1, i;
    for (i = 0; i < groups.length && pick < 0; i++) if (groups[i].state !== 'failed' && groups[i].state !== 'queued' && groups[i].said === said) pick = i;
    for (i = 0; i < groups.length && pick < 0; i++) if (groups[i].state === 'failed' && groups[i].said === said) pick = i;
    if (pick < 0) return;
    var g = groups.splice(pick, 1)[0];
    g.confirmed = true;
    if (g.el.parentNode) g.el.parentNode.removeChild(g.el);
  }

  /** Adds history items not on screen yet. */
  function addItems(items) {
    var added = 0, fromOthers = 0, mine = false;
    items.forEach(function (item) {
      if (!item || !item.seq || seen[item.seq]) return;
      seen[item.seq] = true;
      if (item.seq > lastSeq) lastSeq = item.seq;
      if (item.from === 'user') { claim(item); mine = true; } else fromOthers++;
      place(makeEntry(item));
      added++;
    });
    if (added) measure(list);
    return { added: added, fromOthers: fromOthers, mine: mine };
  }

  function oldestSeq() {
    for (var i = 0; i < entries.length; i++) if (entries[i].seq) return entries[i].seq;
    return 0;
  }

  function systemRow(text, retry) {
    var row = el('div', 'msg system'), b = el('div', 'b', text);
    if (retry) {
      var btn = el('button', '', '重试');
      btn.type = 'button';
      btn.addEventListener('click', retry);
      b.appendChild(btn);
    }
    row.appendChild(b);
    return row;
  }

  /* ---------- history ---------- */
  function loadInitial() {
    return api('GET', '/api/v1/chat/history?limit=' + PAGE).then(function (h) {
      entries = []; seen = {}; lastSeq = 0; welcomeShown = false;
      groups.forEach(function (g) { g.confirmed = true; });
      groups = [];
      list.textContent = '';
      hasOlder = !!h.more;
      if (!hasOlder) showWelcome(h.welcome);
      addItems(h.items || []);
      if (!(h.items || []).length && h.last > lastSeq) lastSeq = h.last;
      earlierBtn.hidden = !hasOlder;
      relayout();
      toBottom();
    });
  }

  function loadEarlier() {
    if (loadingOlder || !hasOlder) return;
    loadingOlder = true;
    earlierBtn.disabled = true;
    earlierBtn.textContent = '正在加载…';
    var before = oldestSeq();
    api('GET', '/api/v1/chat/history?before=' + before + '&limit=' + PAGE).then(function (h) {
      var fromBottom = log.scrollHeight - log.scrollTop;
      hasOlder = !!h.more;
      addItems(h.items || []);
      if (!hasOlder) showWelcome(h.welcome);
      earlierBtn.hidden = !hasOlder;
      earlierBtn.textContent = '更早的消息';
      relayout();
      // The message that was at the top stays where it was.
      log.scrollTop = log.scrollHeight - fromBottom;
      stick = nearBottom();
    }, function (e) {
      if (e instanceof SignInNeeded) return signInNeeded();
      earlierBtn.textContent = '没有加载成功，点此重试';
    }).then(function () {
      loadingOlder = false;
      earlierBtn.disabled = false;
    });
  }
  earlierBtn.addEventListener('click', loadEarlier);

  var syncing = null, syncAgain = false, failures = 0, pollTimer = null;

  /* A finger (or the mouse button) down on the chat: what the history brings back waits until it is lifted.
     The history's copy of a message answered here replaces its bubbles, buttons included; done under a
     finger, the button released was not the one pressed and the tap was lost. */
  var pressed = false, afterPress = [], pressTimer = null;
  function whenReleased() {
    if (!pressed) return Promise.resolve();
    return new Promise(function (resolve) { afterPress.push(resolve); });
  }
  function released() {
    if (!pressed) return;
    pressed = false;
    // After the click that follows the release.
    setTimeout(function () { afterPress.splice(0).forEach(function (resolve) { resolve(); }); }, 0);
  }
  list.addEventListener('pointerdown', function () {
    pressed = true;
    // A release this page never hears of (the finger left the window) holds nothing up for long.
    clearTimeout(pressTimer);
    pressTimer = setTimeout(released, 5000);
  }, true);
  window.addEventListener('pointerup', released, true);
  window.addEventListener('pointercancel', released, true);

  /** New items after the last seq seen: notices, and the history copy of what was just sent. */
  function sync() {
    if (!started) return Promise.resolve();
    if (syncing) { syncAgain = true; return syncing; }
    syncing = (function round(rounds) {
      syncAgain = false;
      return api('GET', '/api/v1/chat/history?after=' + lastSeq + '&limit=50').then(function (h) {
        return whenReleased().then(function () { return h; });
      }).then(function (h) {
        if (typeof h.last === 'number' && h.last < lastSeq) return loadInitial(); // the chat was cleared
        var wasStuck = stick;
        var r = addItems(h.items || []);
        if (r.added) {
          relayout();
          if (wasStuck || r.mine) toBottom();
          else if (r.fromOthers) newBtn.hidden = false;
        }
        failures = 0;
        net.hidden = true;
        if ((h.more && (h.items || []).length && rounds < 20) || syncAgain) return round(rounds + 1);
      });
    })(0).then(function () { syncing = null; }, function (e) {
      syncing = null;
      if (e instanceof SignInNeeded) return signInNeeded();
      failures++;
      if (failures >= 3) net.hidden = false;
    });
    return syncing;
  }

  function schedule() {
    clearTimeout(pollTimer);
    if (!started || document.hidden) return;
    var wait = failures ? Math.min(30000, POLL_MS * Math.pow(2, failures - 1)) : POLL_MS;
    pollTimer = setTimeout(function () { sync().then(schedule); }, wait);
  }
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && started) { relayout(); sync().then(schedule); }
  });
  window.addEventListener('pageshow', function (ev) { if (ev.persisted && started) sync().then(schedule); });

  /* ---------- sending ---------- */
  var queue = [], sending = false;

  function newGroup(kind, text, file) {
    var g = { from: 'user', kind: kind, file: file || null, state: 'queued', confirmed: false };
    g.said = kind === 'file' ? '[文件] ' + file.name : text.trim();
    g.text = text;
    g.clientMsgId = randomId('w', 20);
    g.el = el('div', 'entry local');
    g.userRow = el('div', 'msg me pending');
    var b = el('div', 'b');
    g.textEl = el('span', 't', kind === 'file' ? '文件：' + file.name : text);
    g.sent = kind === 'file' ? '文件：' + file.name : text;
    b.appendChild(g.textEl);
    g.userRow.appendChild(b);
    g.el.appendChild(g.userRow);
    g.repliesEl = el('div');
    g.el.appendChild(g.repliesEl);
    groups.push(g);
    list.appendChild(g.el);
    relayout();
    toBottom();
    queue.push(g);
    pump();
  }

  function submitText(text) {
    if (!started || !text.trim()) return;
    newGroup('text', text);
  }

  function pump() {
    if (sending) return;
    var g = queue.shift();
    if (!g) return;
    sending = true;
    deliver(g).then(function () { sending = false; sync().then(schedule); pump(); });
  }

  function deliver(g) {
    if (g.confirmed) return Promise.resolve();
    g.state = 'sending';
    var call = g.kind === 'file'
      ? api('POST', '/api/v1/chat/files', {
        body: g.file, timeout: 120000,
        headers: { 'content-type': g.file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(g.file.name), 'x-client-msg-id': g.clientMsgId }
      })
      : api('POST', '/api/v1/chat/messages', { json: { text: g.text, clientMsgId: g.clientMsgId } });
    return call.then(function (r) {
      if (g.confirmed) return; // history brought it back first
      g.state = 'answered';
      g.userRow.className = 'msg me';
      var holder = { from: 'bot', replies: r.replies || [] };
      renderReplies(holder, g.repliesEl);
      g.opts = holder.opts; g.buttons = holder.buttons;
      measure(g.repliesEl);
      relayout();
      toBottom();
    }, function (e) {
      if (g.confirmed) return;
      if (e instanceof SignInNeeded) { signInNeeded(); return; }
      g.state = 'failed';
      g.userRow.className = 'msg me failed';
      showError(g, e);
      relayout();
      if (stick) toBottom();
    });
  }

  function showError(g, e) {
    var row = el('div', 'msg error'), b = el('div', 'b');
    b.appendChild(el('span', '', '没有发出去：' + ((e instanceof HttpError && e.message) || MSG.network)));
    if (e.status !== 400 && e.status !== 413 && e.status !== 415) {
      var retry = el('button', 'retry', '重试');
      retry.type = 'button';
      retry.addEventListener('click', function () {
        if (row.parentNode) row.parentNode.removeChild(row);
        g.errEl = null;
        g.state = 'queued';
        g.userRow.className = 'msg me pending';
        relayout();
        queue.push(g); // the same clientMsgId: the server answers a repeat once
        pump();
      });
      b.appendChild(retry);
    }
    row.appendChild(b);
    g.errEl = row;
    g.el.appendChild(row);
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var t = input.value;
    if (!t.trim() || !started) return;
    input.value = '';
    fit();
    submitText(t);
  });
  // The box is a textarea (a story over several lines keeps them): Enter sends, Shift+Enter starts a new line, and
  // Enter that picks a word in a Chinese input method (isComposing, or key code 229 in older browsers) sends nothing.
  input.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' || ev.shiftKey || ev.isComposing || ev.keyCode === 229) return;
    ev.preventDefault();
    if (form.requestSubmit) form.requestSubmit();
    else form.dispatchEvent(new Event('submit', { cancelable: true }));
  });
  /** The box as tall as its lines, up to its max-height (then it scrolls). */
  function fit() {
    input.style.height = '';
    if (input.scrollHeight > input.clientHeight) input.style.height = input.scrollHeight + 2 + 'px';
  }
  input.addEventListener('input', fit);
  fileInput.addEventListener('change', function () {
    var f = fileInput.files && fileInput.files[0];
    fileInput.value = '';
    if (f && started) newGroup('file', '', f);
  });
  viewer.addEventListener('click', function () { viewer.hidden = true; });

  /* ---------- start ---------- */
  function signInNeeded() {
    started = false;
    clearTimeout(pollTimer);
    form.hidden = true;
    net.hidden = true;
    newBtn.hidden = true;
    earlierBtn.hidden = true;
    list.textContent = '';
    entries = []; groups = []; queue = [];
    list.appendChild(systemRow(MSG.signIn));
  }

  function start() {
    list.textContent = '';
    list.appendChild(systemRow('正在连接…'));
    request('GET', '/api/v1/client-config').then(function (cfg) {
      devLogin = !!cfg.devLogin;
      if (!devLogin) throw new SignInNeeded();
      return loadInitial();
    }).then(function () {
      started = true;
      form.className = '';
      schedule();
    }, function (e) {
      if (e instanceof SignInNeeded) return signInNeeded();
      list.textContent = '';
      list.appendChild(systemRow(MSG.start, start));
    });
  }

  start();
})();
