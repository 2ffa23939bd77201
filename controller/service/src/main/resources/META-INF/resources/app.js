// heatgrid operator page: plain JavaScript, no build step, no third-party code (it must work offline).
// Every /api call carries the credentials given in the sign-in form as an HTTP Basic header; they
// are kept in memory only (a reload asks again). credentials: 'omit' keeps the browser's own
// Basic prompt away when the service answers 401.
'use strict';

(() => {
  const params = new URLSearchParams(location.search);
  const REFRESH_MS = Math.max(1, Number(params.get('refresh')) || 5) * 1000;
  const AUDIT_LIMIT = 50;

  // The request field named by a problem's "field" -> the input that holds it.
  const FIELD_INPUTS = {
    override: {supply_setpoint_c: 'ov-setpoint', minutes: 'ov-minutes', expires_at: 'ov-expires',
      reason: 'ov-reason', id: 'building'},
    mode: {mode: 'mode', reason: 'mode-reason', id: 'building'},
  };

  const $ = (id) => document.getElementById(id);
  let auth = null; // {user, header}
  let timer = null;
  let generation = 0; // the newest refresh renders and schedules the next; older ones drop out
  let buildingIds = '';
  let modes = {};

  class ApiError extends Error {
    constructor(status, body) {
      super(`HTTP ${status}`);
      this.status = status;
      this.body = body;
    }
  }

  function basic(user, password) {
    const bytes = new TextEncoder().encode(`${user}:${password}`);
    let s = '';
    bytes.forEach((b) => { s += String.fromCharCode(b); });
    return `Basic ${btoa(s)}`;
  }

  async function api(method, path, body) {
    const headers = {Accept: 'application/json, application/problem+json'};
    if (auth) headers.Authorization = auth.header;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch (e) { data = text; }
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  // ---- errors

  /** A sentence for an error of the API (problem details: status, detail, field). */
  function explain(err, doing) {
    if (!(err instanceof ApiError)) {
      return `The service did not answer (${err.message}). It may be down or restarting.`;
    }
    const p = err.body && typeof err.body === 'object' ? err.body : {};
    if (err.status === 401) {
      return 'Not signed in, or the user or password is wrong (401 Unauthorized).';
    }
    if (err.status === 403) {
      return `Refused (403 Forbidden): user “${auth ? auth.user : '?'}” may look but not ${doing}. `
        + 'Overrides and modes need the role operator or admin; ask an operator.';
    }
    let text = `${p.title || 'Error'} (${err.status})`;
    if (p.field) text += ` in ${p.field}`;
    text += `: ${p.detail || (typeof err.body === 'string' ? err.body : 'no detail given')}`;
    return text;
  }

  function clearMessages(form) {
    form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
    form.querySelectorAll('.error, .ok').forEach((el) => { el.textContent = ''; });
    $('building').removeAttribute('aria-invalid');
  }

  function showError(kind, err, doing) {
    $(`${kind}-error`).textContent = explain(err, doing);
    const field = err instanceof ApiError && err.body && err.body.field;
    const input = field && FIELD_INPUTS[kind][field] && $(FIELD_INPUTS[kind][field]);
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-errormessage', `${kind}-error`);
      input.focus();
    }
    if (err instanceof ApiError && err.status === 401) signOut(explain(err));
  }

  // ---- formatting

  function time(iso) {
    if (!iso) return '—';
    return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
  }

  function num(v, digits, unit) {
    return v === null || v === undefined ? '—' : `${Number(v).toFixed(digits)}${unit}`;
  }

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }

  // ---- rendering

  function renderStatus(s, health) {
    const checks = {};
    ((health && health.checks) || []).forEach((c) => { checks[c.name] = c; });
    const loop = checks['control-loop'];
    const sv = s.savings || {};
    const saved = sv.krw === null || sv.krw === undefined
      ? (sv.method || 'not computed')
      : `${Math.round(sv.krw).toLocaleString('en')} KRW, ${num(sv.mwh, 2, ' MWh')} (${sv.method})`;
    const rejected = Object.values(s.telemetry_rejected || {}).reduce((a, b) => a + b, 0);
    const rows = [
      ['Site', `${s.site}, ${s.buildings} buildings`],
      ['Service time', `${time(s.time)} (×${s.time_speed} real time)`],
      ['Control loop', loop
        ? `${loop.status === 'UP' ? 'healthy' : 'NOT TICKING'} (last tick ${loop.data ? loop.data.seconds_since_tick : '?'} s ago)`
        : 'unknown'],
      ['MQTT broker', s.mqtt_connected ? 'connected' : 'NOT CONNECTED'],
      ['Control periods', `${s.loop_periods} run (each ${s.period})`],
      ['Controller fallbacks', `${s.controller_failures} periods fell back to the heating curve`],
      ['Gateways', `${s.online} online, ${s.fallback} in local fallback, ${s.offline} offline, ${s.silent} silent`],
      ['In local fallback', s.fallback_buildings.length ? s.fallback_buildings.join(', ') : 'none'],
      ['Active overrides', s.overridden.length ? s.overridden.join(', ') : 'none'],
      ['Setpoints published', String(s.setpoints_published)],
      ['Telemetry', `${s.telemetry_accepted} accepted, ${rejected} refused`],
      ['InfluxDB buffer', `${s.influx_buffered} points waiting, ${s.influx_dropped} dropped`],
      ['Savings to date', saved],
    ];
    const dl = $('status');
    dl.replaceChildren();
    rows.forEach(([k, v]) => { dl.append(el('dt', k), el('dd', v)); });
  }

  function indoor(t) {
    const zones = ((t && t.zone_temps_c) || []).filter((z) => z !== null);
    if (!zones.length) return '—';
    const mean = zones.reduce((a, b) => a + b, 0) / zones.length;
    return `${mean.toFixed(1)} °C`;
  }

  function renderBuildings(list) {
    const body = $('buildings').tBodies[0];
    body.replaceChildren();
    list.forEach((b) => {
      const tr = el('tr', null, {'data-building': b.id});
      const name = el('th', `${b.id} ${b.name}`, {scope: 'row'});
      const sp = b.current_setpoint;
      const gw = b.gateway_status;
      const o = b.override && b.override.active ? b.override : null;
      tr.append(name,
        el('td', b.mode, {class: 'mode'}),
        el('td', sp ? `${num(sp.supply_setpoint_c, 1, ' °C')} (${sp.mode})` : '—', {class: 'setpoint'}),
        el('td', indoor(b.last_telemetry), {class: 'indoor'}),
        // The reason matters when the gateway is not online (why it fell back or went away).
        el('td', gw ? `${gw.state} since ${time(gw.since)}${gw.state !== 'online' && gw.reason ? `: ${gw.reason}` : ''}` : 'no status yet',
          {class: `gateway gw-${gw ? gw.state : 'none'}`}),
        el('td', o ? `${num(o.supply_setpoint_c, 1, ' °C')} until ${time(o.expires_at)}: “${o.reason}” (${o.by})` : 'none',
          {class: 'override'}));
      body.append(tr);
    });
    modes = Object.fromEntries(list.map((b) => [b.id, b.mode]));
    const ids = list.map((b) => b.id).join(',');
    if (ids !== buildingIds) { // keep the operator's choice across refreshes
      buildingIds = ids;
      const select = $('building');
      const chosen = select.value;
      select.replaceChildren(...list.map((b) => el('option', `${b.id} ${b.name}`, {value: b.id})));
      if (list.some((b) => b.id === chosen)) select.value = chosen;
      showMode();
    }
  }

  function renderAudit(entries) {
    const body = $('audit').tBodies[0];
    body.replaceChildren();
    if (!entries.length) {
      const tr = el('tr');
      tr.append(el('td', 'No changes yet.', {colspan: '6'}));
      body.append(tr);
    }
    entries.forEach((a) => {
      const tr = el('tr');
      tr.append(el('td', time(a.at)), el('td', a.who), el('td', a.building), el('td', a.what),
        el('td', `${a.before ?? '—'} → ${a.after ?? '—'}`), el('td', a.why));
      body.append(tr);
    });
  }

  /** The mode selector starts at the chosen building's mode. */
  function showMode() {
    const m = modes[$('building').value];
    if (m) $('mode').value = m;
  }

  // ---- refresh

  async function health() {
    // Public, and 503 with the same body when a check is down.
    try {
      const r = await fetch('q/health', {credentials: 'omit', cache: 'no-store'});
      return await r.json();
    } catch (e) {
      return null;
    }
  }

  async function refresh() {
    clearTimeout(timer);
    if (!auth) return;
    const mine = ++generation;
    try {
      const [status, buildings, audit, h] = await Promise.all([api('GET', 'api/status'),
        api('GET', 'api/buildings'), api('GET', `api/audit?limit=${AUDIT_LIMIT}`), health()]);
      if (mine !== generation || !auth) return;
      renderStatus(status, h);
      renderBuildings(buildings);
      renderAudit(audit);
      $('refresh-info').textContent = `Updated ${new Date().toLocaleTimeString('en-GB')} (every ${REFRESH_MS / 1000} s).`;
    } catch (err) {
      if (mine !== generation || !auth) return;
      if (err instanceof ApiError && err.status === 401) {
        signOut(explain(err));
        return;
      }
      $('refresh-info').textContent = `Refresh failed: ${explain(err, 'read')} Retrying.`;
    }
    if (auth) timer = setTimeout(refresh, REFRESH_MS);
  }

  // ---- sign in and out

  async function signIn(event) {
    event.preventDefault();
    const user = $('login-user').value.trim();
    const password = $('login-password').value;
    $('login-error').textContent = '';
    auth = {user, header: basic(user, password)};
    try {
      await api('GET', 'api/status');
    } catch (err) {
      auth = null;
      $('login-error').textContent = explain(err, 'read');
      return;
    }
    $('login-password').value = '';
    $('who-user').textContent = user;
    $('who').hidden = false;
    $('login-section').hidden = true;
    $('app').hidden = false;
    buildingIds = '';
    await refresh();
  }

  function signOut(message) {
    auth = null;
    generation++;
    clearTimeout(timer);
    $('app').hidden = true;
    $('who').hidden = true;
    $('login-section').hidden = false;
    $('status').replaceChildren();
    $('buildings').tBodies[0].replaceChildren();
    $('audit').tBodies[0].replaceChildren();
    document.querySelectorAll('#app .error, #app .ok').forEach((e) => { e.textContent = ''; });
    $('override-form').reset();
    $('mode-form').reset();
    $('login-error').textContent = typeof message === 'string' ? message : '';
    $('login-user').focus();
  }

  // ---- changes

  async function change(kind, button, doing, call, done) {
    const form = $(`${kind}-form`);
    clearMessages(form);
    const id = $('building').value;
    button.disabled = true;
    try {
      const result = await call(id);
      $(`${kind}-done`).textContent = done(id, result);
      await refresh();
    } catch (err) {
      showError(kind, err, doing);
    } finally {
      button.disabled = false;
    }
  }

  function setOverride(event) {
    event.preventDefault();
    const sp = $('ov-setpoint').value;
    const minutes = $('ov-minutes').value.trim();
    const until = $('ov-expires').value.trim();
    const body = {supply_setpoint_c: sp === '' ? null : Number(sp), reason: $('ov-reason').value};
    if (until) body.expires_at = until;
    else if (minutes) body.minutes = Number(minutes);
    change('override', $('ov-set'), 'set overrides',
      (id) => api('PUT', `api/buildings/${encodeURIComponent(id)}/override`, body),
      (id, b) => `Override set on ${id}: ${num(b.override.supply_setpoint_c, 1, ' °C')} until ${time(b.override.expires_at)}.`);
  }

  function clearOverride() {
    const reason = $('ov-reason').value;
    change('override', $('ov-clear'), 'clear overrides',
      (id) => api('DELETE', `api/buildings/${encodeURIComponent(id)}/override?reason=${encodeURIComponent(reason)}`),
      (id) => `Override on ${id} cleared.`);
  }

  function setMode(event) {
    event.preventDefault();
    const body = {mode: $('mode').value, reason: $('mode-reason').value};
    change('mode', $('mode-set'), 'change modes',
      (id) => api('PUT', `api/buildings/${encodeURIComponent(id)}/mode`, body),
      (id, b) => `Mode of ${id} is now ${b.mode}.`);
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', () => signOut());
    $('override-form').addEventListener('submit', setOverride);
    $('ov-clear').addEventListener('click', clearOverride);
    $('mode-form').addEventListener('submit', setMode);
    $('building').addEventListener('change', showMode);
    $('login-user').focus();
  });
})();
