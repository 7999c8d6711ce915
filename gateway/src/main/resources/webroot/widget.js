/*
 * banban help box. A district website embeds it with one line:
 *   <script src="https://gateway.example/widget.js" defer></script>
 * Plain ES2017, no framework, no build step, so it runs as served in WeChat's in-app browser too.
 * Everything citizens, operators and the knowledge base wrote is inserted as text nodes, never as HTML.
 */
(function () {
  'use strict';
  if (window.__banbanWidget) return; // embedded twice by mistake: one box is enough
  window.__banbanWidget = true;

  // Citizen-facing texts, in one place.
  var T = {
    launcher: '在线帮办',
    launcherLabel: '打开在线帮办，咨询政务服务问题',
    title: '在线帮办',
    subtitle: '智能解答 · 可转人工客服',
    close: '关闭',
    closeLabel: '关闭在线帮办',
    human: '转人工',
    humanLabel: '转接人工客服',
    inputLabel: '输入您要咨询的问题',
    placeholder: '请输入您的问题，按回车发送',
    send: '发送',
    sendLabel: '发送消息',
    messagesLabel: '对话记录',
    senderBot: '智能助手',
    senderOperator: '人工客服',
    senderCitizen: '我',
    source: '来源：',
    suggestionsLabel: '可选问题',
    feedbackAsk: '这个回答对您有帮助吗？',
    feedbackYes: '有用',
    feedbackNo: '没用',
    feedbackDone: '感谢评价',
    queue: function (n) { return '您前面还有 ' + n + ' 位，请稍候'; },
    wait: function (s) { return '，预计等待约 ' + Math.max(1, Math.round(s / 60)) + ' 分钟'; },
    rateAsk: '请为本次人工服务评价',
    rateOptions: [['satisfied', '满意'], ['basically_satisfied', '基本满意'], ['dissatisfied', '不满意']],
    rateComment: '其他意见（可选）',
    withOperator: '人工客服已接入，请直接留言',
    typing: '人工客服正在输入…',
    connecting: '正在连接…',
    tooFast: '发送太频繁，请稍后再试',
    offline: '网络连接中断，正在重试…',
    tooLong: '消息太长了，请控制在 1000 字以内',
    empty: '请输入您要咨询的内容',
    badRequest: '消息未能发送，请修改后再试',
    alreadyRated: '您已经评价过这条回答了',
    expired: '上一次的会话已结束，已为您开始新的会话',
    failed: '抱歉，系统暂时无法处理，请稍后再试'
  };

  var STORE_KEY = 'banban.conversation';
  var MAX_CHARS = 1000;

  // The API lives where this script came from, so the box works on any site that embeds it.
  var script = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) if (/widget\.js(\?|#|$)/.test(all[i].src)) return all[i];
    return null;
  })();
  var BASE = new URL('.', script && script.src ? script.src : location.href).href;
  var API = new URL('api/v1/conversations', BASE).href;

  // ---- storage (may throw in private modes; the box then simply forgets on reload) ----
  function load() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY)) || null; } catch (e) { return null; }
  }
  function save() {
    try { if (conv) localStorage.setItem(STORE_KEY, JSON.stringify(conv)); } catch (e) { /* ignore */ }
  }
  function forget() {
    try { localStorage.removeItem(STORE_KEY); } catch (e) { /* ignore */ }
    conv = null;
    seen = {};
    lastId = 0;
    closeStream();
    while (list.firstChild) list.removeChild(list.firstChild);
    setState('bot', null);
  }

  // ---- state ----
  var conv = load();      // {id, token, rated: {messageId: true|false}}
  var seen = {};          // message id -> true, to deduplicate POST responses, stream and refetches
  var lastId = 0;
  var ws = null;
  var wsWanted = false;
  var retryDelay = 1000;
  var retryTimer = null;
  var typingTimer = null;
  var sending = false;
  var starting = null;

  // ---- DOM helpers ----
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  var css = el('link', { rel: 'stylesheet', href: new URL('widget.css', BASE).href });
  document.head.appendChild(css);

  var root = el('div', { id: 'banban-widget', className: 'bb-root' });
  var launcher = el('button', {
    type: 'button', className: 'bb-launcher', 'data-testid': 'chat-open',
    'aria-label': T.launcherLabel, 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-controls': 'bb-panel'
  }, [el('span', { className: 'bb-launcher-icon', 'aria-hidden': 'true' }), el('span', { text: T.launcher })]);

  var titleEl = el('h2', { id: 'bb-title', className: 'bb-title', text: T.title });
  var humanBtn = el('button', {
    type: 'button', className: 'bb-human', 'data-testid': 'chat-human', 'aria-label': T.humanLabel, text: T.human
  });
  var closeBtn = el('button', { type: 'button', className: 'bb-close', 'aria-label': T.closeLabel, title: T.close },
    [el('span', { 'aria-hidden': 'true', text: '×' })]);
  var header = el('div', { className: 'bb-header' }, [
    el('div', { className: 'bb-avatar', 'aria-hidden': 'true', text: '帮' }),
    el('div', { className: 'bb-heading' }, [titleEl, el('p', { className: 'bb-subtitle', text: T.subtitle })]),
    humanBtn, closeBtn
  ]);
  var queueBar = el('div', { className: 'bb-queue', 'data-testid': 'chat-queue-position', role: 'status', hidden: '' });
  var notice = el('div', { className: 'bb-notice', 'data-testid': 'chat-notice', role: 'alert', hidden: '' });
  var list = el('div', {
    className: 'bb-messages', role: 'log', 'aria-live': 'polite', 'aria-label': T.messagesLabel, tabindex: '0'
  });
  var typingEl = el('div', { className: 'bb-typing', 'aria-live': 'polite', hidden: '', text: T.typing });
  var input = el('textarea', {
    className: 'bb-input', 'data-testid': 'chat-input', rows: '1', maxlength: String(MAX_CHARS),
    'aria-label': T.inputLabel, placeholder: T.placeholder, enterkeyhint: 'send'
  });
  var sendBtn = el('button', { type: 'submit', className: 'bb-send', 'data-testid': 'chat-send', 'aria-label': T.sendLabel, text: T.send });
  var form = el('form', { className: 'bb-composer', novalidate: '' }, [input, sendBtn]);
  var panel = el('div', {
    id: 'bb-panel', className: 'bb-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'bb-title', hidden: ''
  }, [header, queueBar, list, typingEl, notice, form]);
  root.appendChild(panel);
  root.appendChild(launcher);

  function mount() { document.body.appendChild(root); }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);

  // ---- notices ----
  var noticeTimer = null;
  function showNotice(text, sticky) {
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(noticeTimer);
    if (!sticky) noticeTimer = setTimeout(hideNotice, 6000);
  }
  function hideNotice() { notice.hidden = true; notice.textContent = ''; }

  // ---- HTTP ----
  function ApiError(status, code, message) { this.status = status; this.code = code; this.message = message; }

  async function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (conv && conv.token && path) headers['Authorization'] = 'Bearer ' + conv.token;
    var res;
    try {
      res = await fetch(API + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
    } catch (e) {
      throw new ApiError(0, 'network', String(e));
    }
    var json = null;
    try { json = await res.json(); } catch (e) { /* empty or not JSON */ }
    if (!res.ok) {
      var err = json && json.error ? json.error : {};
      throw new ApiError(res.status, err.code || '', err.message || '');
    }
    return json || {};
  }

  function politeError(e) {
    if (e.status === 0) return T.offline;
    if (e.status === 429) return T.tooFast;
    if (e.status === 413 || e.code === 'text_too_long') return T.tooLong;
    if (e.status === 400 && /non-empty/i.test(e.message)) return T.empty;
    if (e.status === 400) return T.badRequest;
    if (e.status === 409) return T.alreadyRated;
    return T.failed;
  }

  // ---- conversation ----
  function ensureConversation() {
    if (conv) return Promise.resolve(conv);
    if (!starting) {
      starting = api('POST', '', {}).then(function (c) {
        conv = { id: c.id, token: c.token, rated: {} };
        save();
        return refetch().then(function () { openStream(); return conv; });
      }).then(function (c) { starting = null; return c; }, function (e) { starting = null; throw e; });
    }
    return starting;
  }

  function conversationPath(suffix) { return '/' + encodeURIComponent(conv.id) + suffix; }

  /** Fills the transcript from the last message seen; forgets a conversation the server no longer knows. */
  function refetch() {
    if (!conv) return Promise.resolve();
    var id = conv.id;
    return api('GET', conversationPath('/messages?after=' + lastId)).then(function (r) {
      if (!conv || conv.id !== id) return;
      (r.messages || []).forEach(render);
      setState(r.state, r.queuePosition);
    }, function (e) {
      if (e.status === 403 || e.status === 404) { forget(); return; }
      throw e;
    });
  }

  function setState(state, queuePosition, waitSeconds) {
    if (state === 'queued' && queuePosition != null) {
      // Position 1 means first in line: nobody ahead (the server's queue notice counts the same way).
      queueBar.textContent = T.queue(Math.max(0, queuePosition - 1)) + (waitSeconds > 0 ? T.wait(waitSeconds) : '');
      queueBar.hidden = false;
    } else if (state === 'with_operator') {
      queueBar.textContent = T.withOperator;
      queueBar.hidden = false;
    } else {
      queueBar.hidden = true;
      queueBar.textContent = '';
    }
    humanBtn.disabled = state === 'queued' || state === 'with_operator';
    if (humanBtn.disabled) humanBtn.classList.remove('bb-human--offer');
  }

  // ---- rendering ----
  function render(m) {
    if (!m || m.id == null || seen[m.id]) return;
    seen[m.id] = true;
    if (m.id > lastId) lastId = m.id;
    var p = m.payload || {};
    var sender = ['citizen', 'bot', 'operator', 'system'].indexOf(m.sender) >= 0 ? m.sender : 'system';

    var bubble = el('div', { className: 'bb-bubble', 'data-testid': 'chat-message', 'data-sender': sender, 'data-id': String(m.id) });
    bubble.appendChild(el('div', { className: 'bb-text', text: m.text || '' }));
    if (sender === 'bot' && p.action === 'emergency') bubble.classList.add('bb-bubble--urgent');
    if (sender === 'bot' && p.department) bubble.appendChild(el('div', { className: 'bb-source', text: T.source + p.department }));
    if (sender === 'bot' && p.suggestions && p.suggestions.length) bubble.appendChild(suggestions(p.suggestions));

    var row = el('div', { className: 'bb-row bb-row--' + sender });
    if (sender === 'bot' || sender === 'operator') {
      row.appendChild(el('div', { className: 'bb-who', text: sender === 'operator' ? T.senderOperator : T.senderBot }));
    }
    row.appendChild(bubble);
    if (sender === 'bot' && p.askFeedback) row.appendChild(feedback(m.id));
    if (sender === 'system' && p.action === 'rate') row.appendChild(rating(m.id));
    var time = formatTime(m.createdAt);
    if (time) row.appendChild(el('div', { className: 'bb-time', text: time }));

    // Ids increase, so a message filled in late goes before any newer one already shown.
    var after = null;
    for (var i = list.children.length - 1; i >= 0; i--) {
      if (Number(list.children[i].getAttribute('data-id')) > m.id) after = list.children[i]; else break;
    }
    row.setAttribute('data-id', String(m.id));
    list.insertBefore(row, after);
    if (sender === 'bot' && p.offerHuman && !humanBtn.disabled) humanBtn.classList.add('bb-human--offer');
    if (sender === 'operator') hideTyping();
    list.scrollTop = list.scrollHeight;
  }

  function suggestions(items) {
    var ul = el('ul', { className: 'bb-suggestions', 'aria-label': T.suggestionsLabel });
    items.forEach(function (s, i) {
      var b = el('button', { type: 'button', className: 'bb-suggestion', 'data-testid': 'chat-suggestion', 'data-faq-id': s.faqId || '' },
        [el('span', { className: 'bb-num', 'aria-hidden': 'true', text: String(i + 1) }), el('span', { text: s.question || '' })]);
      b.addEventListener('click', function () { send(s.question, s.faqId); });
      ul.appendChild(el('li', null, [b]));
    });
    return ul;
  }

  function feedback(messageId) {
    var yes = el('button', { type: 'button', className: 'bb-fb', 'data-testid': 'chat-feedback-yes', text: T.feedbackYes });
    var no = el('button', { type: 'button', className: 'bb-fb', 'data-testid': 'chat-feedback-no', text: T.feedbackNo });
    var box = el('div', { className: 'bb-feedback', role: 'group', 'aria-label': T.feedbackAsk },
      [el('span', { className: 'bb-fb-ask', text: T.feedbackAsk }), yes, no]);
    function done(helpful) {
      yes.disabled = no.disabled = true;
      (helpful ? yes : no).classList.add('bb-fb--chosen');
      (helpful ? yes : no).setAttribute('aria-pressed', 'true');
    }
    var rated = conv && conv.rated ? conv.rated[messageId] : undefined;
    if (rated !== undefined) done(rated);
    function rate(helpful) {
      if (yes.disabled) return;
      done(helpful);
      api('POST', conversationPath('/feedback'), { messageId: messageId, helpful: helpful }).then(function (r) {
        remember(messageId, helpful);
        (r.messages || []).forEach(render);
      }, function (e) {
        if (e.status === 409) { remember(messageId, helpful); return; }
        yes.disabled = no.disabled = false;
        yes.classList.remove('bb-fb--chosen'); no.classList.remove('bb-fb--chosen');
        showNotice(politeError(e));
      });
    }
    yes.addEventListener('click', function () { rate(true); });
    no.addEventListener('click', function () { rate(false); });
    return box;
  }

  /** The satisfaction rating an operator's closing asks for: three choices and an optional comment. */
  function rating(messageId) {
    var comment = el('input', { className: 'bb-rate-comment', 'data-testid': 'chat-rating-comment', maxlength: '500',
      placeholder: T.rateComment, 'aria-label': T.rateComment });
    var buttons = T.rateOptions.map(function (o) {
      var b = el('button', { type: 'button', className: 'bb-fb', 'data-testid': 'chat-rating-' + o[0], text: o[1] });
      b.addEventListener('click', function () { choose(o[0], b); });
      return b;
    });
    var box = el('div', { className: 'bb-feedback bb-rating', role: 'group', 'aria-label': T.rateAsk },
      [el('span', { className: 'bb-fb-ask', text: T.rateAsk })].concat(buttons).concat([comment]));
    function done(b) {
      buttons.forEach(function (x) { x.disabled = true; });
      comment.disabled = true;
      if (b) { b.classList.add('bb-fb--chosen'); b.setAttribute('aria-pressed', 'true'); }
    }
    if (conv && conv.rated && conv.rated['rate-' + messageId]) done(null);
    function choose(value, b) {
      if (b.disabled) return;
      done(b);
      var body = { rating: value };
      if (comment.value.trim()) body.comment = comment.value.trim();
      api('POST', conversationPath('/rating'), body).then(function (r) {
        remember('rate-' + messageId, true);
        (r.messages || []).forEach(render);
      }, function (e) {
        if (e.status === 409) { remember('rate-' + messageId, true); return; }
        buttons.forEach(function (x) { x.disabled = false; x.classList.remove('bb-fb--chosen'); });
        comment.disabled = false;
        showNotice(politeError(e));
      });
    }
    return box;
  }

  function remember(messageId, helpful) {
    if (!conv) return;
    conv.rated = conv.rated || {};
    conv.rated[messageId] = helpful;
    save();
  }

  function formatTime(iso) {
    var d = iso ? new Date(iso) : null;
    if (!d || isNaN(d.getTime())) return '';
    function two(n) { return n < 10 ? '0' + n : String(n); }
    return two(d.getHours()) + ':' + two(d.getMinutes());
  }

  function showTyping() {
    typingEl.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, 5000);
  }
  function hideTyping() { typingEl.hidden = true; }

  // ---- sending ----
  async function send(text, faqId) {
    text = (text || '').trim();
    if (!text) { showNotice(T.empty); input.focus(); return; }
    if (text.length > MAX_CHARS) { showNotice(T.tooLong); return; }
    if (sending) return;
    sending = true;
    sendBtn.disabled = true;
    var typed = faqId === undefined;
    try {
      await ensureConversation();
      var body = faqId ? { text: text, faqId: faqId } : { text: text };
      var r;
      try {
        r = await api('POST', conversationPath('/messages'), body);
      } catch (e) {
        if (e.status !== 403 && e.status !== 404) throw e;
        // The stored conversation is gone on the server: start afresh and send once more.
        forget();
        showNotice(T.expired);
        await ensureConversation();
        r = await api('POST', conversationPath('/messages'), body);
      }
      if (typed && input.value.trim() === text) input.value = '';
      hideNotice();
      (r.messages || []).forEach(render);
    } catch (e) {
      // What the citizen typed stays in the box; nothing is lost.
      showNotice(politeError(e), e.status === 0);
      if (e.status === 0) scheduleReconnect();
    } finally {
      sending = false;
      sendBtn.disabled = false;
      autosize();
    }
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); send(input.value); });
  input.addEventListener('keydown', function (ev) {
    // Enter sends, Shift+Enter breaks the line; never while a Chinese input method is composing.
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing && ev.keyCode !== 229) {
      ev.preventDefault();
      send(input.value);
    }
  });
  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
    input.style.overflowY = input.scrollHeight + 2 > 120 ? 'auto' : 'hidden';
  }
  input.addEventListener('input', autosize);
  // Tells a serving operator that the citizen is typing, at most every three seconds.
  var typingSent = 0;
  input.addEventListener('input', function () {
    var now = Date.now();
    if (input.value.length <= 1) typingSent = 0; // a new message starts a new burst
    if (ws && ws.readyState === 1 && now - typingSent > 3000) {
      typingSent = now;
      try { ws.send('{"type":"typing"}'); } catch (e) { /* the indicator is a nicety */ }
    }
  });

  humanBtn.addEventListener('click', async function () {
    humanBtn.disabled = true;
    try {
      await ensureConversation();
      var r = await api('POST', conversationPath('/handoff'), {});
      (r.messages || []).forEach(render);
      setState(r.state, r.queuePosition);
    } catch (e) {
      humanBtn.disabled = false;
      showNotice(politeError(e), e.status === 0);
    }
  });

  // ---- live stream ----
  function openStream() {
    if (!conv || (ws && ws.readyState <= 1)) return;
    wsWanted = true;
    var url = new URL(API + conversationPath('/stream'));
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', conv.token);
    var socket;
    try { socket = new WebSocket(url.href); } catch (e) { scheduleReconnect(); return; }
    ws = socket;
    socket.onopen = function () {
      retryDelay = 1000;
      hideNotice();
      refetch().catch(function () { /* the next drop retries */ });
    };
    socket.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (e) { return; }
      if (f.type === 'message') render(f.message);
      else if (f.type === 'state') setState(f.state, f.queuePosition, f.estimatedWaitSeconds);
      else if (f.type === 'typing' && f.sender === 'operator') showTyping();
    };
    socket.onclose = function () {
      if (ws === socket) ws = null;
      if (wsWanted) scheduleReconnect();
    };
  }

  function closeStream() {
    wsWanted = false;
    clearTimeout(retryTimer);
    retryTimer = null;
    if (ws) { try { ws.close(); } catch (e) { /* ignore */ } ws = null; }
  }

  /** Reconnects with backoff; the transcript check first tells a network drop from a forgotten conversation. */
  function scheduleReconnect() {
    if (retryTimer || !conv) return;
    var delay = retryDelay + Math.floor(Math.random() * 500);
    retryDelay = Math.min(retryDelay * 2, 30000);
    retryTimer = setTimeout(function () {
      retryTimer = null;
      refetch().then(function () {
        hideNotice();
        if (conv) openStream();
      }, function (e) {
        if (e.status === 0) showNotice(T.offline, true);
        scheduleReconnect();
      });
    }, delay);
  }

  window.addEventListener('online', function () { if (conv && !ws) { retryDelay = 1000; clearTimeout(retryTimer); retryTimer = null; scheduleReconnect(); } });

  // ---- open and close ----
  function open() {
    if (!panel.hidden) { input.focus(); return; }
    panel.hidden = false;
    root.classList.add('bb-open');
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    list.scrollTop = list.scrollHeight;
    ensureConversation().catch(function (e) { showNotice(politeError(e), e.status === 0); if (e.status === 0) retryOpen(); });
  }
  function retryOpen() {
    setTimeout(function () {
      if (!panel.hidden && !conv) ensureConversation().then(hideNotice, function (e) { if (e.status === 0) retryOpen(); });
    }, 3000);
  }
  function close() {
    panel.hidden = true;
    root.classList.remove('bb-open');
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', open);
  closeBtn.addEventListener('click', close);
  panel.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' || ev.key === 'Esc') { ev.preventDefault(); close(); return; }
    if (ev.key === 'Tab') trapFocus(ev);
  });

  // On a phone the panel covers the page, so Tab stays inside it.
  function trapFocus(ev) {
    var f = Array.prototype.filter.call(panel.querySelectorAll('button, textarea, [tabindex="0"]'),
      function (x) { return !x.disabled && x.offsetParent !== null; });
    if (!f.length) return;
    var first = f[0], last = f[f.length - 1];
    if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
    else if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
  }

  // A returning citizen sees the earlier conversation again and gets its live stream back.
  if (conv) {
    refetch().then(function () { if (conv) openStream(); }, function () { scheduleReconnect(); });
  }
})();
