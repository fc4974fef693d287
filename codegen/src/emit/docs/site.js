// errspec docs: language switch (every page) and search (the index page).
// Works from file://: nothing is fetched; the search data is a JSON literal in index.html.
// Spec text only ever reaches the page through textContent, never as HTML.
(function () {
  'use strict';

  var KEY = 'errspec-docs-lang';
  var root = document.documentElement;
  var locales = [];
  try { locales = JSON.parse(root.getAttribute('data-locales') || '[]'); } catch (e) { locales = []; }

  function param(name) {
    var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(location.search);
    if (!m) return null;
    try { return decodeURIComponent(m[1].replace(/\+/g, ' ')); } catch (e) { return null; }
  }

  function storedLang() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function initialLang() {
    var wanted = [param('lang'), storedLang()];
    for (var i = 0; i < wanted.length; i++) {
      if (wanted[i] && locales.indexOf(wanted[i]) >= 0) return wanted[i];
    }
    return root.getAttribute('data-default-lang');
  }

  var lang = initialLang();
  // Before the body is painted: no flash of the other language.
  root.setAttribute('data-lang', lang);
  root.setAttribute('lang', lang);

  var listeners = [];

  // Relative links carry the language, for browsers whose file:// pages share no storage.
  function retagLinks() {
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var href = a.getAttribute('href');
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(href)) continue;
      var hash = '';
      var h = href.indexOf('#');
      if (h >= 0) { hash = href.slice(h); href = href.slice(0, h); }
      href = href.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
      if (lang !== root.getAttribute('data-default-lang')) {
        href += (href.indexOf('?') >= 0 ? '&' : '?') + 'lang=' + encodeURIComponent(lang);
      }
      a.setAttribute('href', href + hash);
    }
  }

  function applyLang() {
    root.setAttribute('data-lang', lang);
    root.setAttribute('lang', lang);
    var buttons = document.querySelectorAll('[data-set-lang]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-set-lang') === lang));
    }
    var attrs = ['placeholder'];
    for (var a = 0; a < attrs.length; a++) {
      var els = document.querySelectorAll('[data-i18n-' + attrs[a] + ']');
      for (var j = 0; j < els.length; j++) {
        try {
          var map = JSON.parse(els[j].getAttribute('data-i18n-' + attrs[a]));
          if (map[lang] != null) {
            els[j].setAttribute(attrs[a], map[lang]);
            els[j].setAttribute('aria-label', map[lang]);
          }
        } catch (e) { /* keep the default */ }
      }
    }
    retagLinks();
    for (var k = 0; k < listeners.length; k++) listeners[k]();
  }

  function setLang(l) {
    if (locales.indexOf(l) < 0) return;
    lang = l;
    try { localStorage.setItem(KEY, l); } catch (e) { /* private mode, file:// */ }
    applyLang();
  }

  // ---- Search (index page only) -------------------------------------------------------

  function norm(s) {
    return String(s == null ? '' : s).normalize('NFKC').toLowerCase();
  }

  function loose(s) {
    return s.replace(/[\s_\-.:]+/g, '');
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Writes `text` into `node` with every occurrence of the terms in <mark>.
  function highlight(node, text, terms) {
    while (node.firstChild) node.removeChild(node.firstChild);
    var lower = text.toLowerCase();
    var ranges = [];
    if (lower.length === text.length) {
      terms.forEach(function (t) {
        if (!t) return;
        var from = 0;
        var at;
        while ((at = lower.indexOf(t, from)) >= 0) {
          ranges.push([at, at + t.length]);
          from = at + t.length;
        }
      });
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) { if (r[1] > pos) r = [pos, r[1]]; else return; }
      if (r[0] > pos) node.appendChild(document.createTextNode(text.slice(pos, r[0])));
      node.appendChild(el('mark', null, text.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < text.length) node.appendChild(document.createTextNode(text.slice(pos)));
  }

  function snippetOf(text, terms) {
    var lower = norm(text);
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i]);
    if (at < 0) return null;
    var start = Math.max(0, at - 40);
    var end = Math.min(text.length, at + 80);
    return (start > 0 ? '…' : '') + text.slice(start, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '');
  }

  function setupSearch() {
    var dataEl = document.getElementById('errspec-data');
    if (!dataEl) return;
    var data;
    try { data = JSON.parse(dataEl.textContent); } catch (e) { return; }
    var q = document.getElementById('q');
    var tbody = document.querySelector('#results tbody');
    var rows = Array.prototype.slice.call(tbody.querySelectorAll('tr[data-i]'));
    var countEl = document.getElementById('count');
    var none = document.getElementById('no-results');
    var fDomain = document.getElementById('f-domain');
    var fCat = document.getElementById('f-category');
    var fStatus = document.getElementById('f-status');
    var fOp = document.getElementById('f-operation');
    var fRetry = document.getElementById('f-retry');
    var fOutcome = document.getElementById('f-outcome');
    var fActor = document.getElementById('f-actor');
    var payFilters = [['retry', fRetry], ['outcome', fOutcome], ['actor', fActor]].filter(function (p) { return p[1]; });

    var entries = data.codes.map(function (c, i) {
      var codeN = norm(c.c);
      return {
        c: c, row: rows[i], i: i,
        code: codeN, codeLoose: loose(codeN),
        msgs: c.m.map(norm), expl: c.x.map(norm), act: c.a.map(norm),
        extra: norm([c.t || '', c.d, c.life].join(' ')),
        link: rows[i] ? rows[i].querySelector('a.code') : null
      };
    });

    function li() { var i = data.locales.indexOf(lang); return i < 0 ? 0 : i; }
    function t(key) { return (data.ui[lang] || data.ui[data.locales[0]])[key] || key; }
    function title(arr) { return (arr && (arr[li()] || arr[0])) || ''; }
    function domainTitle(id) {
      for (var i = 0; i < data.domains.length; i++) if (data.domains[i].id === id) return title(data.domains[i].title);
      return id;
    }

    function option(select, value, label) {
      var o = el('option', null, label);
      o.value = value;
      select.appendChild(o);
    }

    function fillSelect(select, groups) {
      var keep = select.value;
      while (select.firstChild) select.removeChild(select.firstChild);
      option(select, '', t('ANY'));
      groups.forEach(function (g) {
        var parent = select;
        if (g.label != null) {
          parent = el('optgroup');
          parent.label = g.label;
          select.appendChild(parent);
        }
        g.items.forEach(function (it) { option(parent, it[0], it[1]); });
      });
      select.value = keep;
      if (select.value !== keep) select.value = '';
    }

    function grouped(list) {
      var d = fDomain.value;
      var groups = [];
      data.domains.forEach(function (dom) {
        if (d && dom.id !== d) return;
        var items = list.filter(function (x) { return x.d === dom.id; }).map(function (x) {
          return [x.d + '/' + x.key, x.key + ' · ' + title(x.title)];
        });
        if (items.length) groups.push({ label: domainTitle(dom.id), items: items });
      });
      return groups;
    }

    function fillFilters() {
      fillSelect(fDomain, [{ label: null, items: data.domains.map(function (d) { return [d.id, title(d.title) + ' (' + d.id + ')']; }) }]);
      fillSelect(fCat, grouped(data.categories));
      fillSelect(fStatus, [{ label: null, items: data.statuses.map(function (s) { return [String(s[0]), s[0] + (s[1] ? ' ' + s[1] : '')]; }) }]);
      fillSelect(fOp, grouped(data.operations));
      fCat.parentNode.hidden = data.categories.length === 0;
      fOp.parentNode.hidden = data.operations.length === 0;
      // Payment facts: options in the page's language (Korean words for Korean locales).
      var ko = data.korean[li()];
      payFilters.forEach(function (p) {
        var opts = (data.payment && data.payment[p[0]]) || [];
        var keep = p[1].value;
        fillSelect(p[1], [{ label: null, items: opts.map(function (o) { return [o[0], ko ? o[1][0] : o[1][1]]; }) }]);
        p[1].value = keep;
      });
    }

    // How well an entry matches every term (0: it does not).
    function score(e, terms, phrase) {
      var total = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var s = 0;
        var tl = loose(term);
        if (e.code === term) s = 100;
        else if (e.code.indexOf(term) === 0) s = 60;
        else if (e.code.indexOf(term) >= 0) s = 45;
        else if (tl && e.codeLoose.indexOf(tl) >= 0) s = 35;
        else if (e.msgs.some(function (m) { return m.indexOf(term) >= 0; })) s = 20;
        else if (e.expl.some(function (x) { return x.indexOf(term) >= 0; })) s = 10;
        else if (e.act.some(function (x) { return x.indexOf(term) >= 0; })) s = 8;
        else if (e.extra.indexOf(term) >= 0) s = 5;
        if (!s) return 0;
        total += s;
      }
      if (terms.length > 1 && e.msgs.some(function (m) { return m.indexOf(phrase) >= 0; })) total += 15;
      return total;
    }

    function passesFilters(c) {
      if (fDomain.value && c.d !== fDomain.value) return false;
      if (fCat.value && c.d + '/' + (c.cat || '') !== fCat.value) return false;
      if (fStatus.value && String(c.s) !== fStatus.value) return false;
      if (fOp.value && !c.ops.some(function (o) { return c.d + '/' + o === fOp.value; })) return false;
      if (fRetry && fRetry.value) {
        if (!c.pay) return false;
        if (fRetry.value === 'retryable') {
          if (c.pay.r !== 'same_key' && c.pay.r !== 'new_key') return false;
        } else if (c.pay.r !== fRetry.value) return false;
      }
      if (fOutcome && fOutcome.value && (!c.pay || c.pay.o !== fOutcome.value)) return false;
      if (fActor && fActor.value && (!c.pay || c.pay.a !== fActor.value)) return false;
      return true;
    }

    function clearSnippet(row) {
      var old = row.querySelector('.snippet');
      if (old) old.parentNode.removeChild(old);
    }

    function render() {
      var phrase = norm(q.value).trim().replace(/\s+/g, ' ');
      var terms = phrase ? phrase.split(' ') : [];
      var shown = [];
      entries.forEach(function (e) {
        if (!e.row) return;
        var s = terms.length ? score(e, terms, phrase) : 1;
        if (s && passesFilters(e.c)) shown.push({ e: e, s: s });
        else e.row.hidden = true;
      });
      shown.sort(function (a, b) { return b.s - a.s || a.e.i - b.e.i; });
      var l = li();
      shown.forEach(function (x) {
        var e = x.e;
        e.row.hidden = false;
        tbody.appendChild(e.row);
        if (e.link) highlight(e.link, e.c.c, terms);
        clearSnippet(e.row);
        var msgs = e.row.querySelectorAll('.msg [data-l], .msg');
        for (var m = 0; m < msgs.length; m++) {
          var node = msgs[m];
          if (node.children.length === 0) {
            if (node.__orig == null) node.__orig = node.textContent;
            highlight(node, node.__orig, terms);
          }
        }
        if (!terms.length) return;
        if (e.msgs[l] && terms.every(function (t) { return e.msgs[l].indexOf(t) >= 0 || e.code.indexOf(t) >= 0; })) return;
        var sources = [[e.c.x[l], 'MATCHED_IN'], [e.c.a[l], 'MATCHED_IN_ACTION']];
        e.c.x.forEach(function (x) { sources.push([x, 'MATCHED_IN']); });
        e.c.a.forEach(function (x) { sources.push([x, 'MATCHED_IN_ACTION']); });
        for (var i = 0; i < sources.length; i++) {
          if (!sources[i][0]) continue;
          var snip = snippetOf(sources[i][0], terms);
          if (!snip) continue;
          var div = el('div', 'snippet');
          div.appendChild(el('span', 'snippet-label', t(sources[i][1])));
          var body = el('span', 'snippet-text');
          highlight(body, snip, terms);
          div.appendChild(body);
          e.row.querySelector('.c-msg').appendChild(div);
          break;
        }
      });
      var total = entries.length;
      countEl.textContent = shown.length === total
        ? t('COUNT').replace('{n}', total)
        : t('COUNT_OF').replace('{n}', shown.length).replace('{total}', total);
      none.hidden = shown.length !== 0;
      document.getElementById('results').hidden = shown.length === 0;
      saveState();
    }

    function saveState() {
      var parts = [];
      if (q.value) parts.push('q=' + encodeURIComponent(q.value));
      [['domain', fDomain], ['category', fCat], ['status', fStatus], ['operation', fOp]].concat(payFilters).forEach(function (p) {
        if (p[1].value) parts.push(p[0] + '=' + encodeURIComponent(p[1].value));
      });
      if (lang !== root.getAttribute('data-default-lang')) parts.push('lang=' + encodeURIComponent(lang));
      var url = location.pathname + (parts.length ? '?' + parts.join('&') : '') + location.hash;
      try { history.replaceState(null, '', url); } catch (e) { /* some browsers refuse on file:// */ }
    }

    q.value = param('q') || '';
    fillFilters();
    fDomain.value = param('domain') || '';
    fillFilters();
    fCat.value = param('category') || '';
    fStatus.value = param('status') || '';
    fOp.value = param('operation') || '';
    payFilters.forEach(function (p) { p[1].value = param(p[0]) || ''; });

    q.addEventListener('input', render);
    q.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') {
        var first = tbody.querySelector('tr:not([hidden]) a.code');
        if (first) first.click();
      } else if (ev.key === 'Escape') {
        q.value = '';
        render();
      }
    });
    fDomain.addEventListener('change', function () { fillFilters(); render(); });
    [fCat, fStatus, fOp].concat(payFilters.map(function (p) { return p[1]; })).forEach(function (s) { s.addEventListener('change', render); });
    document.getElementById('clear').addEventListener('click', function () {
      q.value = '';
      fDomain.value = '';
      fillFilters();
      fCat.value = fStatus.value = fOp.value = '';
      payFilters.forEach(function (p) { p[1].value = ''; });
      render();
      q.focus();
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === '/' && document.activeElement !== q && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
        ev.preventDefault();
        q.focus();
      }
    });
    listeners.push(function () { fillFilters(); render(); });
    render();
    root.setAttribute('data-search-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var buttons = document.querySelectorAll('[data-set-lang]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener('click', function (ev) {
        setLang(ev.currentTarget.getAttribute('data-set-lang'));
      });
    }
    setupSearch();
    applyLang();
    root.setAttribute('data-ready', 'true');
  });
})();
