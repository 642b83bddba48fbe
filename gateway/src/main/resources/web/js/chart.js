/* Timeline chart of a bed's values around an event: one strip per signal on a shared time axis
   from T0 − 1 h to T0 + 6 h, with onset, threshold crossing, alert and acknowledgement marked.
   Plain SVG, no library. */
'use strict';
const IWChart = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = {
    onset: '#1d6fd6', crossing: '#d35400', alert: '#c62828', acknowledged: '#1b7f3b', escalated: '#7f0000',
    infusion: '#8a97a4'
  };
  const LINE = { SPO2: '#0b7285', HR: '#c2255c', MAP: '#5f3dc4', FIO2: '#e67700', PEEP: '#2b8a3e', PUMP: '#495057' };
  const STEPPED = new Set(['FIO2', 'PEEP', 'PUMP']);
  /** Usual ranges, so a 1 % wobble of SpO2 does not fill a strip; widened when values leave them. */
  const RANGE = { SPO2: [80, 100], HR: [40, 160], MAP: [40, 120], FIO2: [0.2, 1.0], PEEP: [0, 20], PUMP: [0, 10] };
  const TAG = { onset: 'T0', crossing: 'crossing', alert: 'alert', acknowledged: 'ack', escalated: 'escalated' };
  const HOUR = 3600000;

  function svg(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function number(v) {
    return Math.abs(v) < 2 && v !== Math.round(v) ? v.toFixed(2) : String(Math.round(v * 10) / 10);
  }

  /** Draws `data` (GET /api/events/{seq}/timeline) into `container`, the marker key into `legend`. */
  function draw(container, legend, data) {
    const W = 1400, left = 170, right = 30, top = 70, strip = 70, gap = 12, axis = 34;
    const series = data.series;
    const H = top + Math.max(1, series.length) * (strip + gap) + axis;
    const root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', id: 'timeline-svg',
      'aria-label': 'values of ' + data.bedKey + ' from T0 - 1 h to T0 + 6 h' });
    const x = (t) => left + (t - data.fromMs) / (data.toMs - data.fromMs) * (W - left - right);
    const bottom = H - axis;

    for (let h = -1; h <= Math.round((data.toMs - data.t0Ms) / HOUR); h++) {
      const t = data.t0Ms + h * HOUR;
      root.append(svg('line', { x1: x(t), x2: x(t), y1: top - 6, y2: bottom, stroke: '#e3e8ee' }));
      root.append(svg('text', { x: x(t), y: bottom + 18, 'text-anchor': 'middle', 'font-size': 12, fill: '#5b6b7a' },
        h === 0 ? 'T0' : 'T0 ' + (h > 0 ? '+ ' : '− ') + Math.abs(h) + ' h'));
    }

    if (series.length === 0) {
      root.append(svg('text', { x: W / 2, y: top + strip / 2, 'text-anchor': 'middle', fill: '#5b6b7a', 'font-size': 15 },
        'No values kept for this bed at that time (history covers the last 72 h of agent time).'));
    }

    series.forEach((s, i) => {
      const y0 = top + i * (strip + gap);
      const usual = RANGE[s.signal] || [Math.min(...s.values), Math.max(...s.values)];
      let min = Math.min(usual[0], ...s.values), max = Math.max(usual[1], ...s.values);
      if (min === max) { const pad = Math.abs(min) < 2 ? 0.05 : 1; min -= pad; max += pad; }
      const pad = (max - min) * 0.08;
      const lo = min - pad, hi = max + pad;
      const y = (v) => y0 + strip - (v - lo) / (hi - lo) * strip;
      root.append(svg('rect', { x: left, y: y0, width: W - left - right, height: strip, fill: '#f7f9fb', stroke: '#e3e8ee' }));
      root.append(svg('text', { x: 8, y: y0 + 22, 'font-size': 15, 'font-weight': 700, fill: LINE[s.signal] || '#333' },
        s.label.length > 18 ? s.label.substring(0, 17) + '…' : s.label));
      root.append(svg('text', { x: 8, y: y0 + 40, 'font-size': 12, fill: '#5b6b7a' }, s.unit || ''));
      root.append(svg('text', { x: left - 6, y: y0 + 12, 'font-size': 11, 'text-anchor': 'end', fill: '#5b6b7a' }, number(max)));
      root.append(svg('text', { x: left - 6, y: y0 + strip - 2, 'font-size': 11, 'text-anchor': 'end', fill: '#5b6b7a' }, number(min)));
      const last = s.values[s.values.length - 1];
      root.append(svg('text', { x: 8, y: y0 + 58, 'font-size': 12, fill: '#14202b' }, 'last ' + number(last)));
      let d = '';
      for (let k = 0; k < s.times.length; k++) {
        const px = x(s.times[k]).toFixed(1), py = y(s.values[k]).toFixed(1);
        if (k === 0) d = 'M' + px + ' ' + py;
        else d += STEPPED.has(s.signal) ? ' H' + px + ' V' + py : ' L' + px + ' ' + py;
      }
      if (STEPPED.has(s.signal) && s.times.length) d += ' H' + x(Math.min(data.toMs, data.t0Ms + 6 * HOUR)).toFixed(1);
      root.append(svg('path', { d, fill: 'none', stroke: LINE[s.signal] || '#333', 'stroke-width': 2.2,
        'data-signal': s.signal }));
    });

    const rows = [16, 32, 48, 64];
    const used = [];
    data.markers.forEach((m) => {
      const mx = x(m.timeMs);
      const color = COLORS[m.kind] || '#333';
      root.append(svg('line', { x1: mx, x2: mx, y1: top - 4, y2: bottom, stroke: color, 'stroke-width': 2,
        'stroke-dasharray': m.kind === 'crossing' ? '6 4' : m.kind === 'infusion' ? '2 3' : '', class: 'marker',
        'data-kind': m.kind }));
      const tag = TAG[m.kind] || m.label.split(' ')[0].toLowerCase();
      let row = 0;
      while (row < rows.length - 1 && used.some((u) => u.row === row && Math.abs(u.x - mx) < 90)) row++;
      used.push({ row, x: mx });
      const anchor = mx > W - 120 ? 'end' : 'start';
      root.append(svg('text', { x: anchor === 'end' ? mx - 4 : mx + 4, y: rows[row] - 4, 'font-size': 13, fill: color,
        'font-weight': 700, 'text-anchor': anchor }, tag));
    });
    container.replaceChildren(root);

    legend.replaceChildren(...data.markers.map((m) => IW.el('li', {},
      IW.el('span', { class: 'sw ' + m.kind }), m.label + ' — ' + IW.dateTime(m.timeMs)
        + ' (T0 ' + (m.timeMs >= data.t0Ms ? '+ ' : '− ') + IW.duration(Math.abs(m.timeMs - data.t0Ms)) + ')')));
  }

  return { draw };
})();
