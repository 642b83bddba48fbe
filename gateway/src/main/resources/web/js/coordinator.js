/* The coordinator view: the event log with filters and CSV export, a timeline chart per event,
   and the hash-chain check. New rows appear as the agent logs them (event stream). */
'use strict';
(() => {
  const { api, el, dateTime } = IW;
  const codes = new Set();
  let selectedSeq = null;
  let infusionSignature = '';
  let reloadTimer = null;

  function filterQuery() {
    const q = new URLSearchParams();
    const from = document.getElementById('f-from').value;
    const to = document.getElementById('f-to').value;
    if (from) q.set('from', new Date(from).toISOString());
    if (to) q.set('to', new Date(to).toISOString());
    for (const [id, name] of [['f-bed', 'bed'], ['f-code', 'code'], ['f-kind', 'kind'], ['f-state', 'state']]) {
      const v = document.getElementById(id).value;
      if (v) q.set(name, v);
    }
    return q.toString();
  }

  async function checkChain() {
    const box = document.getElementById('chain');
    try {
      const v = await api('GET', '/api/verify');
      box.className = 'chain-status ' + (v.intact ? 'intact' : 'broken');
      box.textContent = v.intact
        ? '✓ Event log hash chain intact: ' + v.rows + ' rows checked, none changed or missing.'
        : '✗ Event log hash chain BROKEN at row ' + v.firstBrokenSeq + ': ' + v.problem;
      box.dataset.intact = String(v.intact);
    } catch (e) {
      box.className = 'chain-status broken';
      box.textContent = 'Chain check failed: ' + e.message;
    }
  }

  /** The protocol profile in force (every alert carries its hash), and files stored for the next start. */
  async function showProtocol() {
    const p = await api('GET', '/api/protocol');
    const box = document.getElementById('protocol-info');
    box.textContent = 'Protocol in force: ' + p.name + ' v' + p.version + ', sha256 ' + p.sha256.substring(0, 12)
      + '…, windows ' + p.windowMinutes / 60 + ' h and ' + p.longWindowMinutes / 60 + ' h'
      + (p.staged.length ? '. Stored for the next start: ' + p.staged.join(', ') : '');
    box.dataset.protocol = p.name;
  }

  async function load() {
    const query = filterQuery();
    document.getElementById('csv').href = '/api/events.csv' + (query ? '?' + query : '');
    const data = await api('GET', '/api/events' + (query ? '?' + query : ''));
    document.getElementById('event-count').textContent = data.count + ' rows'
      + (data.shown < data.count ? ' (latest ' + data.shown + ' shown)' : '');
    const body = document.querySelector('#events tbody');
    body.replaceChildren(...data.rows.map(row));
    let added = false;
    for (const r of data.rows) if (!codes.has(r.code)) { codes.add(r.code); added = true; }
    if (added) fillCodes();
  }

  function row(r) {
    return el('tr', { class: r.kind + (r.seq === selectedSeq ? ' selected' : ''), 'data-seq': r.seq,
      'data-alert-id': r.alertId, 'data-state': r.state, onclick: () => select(r.seq) },
      el('td', {}, r.seq),
      el('td', { class: 'nowrap' }, dateTime(r.timeMs)),
      el('td', { class: 'nowrap' }, r.bed + (r.infusionId ? ' #' + r.infusionId.split('/').pop() : '')),
      el('td', { class: 'nowrap' }, r.patient),
      el('td', { class: 'code nowrap', title: r.code }, r.eventName),
      el('td', { class: 'st' }, r.state),
      el('td', { class: 'nowrap' }, r.by),
      el('td', {}, r.explanation));
  }

  function fillCodes() {
    const select = document.getElementById('f-code');
    const current = select.value;
    select.replaceChildren(el('option', { value: '' }, 'all events'),
      ...Array.from(codes).sort().map((c) => el('option', { value: c }, c)));
    select.value = current;
  }

  async function select(seq) {
    selectedSeq = seq;
    for (const tr of document.querySelectorAll('#events tbody tr')) {
      tr.classList.toggle('selected', Number(tr.dataset.seq) === seq);
    }
    const data = await api('GET', '/api/events/' + seq + '/timeline');
    const e = data.event;
    document.getElementById('detail-title').textContent = e.eventName + ' — ' + e.bed + ' (' + e.patient + ')'
      + (e.infusionId ? ', infusion #' + e.infusionId.split('/').pop() : '');
    document.getElementById('detail-text').textContent = e.state + ' ' + dateTime(e.timeMs) + ': ' + e.explanation;
    document.getElementById('detail').dataset.seq = String(seq);
    IWChart.draw(document.getElementById('chart'), document.getElementById('legend'), data);
  }

  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => load().catch(() => {}), 400);
  }

  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  document.getElementById('f-reset').addEventListener('click', () => {
    document.getElementById('filters').reset();
    load();
  });
  document.getElementById('chain-check').addEventListener('click', checkChain);

  (async () => {
    await IW.header('coordinator');
    const ward = await api('GET', '/api/ward');
    const beds = document.getElementById('f-bed');
    for (const b of ward.beds) beds.append(el('option', { value: b.key }, b.bed + ' (' + b.patient + ')'));
    await Promise.all([checkChain(), load(), showProtocol()]);
    IW.stream({
      alert: () => { scheduleReload(); checkChain(); },
      ward: (w) => {
        IW.setClock(w.agentTimeMs);
        const signature = w.beds.map((b) => b.key + b.infusion.infusionId + b.infusion.state).join('|');
        if (signature !== infusionSignature) {
          if (infusionSignature) scheduleReload();
          infusionSignature = signature;
        }
      }
    });
  })();
})();
