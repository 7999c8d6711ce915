/*
 * banban operator console: plain JS, no framework, no build step. Everything citizens, operators and
 * the knowledge base wrote is inserted with textContent, never as HTML.
 */
(function () {
  'use strict';

  var REASONS = { asked: '群众点击“转人工”', handoff_intent: '群众要求人工或投诉', fallbacks: '智能助手连续未能回答', not_helpful: '群众认为回答没用' };
  var SENDERS = { citizen: '群众', bot: '智能助手', operator: '客服', system: '系统' };
  var STATES = { queued: '排队中', with_operator: '服务中', closed: '已结束', bot: '智能助手', ticketed: '已转工单' };
  var S = { csrf: null, me: null, ws: null, current: null, lastOffer: null, queue: [], mine: [], typingSent: 0, retry: 1000 };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'className') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  function api(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (S.csrf) headers['X-CSRF-Token'] = S.csrf;
    return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        if (r.status === 204) return null;
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (r.status === 401 && path !== '/api/v1/console/login') showLogin();
          if (!r.ok) throw (j.error || { code: 'error', message: 'HTTP ' + r.status });
          return j;
        });
      });
  }

  function notice(text) {
    var n = $('notice');
    n.textContent = text;
    n.hidden = !text;
  }

  function minutes(seconds) {
    seconds = Math.max(0, Math.round(seconds));
    return seconds < 60 ? seconds + '秒' : Math.floor(seconds / 60) + '分' + (seconds % 60) + '秒';
  }

  /* ---------- login ---------- */

  function showLogin() {
    if (S.ws) { S.ws.onclose = null; S.ws.close(); S.ws = null; }
    S.csrf = null;
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-form').hidden = false;
    $('password-form').hidden = true;
  }

  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    $('login-error').textContent = '';
    api('POST', '/api/v1/console/login', { username: f.username.value, password: f.password.value })
      .then(function (r) { f.password.value = ''; start(r); })
      .catch(function (e) {
        $('login-error').textContent = e.code === 'too_many_requests' ? '尝试次数过多，请稍后再试。' : '用户名或密码错误。';
      });
  });

  $('password-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api('POST', '/api/v1/console/password', { current: f.current.value, password: f.password.value })
      .then(function () { S.me.mustChangePassword = false; start({ operator: S.me, csrfToken: S.csrf }); })
      .catch(function (e) { $('password-error').textContent = e.message || '修改失败'; });
  });

  function start(session) {
    S.csrf = session.csrfToken;
    S.me = session.operator;
    if (S.me.mustChangePassword) {
      $('login').hidden = false;
      $('login-form').hidden = true;
      $('password-form').hidden = false;
      return;
    }
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = S.me.displayName + '（' + (S.me.role === 'admin' ? '管理员' : '坐席') + '）';
    $('admin-open').hidden = S.me.role !== 'admin';
    setAvailable(S.me.available);
    loadCanned();
    connect();
  }

  $('logout').addEventListener('click', function () {
    api('POST', '/api/v1/console/logout').finally(showLogin);
  });

  /* ---------- live connection ---------- */

  function connect() {
    var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/console/stream');
    S.ws = ws;
    ws.onopen = function () { S.retry = 1000; $('connection').textContent = ''; $('connection').className = 'connection'; };
    ws.onmessage = function (m) { var e = JSON.parse(m.data); if (HANDLERS[e.type]) HANDLERS[e.type](e); };
    ws.onclose = function () {
      $('connection').textContent = '连接中断，正在重连…';
      $('connection').className = 'connection down';
      setTimeout(function () { if (S.csrf) connect(); }, S.retry);
      S.retry = Math.min(S.retry * 2, 15000);
    };
  }

  var HANDLERS = {
    queue: function (e) {
      // The socket follows a conversation from the push that first lists it as ours: reload the open
      // transcript then, so a message sent between accepting and that push is not missed.
      var had = S.mine.some(function (c) { return c.id === S.current; });
      var has = e.mine.some(function (c) { return c.id === S.current; });
      if (S.current && has && !had) openConversation(S.current);
      S.queue = e.queue;
      S.mine = e.mine;
      setAvailable(e.available);
      renderLists(e.offer);
      if (e.offer && e.offer !== S.lastOffer) cue();
      S.lastOffer = e.offer;
    },
    conversation: function (e) {
      var ev = e.event;
      if (e.conversationId !== S.current) return;
      if (ev.type === 'message') {
        appendMessage(ev.message);
        $('typing').hidden = true;
        if (ev.message.sender === 'citizen') loadSuggestions();
      } else if (ev.type === 'typing' && ev.sender === 'citizen') {
        $('typing').hidden = false;
        clearTimeout(S.typingTimer);
        S.typingTimer = setTimeout(function () { $('typing').hidden = true; }, 5000);
      } else if (ev.type === 'state') {
        $('chat-title').textContent = titleOf(e.conversationId, ev.state);
      }
    },
    reminder: function (e) { notice('提醒：有群众的消息等待您回复已较长时间。'); cue(); markWaiting(e.conversationId); },
    'delivery-failed': function (e) { notice('消息未能送达群众（' + (e.problem || '渠道错误') + '），请稍后重试或改用其他方式联系。'); },
    closed: function (e) { if (e.conversationId === S.current) openConversation(S.current); }
  };

  /** A short tone and a title flash when a new conversation is offered or a reminder comes. */
  function cue() {
    try {
      var ctx = S.audio || (S.audio = new (window.AudioContext || window.webkitAudioContext)());
      var o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = 880; g.gain.value = 0.1;
      o.connect(g); g.connect(ctx.destination);
      o.start(); o.stop(ctx.currentTime + 0.25);
    } catch (ignored) { /* no audio: the title still flashes */ }
    var title = document.title;
    document.title = '【新消息】' + title.replace(/^【新消息】/, '');
    setTimeout(function () { document.title = title.replace(/^【新消息】/, ''); }, 4000);
  }

  /* ---------- availability, queue and my conversations ---------- */

  function setAvailable(on) {
    $('available').checked = !!on;
    $('available-label').textContent = on ? '可接入' : '离开';
    $('available').parentNode.className = 'toggle' + (on ? ' on' : '');
  }

  $('available').addEventListener('change', function (ev) {
    var on = ev.target.checked;
    api('POST', '/api/v1/console/availability', { available: on })
      .then(function (r) { setAvailable(r.operator.available); })
      .catch(function (e) { setAvailable(!on); notice(e.message); });
  });

  function renderLists(offer) {
    var q = $('queue');
    q.textContent = '';
    S.queue.forEach(function (c) {
      var accept = el('button', { type: 'button', 'data-testid': 'console-accept', className: 'primary', text: '接入' });
      accept.addEventListener('click', function (ev) { ev.stopPropagation(); acceptConversation(c.id); });
      var li = el('li', { 'data-testid': 'console-queue-item', 'data-id': c.id, className: c.id === offer ? 'offer' : '' }, [
        el('div', { className: 'meta' }, [
          el('span', { text: c.channel === 'wechat' ? '微信' : '网站' }),
          el('span', { className: 'wait', 'data-since': String(Date.parse(c.queuedAt)), text: '等待 ' + minutes(c.waitedSeconds) })
        ]),
        el('div', { className: 'text', text: c.lastText || '（未留言）' }),
        accept
      ]);
      li.addEventListener('click', function () { openConversation(c.id); });
      q.appendChild(li);
    });
    $('queue-count').textContent = String(S.queue.length);
    var m = $('mine');
    m.textContent = '';
    S.mine.forEach(function (c) {
      var li = el('li', { 'data-testid': 'console-mine-item', 'data-id': c.id,
        className: (c.id === S.current ? 'active ' : '') + (c.waitingForReply ? 'waiting' : '') }, [
        el('div', { className: 'meta' }, [el('span', { text: c.channel === 'wechat' ? '微信' : '网站' }),
          el('span', { text: c.waitingForReply ? '待回复' : '' })]),
        el('div', { className: 'text', text: c.lastText || '' })
      ]);
      li.addEventListener('click', function () { openConversation(c.id); });
      m.appendChild(li);
    });
    $('mine-count').textContent = S.mine.length + ' / ' + (S.me.capacity || '');
  }

  function markWaiting(id) {
    var li = document.querySelector('#mine li[data-id="' + id + '"]');
    if (li) li.classList.add('waiting');
  }

  setInterval(function () {
    Array.prototype.forEach.call(document.querySelectorAll('#queue .wait'), function (w) {
      var s = (Date.now() - Number(w.getAttribute('data-since'))) / 1000;
      w.textContent = '等待 ' + minutes(s);
      w.classList.toggle('long', s > 180);
    });
  }, 1000);

  function acceptConversation(id) {
    api('POST', '/api/v1/console/conversations/' + id + '/accept')
      .then(function () { notice(''); openConversation(id); })
      .catch(function (e) {
        notice({ taken: '该会话已被其他坐席接入。', away: '请先切换为“可接入”。', at_capacity: '已达到同时接待上限。',
          offline: '实时连接未建立，请稍候再试。' }[e.code] || e.message);
      });
  }

  /* ---------- the open conversation ---------- */

  function titleOf(id, state) {
    return '会话 ' + id.slice(0, 8) + ' · ' + (STATES[state] || state);
  }

  function openConversation(id) {
    S.current = id;
    api('GET', '/api/v1/console/conversations/' + id).then(function (c) {
      if (S.current !== id) return;
      $('chat-empty').hidden = true;
      $('chat').hidden = false;
      $('chat-title').textContent = titleOf(id, c.state);
      $('chat-reason').textContent = c.handoffReason ? '转人工原因：' + (REASONS[c.handoffReason] || c.handoffReason) : '';
      $('transcript').textContent = '';
      c.messages.forEach(appendMessage);
      var mine = c.mine && c.state === 'with_operator';
      ['input', 'send', 'close', 'canned', 'resolution', 'transfer'].forEach(function (x) { $(x).disabled = !mine; });
      renderLists(S.lastOffer);
      loadSuggestions();
      if (mine) $('input').focus();
    }).catch(function (e) { notice(e.message); });
  }

  function appendMessage(m) {
    var t = $('transcript');
    if (t.querySelector('[data-id="' + m.id + '"]')) return;
    var p = m.payload || {};
    var who = SENDERS[m.sender] || m.sender;
    if (m.sender === 'operator' && p.operatorName) who += ' ' + p.operatorName;
    if (m.sender === 'bot' && p.action) who += ' · ' + p.action + (p.confidence != null ? ' ' + p.confidence : '');
    var time = new Date(m.createdAt);
    var li = el('li', { 'data-testid': 'console-message', 'data-sender': m.sender, 'data-id': String(m.id) }, [
      el('span', { className: 'who', text: who + ' · ' + time.toLocaleTimeString('zh-CN', { hour12: false }) }),
      el('span', { className: 'body', text: m.text })
    ]);
    t.appendChild(li);
    t.scrollTop = t.scrollHeight;
  }

  function loadSuggestions() {
    var id = S.current;
    api('GET', '/api/v1/console/conversations/' + id + '/suggestions').then(function (r) {
      if (S.current !== id) return;
      var ul = $('suggestions');
      ul.textContent = '';
      r.suggestions.forEach(function (s) {
        var insert = el('button', { type: 'button', text: '插入' });
        insert.addEventListener('click', function () { insertText(s.answer); });
        ul.appendChild(el('li', { 'data-testid': 'console-suggestion', 'data-faq-id': s.faqId }, [
          el('div', { className: 'q', text: s.question }),
          el('div', { className: 'hint', text: (s.department || '') + ' · 匹配度 ' + Math.round(s.confidence * 100) + '%' }),
          el('div', { className: 'a', text: s.answer }),
          insert
        ]));
      });
      if (!r.suggestions.length) ul.appendChild(el('li', { className: 'hint', text: '没有合适的知识库条目。' }));
    }).catch(function () { /* suggestions are a help, not a requirement */ });
  }

  function insertText(text) {
    var input = $('input');
    input.value = input.value ? input.value + '\n' + text : text;
    input.focus();
  }

  function send() {
    var input = $('input');
    var text = input.value.trim();
    if (!text || !S.current) return;
    $('send').disabled = true;
    api('POST', '/api/v1/console/conversations/' + S.current + '/messages', { text: text })
      .then(function (r) { input.value = ''; appendMessage(r.message); })
      .catch(function (e) { notice('发送失败：' + e.message + '（内容已保留）'); })
      .finally(function () { $('send').disabled = false; input.focus(); });
  }

  $('send').addEventListener('click', send);
  $('input').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); send(); }
  });
  $('input').addEventListener('input', function () {
    var now = Date.now();
    if (S.ws && S.ws.readyState === 1 && S.current && now - S.typingSent > 3000) {
      S.typingSent = now;
      S.ws.send(JSON.stringify({ type: 'typing', conversationId: S.current }));
    }
  });

  $('close').addEventListener('click', function () {
    var id = S.current;
    api('POST', '/api/v1/console/conversations/' + id + '/close', { resolution: $('resolution').value })
      .then(function () { openConversation(id); })
      .catch(function (e) { notice(e.message); });
  });

  /* ---------- 转12345: a work order filed from the conversation ---------- */

  var S_WO = { prefill: null, conversation: null };

  $('transfer').addEventListener('click', function () {
    var id = S.current;
    api('GET', '/api/v1/console/conversations/' + id + '/work-orders').then(function (p) {
      S_WO.prefill = p;
      S_WO.conversation = id;
      $('wo-type').value = p.appealType || 'complaint';
      $('wo-title-input').value = p.title || '';
      $('wo-text').value = p.citizenText || '';
      $('wo-location').value = p.location || '';
      $('wo-department').value = p.departmentSuggested || '';
      $('wo-phone').value = '';
      $('wo-consent').checked = false;
      $('wo-urgency').value = p.urgency || 'normal';
      $('wo-error').hidden = true;
      $('wo-dialog').showModal();
      $('wo-title-input').focus();
    }).catch(function (e) { notice(e.message); });
  });

  $('wo-cancel').addEventListener('click', function () { $('wo-dialog').close(); });

  $('wo-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var p = S_WO.prefill || {};
    var body = {
      appealType: $('wo-type').value, title: $('wo-title-input').value, citizenText: $('wo-text').value,
      summary: p.summary || {}, location: $('wo-location').value, department: $('wo-department').value,
      category: p.categorySuggested || null, urgency: $('wo-urgency').value, consent: $('wo-consent').checked
    };
    if ($('wo-phone').value.trim()) body.phone = $('wo-phone').value.trim();
    $('wo-submit').disabled = true;
    api('POST', '/api/v1/console/conversations/' + S_WO.conversation + '/work-orders', body).then(function (o) {
      $('wo-dialog').close();
      notice('已提交12345工单 ' + (o.reference || '') + '，群众将收到受理进度。');
    }).catch(function (e) {
      var err = $('wo-error');
      err.textContent = '提交失败：' + (e.message || '请检查填写内容');
      err.hidden = false;
    }).finally(function () { $('wo-submit').disabled = false; });
  });

  /* ---------- canned replies and administration ---------- */

  function loadCanned() {
    return api('GET', '/api/v1/console/canned-replies').then(function (r) {
      var sel = $('canned');
      sel.textContent = '';
      sel.appendChild(el('option', { value: '', text: '快捷回复…' }));
      r.replies.forEach(function (c) { sel.appendChild(el('option', { value: c.text, text: c.title })); });
      var list = $('canned-list');
      list.textContent = '';
      r.replies.forEach(function (c) {
        var del = el('button', { type: 'button', text: '删除' });
        del.addEventListener('click', function () {
          api('POST', '/api/v1/console/canned-replies/' + c.id + '/delete').then(loadCanned).catch(adminError);
        });
        list.appendChild(el('li', {}, [el('strong', { text: c.title + '：' }), el('span', { text: c.text }), del]));
      });
    });
  }

  $('canned').addEventListener('change', function (ev) {
    if (ev.target.value) insertText(ev.target.value);
    ev.target.value = '';
  });

  function adminError(e) { $('admin-error').textContent = e.message || '操作失败'; }

  function loadOperators() {
    api('GET', '/api/v1/console/operators').then(function (r) {
      var body = $('operators');
      body.textContent = '';
      r.operators.forEach(function (o) {
        var toggle = el('button', { type: 'button', text: o.disabled ? '启用' : '停用' });
        toggle.addEventListener('click', function () {
          api('POST', '/api/v1/console/operators/' + o.id + (o.disabled ? '/enable' : '/disable')).then(loadOperators).catch(adminError);
        });
        body.appendChild(el('tr', {}, [el('td', { text: o.username }), el('td', { text: o.displayName }),
          el('td', { text: o.role === 'admin' ? '管理员' : '坐席' }), el('td', { text: String(o.capacity) }),
          el('td', { text: o.disabled ? '已停用' : (o.available ? '可接入' : '离开') }), el('td', {}, [o.id === S.me.id ? null : toggle])]));
      });
    }).catch(adminError);
  }

  $('admin-open').addEventListener('click', function () { $('admin').hidden = false; $('admin-error').textContent = ''; loadOperators(); loadCanned(); });
  $('admin-close').addEventListener('click', function () { $('admin').hidden = true; });

  $('operator-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api('POST', '/api/v1/console/operators', { username: f.username.value.trim(), displayName: f.displayName.value.trim(),
      password: f.password.value, role: f.role.value, capacity: Number(f.capacity.value) })
      .then(function () { f.reset(); $('admin-error').textContent = ''; loadOperators(); }).catch(adminError);
  });

  $('canned-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    api('POST', '/api/v1/console/canned-replies', { title: f.title.value.trim(), text: f.text.value })
      .then(function () { f.reset(); $('admin-error').textContent = ''; loadCanned(); }).catch(adminError);
  });

  /* ---------- start ---------- */

  api('GET', '/api/v1/console/me').then(start).catch(showLogin);
})();
