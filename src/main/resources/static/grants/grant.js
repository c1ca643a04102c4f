// A grant's page (/grants/{reference}) and the list of one's grants (/grants/): reads
// /api/grants/{reference} or /api/grants (already limited to what the signed-in user may read).
// Text from the data is only ever set as text.
(function () {
  'use strict';

  const LOCALE = 'en-GB';
  const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
  let currency = 'EUR';
  const money = (amount) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 2 })
    .format(Number(amount));
  const whole = (amount) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 })
    .format(Number(amount));
  const day = (value) => (value ? dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00` : value)) : '');

  /** el('li', {class: 'x'}, 'text', childNode, ...) */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    });
    children.flat().forEach((child) => {
      if (child !== undefined && child !== null && child !== '') node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  function fill(id, items, empty) {
    const list = document.getElementById(id);
    list.replaceChildren(...(items.length ? items : [el('li', { class: 'meta' }, empty)]));
  }

  async function get(path) {
    const response = await fetch(path, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.status === 401) {
      window.location.href = '../camunda/app/tasklist/'; // sign in first
      return null;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.message || `The page could not be loaded (${response.status}).`);
    }
    return response.json();
  }

  async function load() {
    const reference = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());
    if (!reference || reference === 'grants') {
      const grants = await get('../api/grants');
      if (grants) list(grants);
    } else {
      const grant = await get(`../api/grants/${encodeURIComponent(reference)}`);
      if (grant) render(grant);
    }
  }

  function list(grants) {
    const open = grants.filter((g) => !g.ended);
    if (open.length === 1 && grants.length === 1) {
      window.location.replace(`${open[0].reference}`);
      return;
    }
    document.getElementById('status').textContent = '';
    document.getElementById('heading').textContent = 'Your grants';
    document.getElementById('eyebrow').textContent = 'City experimentation grants';
    document.getElementById('list').hidden = false;
    fill('grants', grants.map((g) => el('li', {},
      el('div', { class: 'row' }, el('a', { href: g.reference, class: 'what' }, `${g.cityName} · ${g.reference}`),
        el('span', { class: 'pill' }, g.phase)))), 'No grant is yours to follow yet.');
  }

  function render(g) {
    currency = g.currency || 'EUR';
    document.title = `${g.cityName} · ${g.reference}`;
    document.getElementById('eyebrow').textContent = g.programmeName || 'City experimentation grant';
    document.getElementById('heading').textContent = `${g.cityName} · ${g.reference}`;
    document.getElementById('subtitle').textContent = [g.status.label, g.objective,
      g.coach ? `coach: ${g.coach.name}` : null].filter(Boolean).join(' · ');
    document.getElementById('status').textContent = '';
    document.getElementById('grant').hidden = false;
    tiles(g);
    nextSteps(g);
    terms(g);
    payments(g);
    experiments(g);
    reports(g);
    fill('peers', (g.cohortLearnings || []).map((l) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, `${l.cityName}: ${l.experimentTitle}`),
        l.decision ? el('span', { class: 'pill' }, l.decision) : null),
      el('div', { class: 'meta' }, [l.type, l.decidedAt ? day(l.decidedAt) : null].filter(Boolean).join(' · ')),
      el('p', { class: 'feedback' }, l.learnings))), 'No other city of the cohort has shared its learnings yet.');
    fill('stepsDone', g.stepsDone.slice().reverse().map((s) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, s.name), el('span', { class: 'meta' }, day(s.at))),
      s.by ? el('div', { class: 'meta' }, `by ${s.by}`) : null)), 'Nothing done yet.');
  }

  function tiles(g) {
    const next = g.payments.find((p) => p.status !== 'paid');
    const values = [];
    if (g.money) {
      values.push([whole(g.money.awarded), 'awarded']);
      values.push([whole(g.money.paid), 'received so far']);
      values.push([whole(g.money.reportedSpent), 'spending accepted']);
    } else if (g.terms.requested) {
      values.push([whole(g.terms.requested), 'requested']);
    }
    if (next) {
      values.push([whole(next.amount), `next payment${next.atMost ? ' (at most)' : ''}${next.date ? `, around ${day(next.date)}` : ''}`]);
    }
    if (g.terms.preparationDeadline && g.status.key === 'preparation') {
      values.push([day(g.terms.preparationDeadline), 'end of the preparation time', 'date']);
    } else if (g.terms.programmeEnd && !g.status.ended) {
      values.push([day(g.terms.programmeEnd), 'end of the programme', 'date']);
    }
    document.getElementById('tiles').replaceChildren(...values.map(([value, label, kind]) =>
      el('div', { class: `tile money ${kind || ''}` }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label))));
  }

  function nextSteps(g) {
    const items = g.nextSteps.map((s) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, s.name),
        s.dueBy ? el('span', { class: s.overdue ? 'overdue-note' : 'meta' }, `${s.overdue ? 'was due by' : 'due by'} ${day(s.dueBy)}`) : null),
      el('div', { class: 'meta' }, s.yours ? 'Yours to do' : `With ${s.heldBy}`),
      s.taskUrl ? el('a', { class: 'open', href: s.taskUrl }, 'Open in Tasklist') : null));
    const empty = g.status.ended ? `This grant has ended: ${g.status.label.toLowerCase()}.`
      : 'Nothing is waiting for anyone right now: the grant waits for a date (a report due, an experiment under way).';
    fill('nextSteps', items, empty);
  }

  function terms(g) {
    const t = g.terms;
    const rows = [];
    const add = (label, value) => { if (value) rows.push(el('dt', {}, label), el('dd', {}, value)); };
    add('Requested', t.requested && money(t.requested));
    add('Awarded', t.awarded ? money(t.awarded) : 'not decided yet');
    add('Objective', g.objective);
    add('Preparation time', t.preparationTime && (t.preparationDeadline
      ? `${t.preparationTime}, until ${day(t.preparationDeadline)}${t.preparationExtensions ? ` (extended ${t.preparationExtensions === 1 ? 'once' : `${t.preparationExtensions} times`})` : ''}`
      : t.preparationTime));
    add('Programme', t.programmeDuration && (t.programmeEnd ? `${t.programmeDuration}, until ${day(t.programmeEnd)}` : t.programmeDuration));
    if (t.advanceRatePercent != null) {
      add('Advance', `${t.advanceAmount ? money(t.advanceAmount) : ''} (${t.advanceRatePercent}% of the award${t.advanceRateDecided ? '' : ', set when the procurement plan is approved'})`);
    }
    if (t.acceptance) {
      add('Accepted', el('span', {}, `by ${t.acceptance.acceptedBy} on ${day(t.acceptance.acceptedAt)}`,
        t.acceptance.agreementUrl ? [' · ', el('a', { href: `..${t.acceptance.agreementUrl}` }, 'Download the agreement (PDF)')] : null));
    } else if (t.awarded && g.status.key === 'award-offered') {
      add('Accepted', 'not yet: the terms wait for the city team\u2019s answer in Tasklist');
    }
    add('Coach', g.coach && (g.coach.email ? el('span', {}, `${g.coach.name} · `, el('a', { href: `mailto:${g.coach.email}` }, g.coach.email)) : g.coach.name));
    document.getElementById('termsList').replaceChildren(...rows);
    fill('budgetLines', t.budgetLines.map((l) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, l.label), el('span', { class: 'amount' }, money(l.allocated))),
      el('div', { class: 'meta' }, l.purpose),
      el('div', { class: 'meta' }, `${money(l.committed)} set aside · ${money(l.remaining)} left`))),
    'The budget lines are set when the grant is awarded.');
  }

  function payments(g) {
    fill('payments', g.payments.map((p) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, p.label),
        el('span', { class: 'amount' }, `${p.atMost ? 'at most ' : ''}${money(p.amount)}`)),
      el('div', { class: 'row' }, el('span', { class: `pill ${p.status}` }, p.statusLabel),
        el('span', { class: 'meta' }, p.date ? (p.status === 'expected' ? `around ${day(p.date)}` : day(p.date)) : 'date not known yet')),
      el('div', { class: 'meta' }, p.basis))), 'Payments start once the grant is awarded.');
  }

  function experiments(g) {
    fill('experiments', g.experiments.map((e) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, `${e.number}. ${e.title}`),
        el('span', { class: 'pill' }, e.decision || 'under way')),
      el('div', { class: 'meta' }, [e.type, e.budget ? `budget ${money(e.budget)}` : null,
        e.spent ? `spent ${money(e.spent)}` : null,
        e.decidedAt ? `decided ${day(e.decidedAt)}` : e.endsAt ? `ends ${day(e.endsAt)}` : null].filter(Boolean).join(' · ')))),
    'No experiment yet: they start after the preparation time and the investment committee.');
  }

  function reports(g) {
    fill('reports', g.reports.slice().reverse().map((r) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, r.name), el('span', { class: 'pill' }, r.outcome)),
      el('div', { class: 'meta' }, [`submitted ${day(r.submittedAt)}`,
        r.reviewedAt ? `reviewed ${day(r.reviewedAt)}${r.reviewedBy ? ` by ${r.reviewedBy}` : ''}` : null].filter(Boolean).join(' · ')),
      r.feedback ? el('p', { class: 'feedback' }, r.feedback) : null)), 'No report yet.');
  }

  load().catch((error) => {
    const status = document.getElementById('status');
    status.textContent = error.message;
    status.classList.add('error');
  });
}());
