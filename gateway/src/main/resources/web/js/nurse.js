/* The nurse station: bed tiles and the alerts that need someone, live from /api/stream. */
'use strict';
(() => {
  const { api, el, duration, ago, clock, sync } = IW;
  const STALE_MS = 10 * 60000;
  const STATE_WORDS = {
    NONE: 'No study infusion', INFUSING: 'Infusing', IN_WINDOW: 'In window',
    LONG_WINDOW: '24 h watch', CLOSED: 'Window closed'
  };
  let me = null;
  let entryTypes = [];
  const fresh = new Map();
  let audio = null;
  let soundWanted = true;

  // ---- sound ---------------------------------------------------------------------------------
  function soundButton() {
    const b = el('button', { type: 'button', id: 'sound' });
    const show = () => {
      const on = soundWanted && audio && audio.state === 'running';
      b.textContent = on ? 'Sound on' : 'Sound off – click to enable';
      b.classList.toggle('sound-off', !on);
    };
    b.addEventListener('click', () => {
      if (audio && audio.state === 'running' && soundWanted) soundWanted = false;
      else { soundWanted = true; unlockAudio(); }
      setTimeout(show, 50);
    });
    document.addEventListener('click', () => setTimeout(show, 50));
    if (audio) audio.addEventListener('statechange', show);
    setTimeout(show, 50);
    return b;
  }

  /**
   * Browsers let a page make sound only after a click on it, unless the station's browser is set
   * to allow it (a kiosk started with --autoplay-policy=no-user-gesture-required). So the sound is
   * tried at once, and the first click anywhere enables it otherwise; the header button says which.
   */
  function unlockAudio() {
    try {
      if (!audio) audio = new AudioContext();
      if (audio.state !== 'running') audio.resume().catch(() => { /* still needs a click */ });
    } catch (e) { /* no audio device: the visual cue remains */ }
  }
  unlockAudio();
  document.addEventListener('click', unlockAudio, { once: true });

  /** Three short high tones: the high-priority cue. */
  function beep(alertId) {
    if (!soundWanted || !audio || audio.state !== 'running') return;
    document.body.dataset.soundedFor = alertId;
    const t = audio.currentTime;
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = 960;
      gain.gain.setValueAtTime(0.0001, t + i * 0.28);
      gain.gain.exponentialRampToValueAtTime(0.4, t + i * 0.28 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.28 + 0.2);
      osc.connect(gain).connect(audio.destination);
      osc.start(t + i * 0.28);
      osc.stop(t + i * 0.28 + 0.22);
    }
  }

  /** A new or escalated alert: banner, pulsing card and, for HIGH priority, the sound. */
  function cue(change, alert) {
    if (change !== 'RAISED' && change !== 'ESCALATED') return;
    fresh.set(alert.alertId, Date.now());
    document.body.dataset.lastCue = alert.alertId;
    if (alert.priority !== 'HIGH' && change !== 'ESCALATED') return;
    const flash = document.getElementById('flash');
    flash.textContent = (change === 'ESCALATED' ? 'ESCALATED: ' : 'New HIGH alert: ') + alert.eventName + ' at '
      + alert.bed + ' (' + alert.patient + ')';
    flash.hidden = false;
    clearTimeout(cue.timer);
    cue.timer = setTimeout(() => { flash.hidden = true; }, 15000);
    beep(alert.alertId);
  }

  // ---- alerts --------------------------------------------------------------------------------
  function createAlert(a) {
    const r = {};
    const node = el('li', { class: 'alert-card', 'data-alert-id': a.alertId, 'data-bed': a.bedKey },
      el('div', { class: 'head' },
        r.priority = el('span', { class: 'badge' }),
        r.state = el('span', { class: 'badge state-badge' }),
        r.event = el('span', { class: 'event' })),
      r.where = el('div', { class: 'where' }),
      r.why = el('div', { class: 'why' }),
      r.meta = el('div', { class: 'meta' }),
      r.notes = el('ul', { class: 'notes' }),
      el('div', { class: 'actions' },
        r.actions = el('span', { class: 'ack-area' }),
        me.permissions.includes('ANNOTATE_ALERT')
          ? el('button', { type: 'button', class: 'add-note', onclick: () => openNote(node.dataset.alertId) }, 'Add note')
          : null));
    node.refs = r;
    if (me.permissions.includes('ACKNOWLEDGE_ALERT')) {
      r.ack = el('button', { type: 'button', class: 'danger ack', onclick: () => openAck(node.dataset.alertId) },
        'Acknowledge');
    }
    return node;
  }

  function updateAlert(node, a) {
    const r = node.refs;
    node.dataset.state = a.state;
    node.className = 'alert-card prio-' + a.priority + ' state-' + a.state
      + (fresh.has(a.alertId) && Date.now() - fresh.get(a.alertId) < 10000 ? ' new' : '');
    r.priority.textContent = a.priority;
    r.priority.className = 'badge ' + a.priority;
    r.state.textContent = a.state === 'RAISED' ? 'NEW' : a.state;
    r.state.className = 'badge state-badge ' + a.state;
    r.event.textContent = a.eventName;
    r.where.textContent = a.bed + ' · ' + a.patient + ' · infusion ' + a.infusionId.split('/').pop();
    r.why.textContent = a.explanation;
    let meta = 'raised ' + clock(a.raisedMs) + ' (' + ago(a.ageMs) + ')';
    if (a.escalated) meta += ' · escalated ' + clock(a.escalatedMs);
    r.meta.textContent = meta;
    if (r.notes.dataset.count !== String(a.notes.length)) {
      r.notes.replaceChildren(...a.notes.map((n) => el('li', {}, 'Note by ' + n.by + ' at ' + clock(n.timeMs) + ': ' + n.note)));
      r.notes.dataset.count = String(a.notes.length);
    }
    if (a.acknowledged) {
      const text = '✓ Acknowledged by ' + a.acknowledgedBy + ' at ' + clock(a.acknowledgedMs)
        + (a.acknowledgedNote ? ': ' + a.acknowledgedNote : '');
      if (r.actions.dataset.done !== text) {
        r.actions.replaceChildren(el('span', { class: 'acked' }, text));
        r.actions.dataset.done = text;
      }
    } else if (r.ack && !r.actions.contains(r.ack)) {
      r.actions.replaceChildren(r.ack);
    } else if (!r.ack && !r.actions.firstChild) {
      r.actions.replaceChildren(el('span', { class: 'muted small' }, 'acknowledged by nurses'));
    }
  }

  // ---- beds ----------------------------------------------------------------------------------
  function createBed(b) {
    const r = {};
    const node = el('article', { class: 'bed', 'data-bed': b.key },
      el('div', { class: 'title' },
        r.name = el('span', { class: 'name' }),
        r.patient = el('span', { class: 'patient' }),
        r.alarms = el('span', { class: 'alarms' })),
      el('div', { class: 'state-line' },
        r.state = el('span', { class: 'state' }),
        r.elapsed = el('span', { class: 'elapsed' })),
      r.countdowns = el('div', { class: 'countdowns' }),
      r.values = el('div', { class: 'values' }),
      r.devices = el('div', { class: 'devices' }),
      r.entry = el('div', { class: 'entry-line' }));
    if (me.permissions.includes('RECORD_ENTRY')) {
      node.append(el('button', { type: 'button', class: 'record', onclick: () => openEntry(node.dataset.bed) },
        'Record event…'));
    }
    node.refs = r;
    return node;
  }

  function updateBed(node, b) {
    const r = node.refs;
    const inf = b.infusion;
    node.dataset.state = inf.state;
    node.className = 'bed st-' + inf.state + (b.highestPriority ? ' alarm-' + b.highestPriority : '');
    r.name.textContent = b.bed;
    r.patient.textContent = b.patient;
    r.alarms.replaceChildren(b.openAlerts > 0
      ? el('span', { class: 'badge ' + (b.highestPriority || 'LOW') }, b.openAlerts + ' open alert' + (b.openAlerts > 1 ? 's' : ''))
      : '');
    r.state.textContent = STATE_WORDS[inf.state] || inf.state;
    r.state.className = 'state ' + inf.state;
    const open = inf.state !== 'NONE' && inf.state !== 'CLOSED';
    r.elapsed.textContent = open ? 'T0 + ' + duration(inf.elapsedMs) : '';
    r.countdowns.replaceChildren(...(open
      ? [countdown('6 h', inf.windowLeftMs), countdown('24 h', inf.longWindowLeftMs)] : []));
    r.values.replaceChildren(...b.values.map(valueCell), vasopressorCell(b.pumps.filter((p) => p.vasopressor)),
      pumpCell(b.pumps.filter((p) => !p.vasopressor)));
    r.devices.replaceChildren(...(b.devices.length ? b.devices.map(deviceLine)
      : [el('span', { class: 'muted' }, 'no device has reported')]));
    const last = b.recentEntries[0];
    r.entry.hidden = !last;
    if (last) r.entry.textContent = last.label + ' recorded by ' + last.by + ', ' + ago(last.ageMs)
      + (last.note ? ': ' + last.note : '');
  }

  function countdown(what, leftMs) {
    return leftMs > 0 ? el('span', { class: 'cd' }, what + ': ', el('b', {}, duration(leftMs)), ' left')
      : el('span', { class: 'cd' }, what + ' closed');
  }

  function valueCell(v) {
    const stale = v.display !== null && v.ageMs > STALE_MS;
    return el('div', { class: 'value' + (stale ? ' stale' : ''), 'data-signal': v.signal },
      el('div', { class: 'label' }, v.label),
      el('div', {}, el('span', { class: 'number' }, v.display === null ? '—' : v.display),
        v.display !== null && v.unit ? el('span', { class: 'unit' }, v.unit) : null),
      el('div', { class: 'age' }, v.display === null ? 'no data' : ago(v.ageMs)));
  }

  /** Vasopressors at the bed, each with its dose in the protocol's unit, and the age of the newest report. */
  function vasopressorCell(pumps) {
    const newest = pumps.length ? Math.min(...pumps.map((p) => p.ageMs)) : 0;
    return el('div', { class: 'value' + (pumps.length && newest > STALE_MS ? ' stale' : ''), 'data-signal': 'VASOPRESSOR' },
      el('div', { class: 'label' }, 'Vasopressor'),
      ...(pumps.length ? pumps.map((p) => el('div', { class: 'dose' + (p.running ? '' : ' stopped'), 'data-device': p.deviceId },
        el('b', {}, p.dose), ' ', p.vasopressor)) : [el('div', {}, el('span', { class: 'number' }, '—'))]),
      el('div', { class: 'age' }, pumps.length ? ago(newest) : 'none running'));
  }

  /** The other pumps (the study product shows only as "study product"): rate, or when they stopped. */
  function pumpCell(pumps) {
    const lines = pumps.length ? pumps.map((p) => el('div', { class: 'pump' + (p.running ? '' : ' stopped'),
      'data-device': p.deviceId },
      el('b', {}, p.drug), ' ', p.running ? (p.rate || 'running') : 'stopped ' + ago(p.ageMs)))
      : [el('div', { class: 'pump stopped' }, 'no pump reported')];
    return el('div', { class: 'value wide', 'data-signal': 'PUMPS' },
      el('div', { class: 'label' }, 'Pumps'), ...lines);
  }

  function deviceLine(d) {
    const status = d.state === 'EVENTS' ? 'reports events only; last ' + ago(d.ageMs)
      : d.state === 'ONLINE' ? 'online' : d.state.toLowerCase() + ', last report ' + ago(d.ageMs);
    return el('span', { class: 'device ' + d.state, 'data-device': d.deviceId, title: d.kind + ': ' + status },
      d.deviceId + (d.state === 'LATE' || d.state === 'SILENT' ? ' ' + d.state.toLowerCase() + ' ' + IW.duration(d.ageMs) : ''));
  }

  // ---- render --------------------------------------------------------------------------------
  function render(ward) {
    IW.setClock(ward.agentTimeMs);
    document.getElementById('protocol').textContent = 'protocol ' + ward.protocol;
    const open = ward.alerts.filter((a) => !a.acknowledged).length;
    const count = document.getElementById('alert-count');
    count.textContent = String(open);
    count.classList.toggle('hot', open > 0);
    document.getElementById('no-alerts').hidden = ward.alerts.length > 0;
    sync(document.getElementById('alerts'), ward.alerts, (a) => a.alertId, createAlert, updateAlert);
    sync(document.getElementById('beds'), ward.beds, (b) => b.key, createBed, updateBed);
    renderAlertManager(ward.alertManager);
  }

  // Alerts that do not reach the hospital's alert manager reach no pager or ward phone either.
  function renderAlertManager(link) {
    const banner = document.getElementById('alert-manager-down');
    banner.hidden = !link || link.reachable;
    if (banner.hidden) return;
    banner.textContent = 'Alerts are not reaching the hospital\'s alert manager (' + link.address + ')'
      + (link.unreachableForMs >= 60000 ? ' for ' + IW.duration(link.unreachableForMs) : '')
      + (link.waiting > 0 ? ', ' + link.waiting + ' waiting' : '')
      + ': pagers and ward phones may stay silent. Watch this screen.';
  }

  // ---- acknowledge and notes: one dialog shape, a text about one alert posted to its route ----
  function alertTextDialog(prefix, textId, route, failure) {
    const dialog = document.getElementById(prefix + '-dialog');
    const text = document.getElementById(textId);
    const error = document.getElementById(prefix + '-error');
    const confirm = document.getElementById(prefix + '-confirm');
    let alertId = null;
    document.getElementById(prefix + '-cancel').addEventListener('click', () => dialog.close());
    document.getElementById(prefix + '-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      if (confirm) confirm.disabled = true;
      try {
        await api('POST', '/api/alerts/' + encodeURIComponent(alertId) + route, { note: text.value });
        dialog.close();
      } catch (e) {
        error.textContent = failure(e);
        error.hidden = false;
      } finally {
        if (confirm) confirm.disabled = false;
      }
    });
    return (id) => {
      alertId = id;
      const card = document.querySelector('[data-alert-id="' + CSS.escape(id) + '"]');
      document.getElementById(prefix + '-what').textContent = card
        ? card.refs.event.textContent + ' — ' + card.refs.where.textContent : id;
      text.value = '';
      error.hidden = true;
      dialog.showModal();
      text.focus();
    };
  }
  const openAck = alertTextDialog('ack', 'ack-note', '/acknowledge',
    (e) => e.status === 409 ? 'Already acknowledged by ' + e.data.acknowledgedBy + '.' : e.message);
  const openNote = alertTextDialog('note', 'note-text', '/notes', (e) => e.message);

  // ---- bedside entries -----------------------------------------------------------------------
  const entryDialog = document.getElementById('entry-dialog');
  let entryBed = null;
  function openEntry(bedKey) {
    entryBed = bedKey;
    document.getElementById('entry-bed').textContent = bedKey.split('/').pop();
    const select = document.getElementById('entry-type');
    select.replaceChildren(...entryTypes.map((t) => el('option', { value: t.type }, t.label)));
    document.getElementById('entry-note').value = '';
    document.getElementById('entry-error').hidden = true;
    entryDialog.showModal();
  }
  document.getElementById('entry-cancel').addEventListener('click', () => entryDialog.close());
  document.getElementById('entry-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const [unit, bed] = [entryBed.substring(0, entryBed.indexOf('/')), entryBed.substring(entryBed.indexOf('/') + 1)];
    const error = document.getElementById('entry-error');
    try {
      await api('POST', '/api/beds/' + encodeURIComponent(unit) + '/' + encodeURIComponent(bed) + '/entries', {
        type: document.getElementById('entry-type').value,
        note: document.getElementById('entry-note').value
      });
      entryDialog.close();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });

  // ---- start ---------------------------------------------------------------------------------
  (async () => {
    me = await IW.header('nurse');
    document.getElementById('top').insertBefore(soundButton(), document.getElementById('user'));
    if (me.permissions.includes('RECORD_ENTRY')) entryTypes = await api('GET', '/api/entry-types');
    render(await api('GET', '/api/ward'));
    IW.stream({ ward: render, alert: (m) => cue(m.change, m.alert) });
  })();
})();
