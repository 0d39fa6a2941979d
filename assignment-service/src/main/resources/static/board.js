// The live gap board: loads the snapshot of open gaps, then follows the gap-alert stream and updates in place.
// Every piece of data reaches the page as text (textContent), never as markup.
(() => {
  'use strict';

  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
  const REASONS = {
    NO_PERSONA_HOLDER: 'No one holds the persona',
    LACKS_SKILLS_OR_SENIORITY: 'Lacks skills or seniority',
    ALL_AT_CAPACITY: 'Everyone eligible is at capacity',
    HOLDER_DEPARTED: 'Holder departed',
    HOLDER_ON_LEAVE: 'Holder on leave',
    OTHER: 'Other'
  };
  const RETRY_MILLIS = 5000;
  const DAY_MILLIS = 86400000;

  const state = {
    gaps: new Map(),          // seatKey -> gap
    personas: new Map(),      // persona id -> {name, criticality}
    projectNames: new Map(),  // project id -> name
    groupBy: 'persona',
    openProject: null,
    pending: null,            // alerts that arrived while a snapshot was loading
    loadSequence: 0,
    changed: new Map(),       // seatKey -> when it last changed, to flash its row
    renderQueued: false,
    projectRefresh: null,
    me: null,                 // the signed-in user from /api/me: {name, roles, canChange}
    acknowledging: null,      // the seat whose acknowledgement form is open: {seatKey, note, error}
    announcements: []         // alerts waiting to be announced to screen readers
  };

  const $ = (id) => document.getElementById(id);

  // ---- DOM helpers -------------------------------------------------------------------------------------------
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function severityBadge(severity) {
    const known = SEVERITIES.includes(severity) ? severity : 'LOW';
    return el('span', { class: 'sev sev-' + known.toLowerCase() }, severity || 'UNKNOWN');
  }

  function personaName(id) {
    const persona = state.personas.get(id);
    return persona ? persona.name : id;
  }

  function projectName(id) {
    return state.projectNames.get(id) || id;
  }

  function formatInstant(value) {
    if (!value) return '';
    const date = new Date(value);
    return isNaN(date) ? String(value) : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
  }

  function effectiveText(day) {
    if (!day) return { text: '', near: false };
    const today = new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
    const days = Math.round((new Date(day + 'T00:00:00Z') - today) / DAY_MILLIS);
    if (days > 0) return { text: day + ' (in ' + days + (days === 1 ? ' day)' : ' days)'), near: days <= 7 };
    if (days === 0) return { text: day + ' (today)', near: true };
    return { text: day + ' (since ' + -days + (days === -1 ? ' day)' : ' days)'), near: true };
  }

  function announce(message) {
    const announcer = $('announcer');
    announcer.replaceChildren(el('p', null, message));
  }

  // A burst of alerts is announced once, a second after it started, so that screen readers are not flooded.
  function announceAlert(alert) {
    state.announcements.push(alert);
    if (state.announcements.length > 1) return;
    setTimeout(() => {
      const alerts = state.announcements;
      state.announcements = [];
      if (alerts.length === 1) {
        const only = alerts[0];
        const what = only.status === 'RESOLVED' ? 'resolved' : only.status === 'OPENED' ? 'opened' : 'updated';
        announce(personaName(only.persona) + ' gap ' + what + ' on ' + projectName(only.projectId) + ', seat '
            + only.slotId + ' ' + only.seat + (only.status === 'RESOLVED' ? '' : ', severity ' + only.severity) + '.');
        return;
      }
      const count = (status) => alerts.filter((alert) => alert.status === status).length;
      announce(alerts.length + ' gap changes: ' + count('OPENED') + ' opened, ' + count('UPDATED') + ' updated, '
          + count('RESOLVED') + ' resolved.');
    }, 1000);
  }

  // ---- data --------------------------------------------------------------------------------------------------
  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (response.status === 401 || (response.redirected && new URL(response.url).pathname === '/login')) {
      window.location.assign('/login'); // the session ended: sign in again
      throw new Error('signed out');
    }
    if (!response.ok) throw new Error(url + ' answered ' + response.status);
    return response.json();
  }

  async function loadPersonas() {
    try {
      const personas = await fetchJson('/api/personas');
      for (const persona of personas) state.personas.set(persona.id, persona);
      scheduleRender();
    } catch (error) {
      showError('Could not load the persona catalog (' + error.message + '); showing persona ids.');
    }
  }

  async function loadCurrentUser() {
    try {
      state.me = await fetchJson('/api/me');
    } catch (error) {
      return; // no sign-in on this service: nothing to show
    }
    const user = $('current-user');
    user.replaceChildren('Signed in as ' + state.me.name + ' (' + state.me.roles.join(', ').toLowerCase() + ')',
        el('a', { href: '/logout' }, 'Sign out'));
    user.hidden = false;
    scheduleRender();
  }

  async function acknowledge(gap, note) {
    const path = '/api/gaps/' + [gap.projectId, gap.slotId, String(gap.seat)].map(encodeURIComponent).join('/')
        + '/acknowledgement';
    try {
      const response = await fetch(path, { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ note: note || null }) });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || 'the service answered ' + response.status);
      }
      const acknowledged = await response.json();
      state.gaps.set(acknowledged.seatKey, Object.assign({}, state.gaps.get(acknowledged.seatKey), acknowledged));
      state.acknowledging = null;
      announce('Gap acknowledged: ' + personaName(gap.persona) + ' on ' + projectName(gap.projectId) + '.');
    } catch (error) {
      state.acknowledging = { seatKey: gap.seatKey, note, error: 'Not acknowledged: ' + error.message };
    }
    scheduleRender();
  }

  // The snapshot replaces the board; alerts that arrive meanwhile are applied after it, in order.
  async function loadSnapshot() {
    const sequence = ++state.loadSequence;
    if (state.pending === null) state.pending = [];
    $('gap-groups').setAttribute('aria-busy', 'true');
    try {
      const snapshot = await fetchJson('/api/board/gaps');
      if (sequence !== state.loadSequence) return; // a newer load is on its way
      state.gaps = new Map(snapshot.gaps.map((gap) => [gap.seatKey, gap]));
      for (const [id, name] of Object.entries(snapshot.projectNames || {})) state.projectNames.set(id, name);
      const pending = state.pending;
      state.pending = null;
      pending.forEach(applyAlert);
      hideError();
      $('updated-at').textContent = 'Updated ' + formatInstant(new Date().toISOString());
      scheduleRender();
    } catch (error) {
      if (sequence !== state.loadSequence) return;
      state.pending = null;
      showError('Could not load the open gaps (' + error.message + '); retrying.');
      setTimeout(loadSnapshot, RETRY_MILLIS);
    } finally {
      if (sequence === state.loadSequence) $('gap-groups').setAttribute('aria-busy', 'false');
    }
  }

  function applyAlert(alert) {
    if (!alert || !alert.seatKey) return;
    if (alert.status === 'RESOLVED') {
      state.gaps.delete(alert.seatKey);
    } else {
      const previous = alert.status === 'OPENED' ? null : state.gaps.get(alert.seatKey);
      const gap = Object.assign({}, previous, alert);
      gap.openedAt = previous && previous.openedAt ? previous.openedAt : alert.occurredAt;
      state.gaps.set(alert.seatKey, gap);
    }
    state.changed.set(alert.seatKey, Date.now());
  }

  function onAlert(alert) {
    if (state.pending !== null) {
      state.pending.push(alert);
      return;
    }
    applyAlert(alert);
    $('updated-at').textContent = 'Updated ' + formatInstant(alert.occurredAt || new Date().toISOString());
    announceAlert(alert);
    if (state.openProject === alert.projectId) refreshProjectSoon();
    scheduleRender();
  }

  // ---- live stream -------------------------------------------------------------------------------------------
  function setLive(status, text) {
    const live = $('live-status');
    live.className = 'live live-' + status;
    live.dataset.state = status;
    $('live-text').textContent = text;
  }

  function connect() {
    setLive('connecting', 'Connecting…');
    const source = new EventSource('/api/gaps/stream');
    source.addEventListener('open', () => {
      setLive('connected', 'Live');
      // The first snapshot may predate the stream, and a reconnect may have missed alerts: load it again.
      loadSnapshot();
    });
    source.addEventListener('gap', (event) => {
      try {
        onAlert(JSON.parse(event.data));
      } catch (error) {
        console.warn('Gap board ignored an event it could not read', event.lastEventId, error);
      }
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (too many clients, signed out) or gone: the browser does not retry by itself.
        source.close();
        setLive('offline', 'Offline, retrying…');
        setTimeout(connect, RETRY_MILLIS);
      } else {
        setLive('reconnecting', 'Reconnecting…');
      }
    });
  }

  // ---- rendering ---------------------------------------------------------------------------------------------
  function scheduleRender() {
    if (state.renderQueued) return;
    state.renderQueued = true;
    requestAnimationFrame(() => {
      state.renderQueued = false;
      render();
    });
  }

  function countsByPersona() {
    const counts = new Map();
    for (const gap of state.gaps.values()) {
      let count = counts.get(gap.persona);
      if (!count) {
        const persona = state.personas.get(gap.persona);
        count = { persona: gap.persona, name: personaName(gap.persona),
          criticality: persona ? persona.criticality : 'NORMAL', CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, total: 0 };
        counts.set(gap.persona, count);
      }
      if (count[gap.severity] !== undefined) count[gap.severity]++;
      count.total++;
    }
    // A critical persona (Security Engineer) with critical gaps first, then the most severe, then the most gaps.
    const leads = (count) => count.criticality === 'CRITICAL' && count.CRITICAL > 0 ? 1 : 0;
    return [...counts.values()].sort((a, b) => leads(b) - leads(a) || b.CRITICAL - a.CRITICAL || b.HIGH - a.HIGH
        || b.MEDIUM - a.MEDIUM || b.total - a.total || a.name.localeCompare(b.name));
  }

  function worstSeverity(gaps) {
    return SEVERITIES.find((severity) => gaps.some((gap) => gap.severity === severity)) || 'LOW';
  }

  function renderCounts(counts) {
    const list = $('persona-counts');
    list.replaceChildren(...counts.map((count) => {
      const worst = SEVERITIES.find((severity) => count[severity] > 0) || 'LOW';
      const leads = count.criticality === 'CRITICAL' && count.CRITICAL > 0;
      return el('li', { class: 'persona-card worst-' + worst.toLowerCase() + (leads ? ' leads' : ''),
        dataset: { persona: count.persona } },
        el('h3', { class: 'name' }, count.name),
        el('p', { class: 'total' }, el('span', { class: 'count-total' }, count.total), ' ',
          el('small', null, count.total === 1 ? 'open gap' : 'open gaps')),
        el('ul', { class: 'sev-counts', 'aria-label': 'By severity' },
          SEVERITIES.filter((severity) => count[severity] > 0).map((severity) =>
            el('li', { class: 'sev sev-' + severity.toLowerCase(), dataset: { severity } },
              count[severity] + ' ' + severity.toLowerCase()))));
    }));
    const total = state.gaps.size;
    $('total-count').textContent = total === 1 ? '· 1 open gap' : '· ' + total + ' open gaps';
    $('no-gaps').hidden = total > 0;
  }

  function projectButton(projectId) {
    return el('button', { type: 'button', class: 'link-button project-link',
      dataset: { projectId, focusKey: 'project:' + projectId },
      onclick: () => openProject(projectId) }, projectName(projectId));
  }

  function gapRow(gap, byPersona) {
    const effective = effectiveText(gap.effectiveDate);
    const recentlyChanged = Date.now() - (state.changed.get(gap.seatKey) || 0) < 3000;
    const candidates = Array.isArray(gap.candidates) ? gap.candidates : [];
    return el('tr', { class: 'gap-row sev-row-' + String(gap.severity).toLowerCase() + (recentlyChanged ? ' changed' : ''),
      dataset: { seatKey: gap.seatKey } },
      el('td', null, severityBadge(gap.severity)),
      el('td', null,
        byPersona ? projectButton(gap.projectId) : el('span', null, personaName(gap.persona)),
        el('div', { class: 'seat-id' }, gap.slotId + ' · seat ' + gap.seat)),
      el('td', { class: 'reason' }, REASONS[gap.reason] || gap.reason),
      el('td', { class: 'detail' }, gap.detail,
        gap.suggestion ? el('div', { class: 'suggestion' }, 'Suggestion: ' + gap.suggestion) : null,
        candidates.length ? el('details', { class: 'candidates' }, el('summary', null,
          candidates.length + (candidates.length === 1 ? ' nearest candidate' : ' nearest candidates')),
          el('ul', null, candidates.map((candidate) => el('li', null, candidate)))) : null),
      el('td', { class: effective.near ? 'date-near' : null }, effective.text),
      el('td', { class: 'handling' }, handling(gap)));
  }

  function handling(gap) {
    const parts = [];
    if (gap.escalationLevel > 0) {
      parts.push(el('div', { class: 'escalation' }, 'Escalated, level ' + gap.escalationLevel
          + (gap.escalatedAt ? ' (' + formatInstant(gap.escalatedAt) + ')' : '')));
    }
    if (gap.acknowledgedBy) {
      parts.push(el('div', { class: 'ack' }, 'Acknowledged by ' + gap.acknowledgedBy
          + (gap.acknowledgedAt ? ', ' + formatInstant(gap.acknowledgedAt) : '')));
      if (gap.acknowledgementNote) parts.push(el('div', { class: 'ack-note' }, '“' + gap.acknowledgementNote + '”'));
    } else {
      parts.push(el('div', { class: 'unacked' }, 'Not acknowledged'));
    }
    if (state.me && state.me.canChange) parts.push(acknowledgeControl(gap));
    return parts;
  }

  // Managers acknowledge from the board; the form survives live re-rendering through state.acknowledging.
  function acknowledgeControl(gap) {
    const open = state.acknowledging && state.acknowledging.seatKey === gap.seatKey ? state.acknowledging : null;
    if (!open) {
      return el('button', { type: 'button', class: 'button-quiet button-small acknowledge',
        dataset: { focusKey: 'ack:' + gap.seatKey },
        onclick: () => {
          state.acknowledging = { seatKey: gap.seatKey, note: '', error: null };
          render();
          const input = document.querySelector('[data-focus-key="note:' + CSS.escape(gap.seatKey) + '"]');
          if (input) input.focus();
        } }, gap.acknowledgedBy ? 'Acknowledge again' : 'Acknowledge');
    }
    const noteId = 'note-' + gap.seatKey.replace(/[^A-Za-z0-9_-]/g, '_');
    const input = el('input', { id: noteId, name: 'note', maxlength: 1000, autocomplete: 'off',
      dataset: { focusKey: 'note:' + gap.seatKey },
      oninput: (event) => { open.note = event.target.value; } });
    input.value = open.note || '';
    return el('form', { class: 'ack-form', onsubmit: (event) => {
      event.preventDefault();
      acknowledge(gap, input.value.trim());
    } },
      el('label', { for: noteId }, 'Note (optional)'), input,
      open.error ? el('p', { class: 'form-error', role: 'alert' }, open.error) : null,
      el('div', { class: 'actions' },
        el('button', { type: 'submit', class: 'button-primary' }, 'Acknowledge'),
        el('button', { type: 'button', class: 'button-quiet button-small', onclick: () => {
          state.acknowledging = null;
          render();
        } }, 'Cancel')));
  }

  function gapTable(gaps, byPersona) {
    return el('table', { class: 'gaps' },
      el('thead', null, el('tr', null,
        el('th', { scope: 'col' }, 'Severity'),
        el('th', { scope: 'col' }, byPersona ? 'Project and seat' : 'Persona and seat'),
        el('th', { scope: 'col' }, 'Reason'),
        el('th', { scope: 'col' }, 'Detail'),
        el('th', { scope: 'col' }, 'Effective'),
        el('th', { scope: 'col' }, 'Handling'))),
      el('tbody', null, gaps.map((gap) => gapRow(gap, byPersona))));
  }

  const MOST_URGENT_FIRST = (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
      || String(a.effectiveDate).localeCompare(String(b.effectiveDate)) || a.seatKey.localeCompare(b.seatKey);

  function renderGroups(counts) {
    const byPersona = state.groupBy === 'persona';
    const groups = new Map();
    for (const gap of [...state.gaps.values()].sort(MOST_URGENT_FIRST)) {
      const key = byPersona ? gap.persona : gap.projectId;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(gap);
    }
    let keys;
    if (byPersona) {
      keys = counts.map((count) => count.persona);
    } else {
      keys = [...groups.keys()].sort((a, b) =>
        SEVERITIES.indexOf(worstSeverity(groups.get(a))) - SEVERITIES.indexOf(worstSeverity(groups.get(b)))
        || groups.get(b).length - groups.get(a).length || projectName(a).localeCompare(projectName(b)));
    }
    $('gap-groups').replaceChildren(...keys.map((key) => {
      const gaps = groups.get(key);
      const headingId = 'group-' + (byPersona ? 'persona-' : 'project-') + key.replace(/[^A-Za-z0-9_-]/g, '_');
      return el('section', { class: 'group', 'aria-labelledby': headingId,
        dataset: byPersona ? { persona: key } : { projectId: key } },
        el('h3', { id: headingId }, byPersona ? personaName(key) : projectButton(key),
          el('span', { class: 'count' }, '(' + gaps.length + ')')),
        gapTable(gaps, byPersona));
    }));
  }

  // Live updates rebuild the lists; whatever had the keyboard focus (a project link, a note field) gets it back.
  function render() {
    const active = document.activeElement;
    const focusKey = active && active.dataset ? active.dataset.focusKey || null : null;
    const caret = active && active.selectionStart !== undefined ? active.selectionStart : null;
    const counts = countsByPersona();
    renderCounts(counts);
    renderGroups(counts);
    if (focusKey) {
      const again = document.querySelector('#gap-groups [data-focus-key="' + CSS.escape(focusKey) + '"]');
      if (again) {
        again.focus();
        if (caret !== null && again.setSelectionRange) again.setSelectionRange(caret, caret);
      }
    }
  }

  // ---- project drill-down ------------------------------------------------------------------------------------
  async function openProject(projectId) {
    state.openProject = projectId;
    try {
      renderProject(await fetchJson('/api/projects/' + encodeURIComponent(projectId) + '/staffing'));
    } catch (error) {
      showError('Could not load project ' + projectId + ' (' + error.message + ').');
    }
  }

  function refreshProjectSoon() {
    clearTimeout(state.projectRefresh);
    state.projectRefresh = setTimeout(() => {
      if (state.openProject) openProject(state.openProject);
    }, 300);
  }

  function renderProject(project) {
    if (state.openProject !== project.id) return;
    state.projectNames.set(project.id, project.name);
    const panel = $('project-detail');
    const wasHidden = panel.hidden;
    panel.hidden = false;
    $('project-hint').hidden = true;
    panel.dataset.projectId = project.id;
    $('project-heading').textContent = project.name;
    const meta = [['Project', project.id], ['Pool', project.pool], ['Priority', project.priority],
      ['Runs', (project.startDate || '?') + ' to ' + (project.endDate || '?')],
      ['Status', project.closed ? 'Closed' : 'Open'], ['Open gaps', (project.openGaps || []).length]];
    $('project-meta').replaceChildren(...meta.flatMap(([term, value]) => [el('dt', null, term), el('dd', null, value)]));
    const rows = [];
    for (const slot of project.slots || []) {
      for (const seat of slot.seats || []) {
        rows.push(el('tr', { dataset: { seatKey: project.id + '/' + slot.slotId + '/' + seat.seat } },
          el('td', null, slot.slotId),
          el('td', null, personaName(slot.persona)),
          el('td', null, seat.seat),
          seat.employeeId
            ? el('td', { class: 'holder' }, seat.employeeId)
            : el('td', { class: 'holder empty-seat' }, 'Empty'),
          el('td', null, seat.gap ? [severityBadge(seat.gap.severity), ' ', REASONS[seat.gap.reason] || seat.gap.reason]
            : '')));
      }
    }
    $('project-seats').tBodies[0].replaceChildren(...rows);
    if (wasHidden) $('project-heading').focus();
  }

  function closeProject() {
    const projectId = state.openProject;
    state.openProject = null;
    $('project-detail').hidden = true;
    $('project-hint').hidden = false;
    const back = projectId && document.querySelector('button[data-project-id="' + CSS.escape(projectId) + '"]');
    if (back) back.focus();
  }

  // ---- errors ------------------------------------------------------------------------------------------------
  function showError(message) {
    const banner = $('load-error');
    banner.textContent = message;
    banner.hidden = false;
  }

  function hideError() {
    $('load-error').hidden = true;
  }

  // ---- start -------------------------------------------------------------------------------------------------
  document.querySelectorAll('input[name="group-by"]').forEach((input) => input.addEventListener('change', () => {
    state.groupBy = input.value;
    scheduleRender();
  }));
  $('close-project').addEventListener('click', closeProject);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.openProject) closeProject();
  });

  loadPersonas();
  loadCurrentUser();
  loadSnapshot();
  connect();
})();
