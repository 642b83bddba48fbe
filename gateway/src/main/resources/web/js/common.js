/* Shared by every page: the HTTP API client, the header, formatting and a small DOM builder.
   Text is always set with textContent, never as HTML, so nothing from the API can inject markup. */
'use strict';

const IW = (() => {
  /** Calls the JSON API; a 401 sends the person to the sign-in page. */
  async function api(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    if (response.status === 401 && !path.startsWith('/api/session')) {
      toSignIn();
      throw new Error('signed out');
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
    if (!response.ok) {
      const error = new Error((data && data.error) || ('HTTP ' + response.status));
      error.status = response.status;
      error.data = data;
      throw error;
    }
    return data;
  }

  function toSignIn() {
    const next = encodeURIComponent(location.pathname + location.search);
    location.href = '/login.html?next=' + next;
  }

  /** el('div', {class: 'x', onclick: f}, 'text', child) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** 2 h 05 min; under an hour: 12 min. */
  function duration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h > 0 ? h + ' h ' + String(m).padStart(2, '0') + ' min' : m + ' min';
  }

  /** How long ago: "now", "4 min", "2 h 05 min". */
  function ago(ms) {
    return ms < 60000 ? 'now' : duration(ms) + ' ago';
  }

  const pad = (n) => String(n).padStart(2, '0');
  /** 24-hour local time, as on the ward's clocks: 14:05. */
  function clock(ms) {
    const d = new Date(ms);
    return pad(d.getHours()) + ':' + pad(d.getMinutes());
  }
  /** 2026-11-22 14:05 (local time). */
  function dateTime(ms) {
    const d = new Date(ms);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + clock(ms);
  }

  /**
   * Keeps the children of `container` in step with `items`: one node per key, created once and
   * updated in place (so a button someone is about to press is not replaced under their finger).
   */
  function sync(container, items, key, create, update) {
    const existing = new Map();
    for (const child of Array.from(container.children)) existing.set(child.dataset.key, child);
    let previous = null;
    for (const item of items) {
      const k = key(item);
      let node = existing.get(k);
      if (node) existing.delete(k);
      else {
        node = create(item);
        node.dataset.key = k;
      }
      update(node, item);
      const expected = previous ? previous.nextSibling : container.firstChild;
      if (node !== expected) container.insertBefore(node, expected);
      previous = node;
    }
    for (const stale of existing.values()) stale.remove();
  }

  /** Fills the header: brand, agent clock, live state, pages the role may use, user, sign-out. */
  async function header(current) {
    const me = await api('GET', '/api/session');
    const top = document.getElementById('top');
    const may = (p) => me.permissions.includes(p);
    const nav = el('nav', {},
      may('VIEW_WARD') ? el('a', { href: '/nurse.html', class: current === 'nurse' ? 'current' : null, id: 'nav-nurse' }, 'Nurse station') : null,
      may('REVIEW_EVENTS') ? el('a', { href: '/coordinator.html', class: current === 'coordinator' ? 'current' : null, id: 'nav-coordinator' }, 'Coordinator') : null);
    const signOut = el('button', { type: 'button', id: 'sign-out', onclick: async () => {
      try { await api('DELETE', '/api/session'); } finally { location.href = '/login.html'; }
    } }, 'Sign out');
    top.replaceChildren(
      el('span', { class: 'brand' }, el('span', { class: 'logo', 'aria-hidden': 'true' }), 'InfusionWatch'),
      nav,
      el('span', { class: 'spacer' }),
      el('span', { class: 'clock', id: 'agent-clock', title: 'agent clock' }, ''),
      el('span', { class: 'live down', id: 'live' }, 'connecting'),
      el('span', { class: 'user', id: 'user' }, me.name + ' · ' + me.role),
      signOut);
    return me;
  }

  function setLive(up) {
    const live = document.getElementById('live');
    if (!live) return;
    live.textContent = up ? 'live' : 'reconnecting';
    live.classList.toggle('down', !up);
  }

  function setClock(ms) {
    const c = document.getElementById('agent-clock');
    if (c && ms) c.textContent = dateTime(ms);
  }

  /**
   * Follows the server's event stream. EventSource reconnects by itself; when it fails we check
   * whether the session ended and, if so, go to the sign-in page.
   */
  function stream(handlers) {
    const source = new EventSource('/api/stream');
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', async () => {
      setLive(false);
      try { await api('GET', '/api/session'); } catch (e) { /* api() redirects on 401 */ }
    });
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => {
        setLive(true);
        handler(JSON.parse(event.data));
      });
    }
    return source;
  }

  return { api, el, duration, ago, clock, dateTime, sync, header, stream, setClock, setLive, toSignIn };
})();
