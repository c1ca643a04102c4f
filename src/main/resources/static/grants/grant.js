// A grant's page (/grants/{reference}) and the list of one's grants (/grants/): reads
// /api/grants/{reference} or /api/grants (already limited to what the signed-in user may read).
// Text from the data is only ever set as text. The page's own words come from /api/texts/grant-page
// (PageTexts), in the reader's language, and so do the formats of dates and amounts.
(function () {
  'use strict';

  let texts = null;
  let t = (key) => key;
  let LOCALE = 'en-GB';
  let dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
  let currency = 'EUR';
  const money = (amount) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 2 })
    .format(Number(amount));
  const whole = (amount) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 })
    .format(Number(amount));
  const day = (value) => (value ? dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00` : value)) : '');

  function useTexts(loaded) {
    texts = loaded;
    t = loaded.t;
    LOCALE = loaded.locale;
    dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' });
    PageTexts.apply(loaded);
    document.title = t('title');
  }

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
      throw new Error(body.message || t('common.loadFailed', response.status));
    }
    return response.json();
  }

  async function load() {
    const reference = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());
    const listing = !reference || reference === 'grants';
    // the texts and the data in parallel: one round trip on a slow line
    const [loaded, data] = await Promise.all([PageTexts.load('grant-page'),
      get(listing ? '../api/grants' : `../api/grants/${encodeURIComponent(reference)}`)]);
    if (!loaded || !data) return;
    useTexts(loaded);
    PageTexts.chooser(loaded, load);
    if (listing) list(data); else render(data);
  }

  function list(grants) {
    const open = grants.filter((g) => !g.ended);
    if (open.length === 1 && grants.length === 1) {
      window.location.replace(`${open[0].reference}`);
      return;
    }
    document.getElementById('status').textContent = '';
    document.getElementById('heading').textContent = t('yourGrants');
    document.getElementById('eyebrow').textContent = t('productName');
    document.getElementById('list').hidden = false;
    fill('grants', grants.map((g) => el('li', {},
      el('div', { class: 'row' }, el('a', { href: g.reference, class: 'what' }, `${g.cityName} · ${g.reference}`),
        el('span', { class: 'pill' }, g.phase)))), t('noGrant'));
  }

  function render(g) {
    currency = g.currency || 'EUR';
    document.title = `${g.cityName} · ${g.reference}`;
    document.getElementById('eyebrow').textContent = g.programmeName || t('oneGrant');
    document.getElementById('heading').textContent = `${g.cityName} · ${g.reference}`;
    document.getElementById('subtitle').textContent = [g.paused ? t('paused.title') : null, g.status.label, g.objective,
      g.coach ? t('coachIs', g.coach.name) : null].filter(Boolean).join(' · ');
    document.getElementById('status').textContent = '';
    document.getElementById('grant').hidden = false;
    paused(g);
    actions(g);
    tiles(g);
    nextSteps(g);
    terms(g);
    payments(g);
    experiments(g);
    reports(g);
    fill('documents', (g.documents || []).map((d) => el('li', {},
      el('div', { class: 'row' }, el('a', { class: 'what', href: `..${d.href}`, download: '' }, d.name)),
      el('div', { class: 'meta' }, t('documentBy', d.step, d.size, d.by, day(d.at))))), t('noDocuments'));
    changes(g);
    document.getElementById('spendingCard').hidden = !(g.spending || []).length;
    fill('spending', (g.spending || []).map((i) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, i.description), el('span', { class: 'meta' }, i.amount)),
      el('div', { class: 'meta' }, [day(i.spentOn), i.line, i.original, i.rate].filter(Boolean).join(' · ')),
      i.documentHref ? el('a', { href: `..${i.documentHref}`, download: '' }, t('spending.invoice')) : null)), '');
    fill('peers', (g.cohortLearnings || []).map((l) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, `${l.cityName}: ${l.experimentTitle}`),
        l.decision ? el('span', { class: 'pill' }, l.decision) : null),
      el('div', { class: 'meta' }, [l.type, l.decidedAt ? day(l.decidedAt) : null].filter(Boolean).join(' · ')),
      el('p', { class: 'feedback' }, l.learnings))), t('noPeers'));
    fill('stepsDone', g.stepsDone.slice().reverse().map((s) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, s.name), el('span', { class: 'meta' }, day(s.at))),
      s.by ? el('div', { class: 'meta' }, t('by', s.by)) : null)), t('nothingDone'));
  }

  /** A paused grant says so first: since when, by whom, why, until when (grant.pause). */
  function paused(g) {
    const card = document.getElementById('pausedCard');
    card.hidden = !g.paused;
    if (!g.paused) return;
    const p = g.paused;
    document.getElementById('pausedSince').textContent = t('paused.since', day(p.since), p.by);
    document.getElementById('pausedWhy').textContent = t('paused.why', p.note ? `${p.reasonLabel}. ${p.note}` : p.reasonLabel);
    document.getElementById('pausedExpected').textContent = p.overdue ? t('paused.overdue', day(p.expectedResume))
      : t('paused.expected', day(p.expectedResume));
  }

  // --- what the reader may do: officers pause, resume and stop early, managers change the coach.
  // The server says which (g.actions, from the reader's roles and the grant's state) and decides
  // again when it is done; a refusal is shown in its words and what was typed stays.

  async function send(path, body) {
    const response = await fetch(path, {
      method: path.endsWith('/coach') ? 'PUT' : 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest',
        'X-XSRF-TOKEN': await PageTexts.csrfToken() },
      body: JSON.stringify(body || {})
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.message || t('common.loadFailed', response.status));
    return answer;
  }

  /** Sends one file to the grant's files for a step; resolves with the file kept, rejects with the server's words. */
  async function upload(path, file, step) {
    const body = new FormData();
    body.append('file', file);
    body.append('step', step);
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': await PageTexts.csrfToken() },
      body
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.message || t('common.loadFailed', response.status));
    return answer;
  }

  function field(label, control) {
    const id = `act-${control.name}`;
    control.id = id;
    return el('div', { class: 'field' }, el('label', { for: id }, label), control);
  }

  /** One action: heading, hint, fields, button; on success the page is drawn again from the server. */
  function action(g, name, fields, submit) {
    const button = el('button', { type: 'submit', class: name === 'stop' || name === 'askStop' ? 'danger' : null },
      t(`act.${name}.submit`));
    // the form's own line for "saving" and refusals, beside its button (on a phone the card's top is out of sight)
    const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const form = el('form', { class: `action ${name}`, novalidate: '' },
      el('p', { class: 'hint' }, t(`act.${name}.hint`, g.coach ? g.coach.name : '')), ...fields, button, status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      status.classList.remove('error');
      status.textContent = t('act.working');
      button.disabled = true;
      try {
        const done = await submit(form);
        if (done === null) { status.textContent = ''; return; } // not confirmed
        const fresh = await get(`../api/grants/${encodeURIComponent(g.reference)}`);
        render(fresh);
        // the outcome at the top of the card, kept in sight even when no action is left to offer
        const card = document.getElementById('actionsCard');
        const outcome = document.getElementById('actionStatus');
        outcome.textContent = done;
        card.hidden = false;
        outcome.scrollIntoView({ block: 'center' });
      } catch (error) {
        status.textContent = t('act.failed', error.message);
        status.classList.add('error');
      } finally {
        button.disabled = false;
      }
    });
    // each action folds under its heading: the card reads as a short list of what one can do (a phone's screen)
    return el('details', { class: `action ${name}` }, el('summary', {}, el('h3', {}, t(`act.${name}.heading`))), form);
  }


  function actions(g) {
    const a = g.actions || {};
    const card = document.getElementById('actionsCard');
    const forms = [];
    const api = `../api/grants/${encodeURIComponent(g.reference)}`;
    if (a.resume) {
      forms.push(action(g, 'resume', [], async () => { await send(`${api}/resume`); return t('act.resume.done'); }));
    }
    if (a.pause) {
      const reason = el('select', { name: 'reason', required: '' },
        ...a.pauseReasons.map((r) => el('option', { value: r.value }, r.label)));
      const note = el('textarea', { name: 'note', rows: '2', maxlength: '2000' });
      const expected = el('input', { name: 'expectedResume', type: 'date', required: '' });
      forms.push(action(g, 'pause', [field(t('act.pause.reason'), reason), field(t('act.pause.note'), note),
        field(t('act.pause.expected'), expected)], async () => {
        await send(`${api}/pause`, { reason: reason.value, note: note.value.trim() || null,
          expectedResume: expected.value || null });
        return t('act.pause.done');
      }));
    }
    if (a.changeCoach) {
      const coach = el('select', { name: 'coach', required: '' },
        ...a.coaches.map((c) => el('option', { value: c.value }, c.label)));
      forms.push(action(g, 'coach', [field(t('act.coach.choose'), coach)], async () => {
        const chosen = coach.options[coach.selectedIndex].textContent;
        await send(`${api}/coach`, { coach: coach.value });
        return t('act.coach.done', chosen);
      }));
    }
    const options = (choices, empty) => [el('option', { value: '' }, empty), ...choices.map((c) => el('option', { value: c.value }, c.label))];
    if (a.amend || a.askChange) {
      const name = a.amend ? 'amend' : 'ask';
      const amount = el('input', { name: 'amount', type: 'number', min: '1', step: '0.01', inputmode: 'decimal' });
      const duration = el('select', { name: 'programmeDuration' }, ...options(a.durations, t('act.amend.unchanged')));
      const objective = el('select', { name: 'objective' }, ...options(a.objectives, t('act.amend.unchanged')));
      const why = el('textarea', { name: 'amendReason', rows: '2', maxlength: '2000', required: '' });
      forms.push(action(g, name, [field(t('act.amend.amount'), amount), field(t('act.amend.duration'), duration),
        field(t('act.amend.objective'), objective), field(t('act.amend.reason'), why)], async () => {
        const done = await send(`${api}/amendments`, { amount: amount.value || null,
          programmeDuration: duration.value || null, objective: objective.value || null, reason: why.value.trim() || null });
        return t(done.status === 'applied' ? 'act.change.applied' : 'act.change.waits');
      }));
    }
    if (a.moveBudget) {
      const from = el('select', { name: 'fromLine' }, ...options(a.budgetLines, ''));
      const to = el('select', { name: 'toLine' }, ...options(a.budgetLines, ''));
      const amount = el('input', { name: 'moveAmount', type: 'number', min: '1', step: '0.01', inputmode: 'decimal' });
      const why = el('textarea', { name: 'moveReason', rows: '2', maxlength: '2000', required: '' });
      forms.push(action(g, 'move', [field(t('act.move.from'), from), field(t('act.move.to'), to),
        field(t('act.move.amount'), amount), field(t('act.move.reason'), why)], async () => {
        const done = await send(`${api}/budget-moves`, { fromLine: from.value || null, toLine: to.value || null,
          amount: amount.value || null, reason: why.value.trim() || null });
        return t(done.status === 'applied' ? 'act.change.applied' : 'act.change.waits');
      }));
    }
    if (a.askStop) {
      const why = el('textarea', { name: 'askStopReason', rows: '2', maxlength: '2000', required: '' });
      forms.push(action(g, 'askStop', [field(t('act.askStop.reason'), why)], async () => {
        if (!window.confirm(t('act.askStop.confirm', g.reference))) return null;
        await send(`${api}/stop-requests`, { reason: why.value.trim() || null });
        return t('act.change.waits');
      }));
    }
    if (a.reportSpending) {
      const amount = el('input', { name: 'spentAmount', type: 'number', min: '0.01', step: '0.01', inputmode: 'decimal' });
      const money = el('select', { name: 'spentCurrency' }, ...a.currencies.map((c) => el('option', { value: c.value }, c.label)));
      const on = el('input', { name: 'spentOn', type: 'date', value: new Date().toISOString().substring(0, 10) });
      const line = el('select', { name: 'spentLine' }, ...a.budgetLines.map((c) => el('option', { value: c.value }, c.label)));
      const what = el('input', { name: 'spentFor', type: 'text', maxlength: '500' });
      const invoice = el('select', { name: 'spentInvoice' }, ...options(a.invoices, t('act.spend.noInvoice')));
      // a photo or scan of the invoice, sent first; once kept it becomes a choice of the list above, so that
      // a refusal of the spending and a second try do not send it twice
      const photo = el('input', { name: 'spentFile', type: 'file', accept: 'application/pdf,image/jpeg,image/png,image/webp' });
      const attached = field(t('act.spend.invoice'), invoice);
      attached.hidden = !(a.invoices || []).length;
      forms.push(action(g, 'spend', [field(t('act.spend.amount'), amount), field(t('act.spend.currency'), money),
        field(t('act.spend.on'), on), field(t('act.spend.line'), line), field(t('act.spend.for'), what),
        field(t('act.spend.file'), photo), attached], async () => {
        if (photo.files.length) {
          const kept = await upload(`${api}/documents`, photo.files[0], 'invoice');
          invoice.append(el('option', { value: kept.id }, kept.name));
          invoice.value = kept.id;
          photo.value = '';
          attached.hidden = false;
        }
        const item = await send(`${api}/spending`, { amount: amount.value || null, currency: money.value,
          spentOn: on.value || null, line: line.value, description: what.value.trim() || null,
          documentId: invoice.value || null });
        const said = (amount, code) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency: code }).format(Number(amount));
        return t('act.spend.done', item.unitsPerEuro
          ? `${said(item.originalAmount, item.originalCurrency)} = ${said(item.amount, item.currency)}`
          : said(item.amount, item.currency));
      }));
    }
    if (a.stopEarly) {
      const reason = el('textarea', { name: 'stopReason', rows: '2', maxlength: '2000', required: '' });
      forms.push(action(g, 'stop', [field(t('act.stop.reason'), reason)], async () => {
        if (!window.confirm(t('act.stop.confirm', g.reference))) return null;
        await send(`${api}/early-stop`, { reason: reason.value.trim() || null });
        return t('act.stop.done');
      }));
    }
    document.getElementById('actionStatus').textContent = '';
    if (forms.length === 1) forms[0].open = true; // the only thing to do: open already
    card.hidden = forms.length === 0;
    document.getElementById('actions').replaceChildren(...forms);
  }

  function tiles(g) {
    const next = g.payments.find((p) => p.status !== 'paid');
    const values = [];
    if (g.money) {
      values.push([whole(g.money.awarded), t('tile.awarded')]);
      values.push([whole(g.money.paid), t('tile.received')]);
      values.push([whole(g.money.reportedSpent), t('tile.accepted')]);
    } else if (g.terms.requested) {
      values.push([whole(g.terms.requested), t('tile.requested')]);
    }
    if (next) {
      const what = t(next.atMost ? 'tile.nextAtMost' : 'tile.next');
      values.push([whole(next.amount), next.date ? t('tile.around', what, day(next.date)) : what]);
    }
    if (g.terms.preparationDeadline && g.status.key === 'preparation') {
      values.push([day(g.terms.preparationDeadline), t('tile.preparationEnd'), 'date']);
    } else if (g.terms.programmeEnd && !g.status.ended) {
      values.push([day(g.terms.programmeEnd), t('tile.programmeEnd'), 'date']);
    }
    document.getElementById('tiles').replaceChildren(...values.map(([value, label, kind]) =>
      el('div', { class: `tile money ${kind || ''}` }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label))));
  }

  function nextSteps(g) {
    const items = g.nextSteps.map((s) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, s.name),
        g.paused ? el('span', { class: 'pill paused' }, t('paused.waits'))
          : s.dueBy ? el('span', { class: s.overdue ? 'overdue-note' : 'meta' }, t(s.overdue ? 'wasDueBy' : 'dueBy', day(s.dueBy))) : null),
      el('div', { class: 'meta' }, s.yours ? t('yours') : t('with', s.heldBy)),
      s.taskUrl ? el('a', { class: 'open', href: s.taskUrl }, t('open')) : null));
    const empty = g.status.ended ? t('ended', g.status.label.toLowerCase()) : t('nothingWaiting');
    fill('nextSteps', items, empty);
  }

  function terms(g) {
    const t = g.terms;
    const rows = [];
    const add = (label, value) => { if (value) rows.push(el('dt', {}, label), el('dd', {}, value)); };
    const w = texts.t;
    add(w('term.requested'), t.requested && money(t.requested));
    add(w('term.awarded'), t.awarded ? money(t.awarded) : w('term.notDecided'));
    add(w('term.objective'), g.objective);
    const extended = !t.preparationExtensions ? '' : t.preparationExtensions === 1 ? w('term.extendedOnce')
      : w('term.extendedTimes', t.preparationExtensions);
    add(w('term.preparation'), t.preparationTime && (t.preparationDeadline
      ? w('term.until', t.preparationTime, day(t.preparationDeadline)) + extended
      : t.preparationTime));
    add(w('term.programme'), t.programmeDuration && (t.programmeEnd ? w('term.until', t.programmeDuration, day(t.programmeEnd)) : t.programmeDuration));
    if (t.advanceRatePercent != null) {
      add(w('term.advance'), w(t.advanceRateDecided ? 'term.advanceDecided' : 'term.advanceEstimated',
        t.advanceAmount ? money(t.advanceAmount) : '', t.advanceRatePercent));
    }
    if (t.acceptance) {
      add(w('term.accepted'), el('span', {}, w('term.acceptedBy', t.acceptance.acceptedBy, day(t.acceptance.acceptedAt)),
        t.acceptance.agreementUrl ? [' · ', el('a', { href: `..${t.acceptance.agreementUrl}` }, w('term.download'))] : null));
    } else if (t.awarded && g.status.key === 'award-offered') {
      add(w('term.accepted'), w('term.notAccepted'));
    }
    add(w('term.coach'), g.coach && (g.coach.email ? el('span', {}, `${g.coach.name} · `, el('a', { href: `mailto:${g.coach.email}` }, g.coach.email)) : g.coach.name));
    document.getElementById('termsList').replaceChildren(...rows);
    fill('budgetLines', t.budgetLines.map((l) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, l.label), el('span', { class: 'amount' }, money(l.allocated))),
      el('div', { class: 'meta' }, l.purpose),
      el('div', { class: 'meta' }, w('line.setAside', money(l.committed), money(l.remaining))))),
    w('noLines'));
  }

  function payments(g) {
    fill('payments', g.payments.map((p) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, p.label),
        el('span', { class: 'amount' }, p.atMost ? t('atMost', money(p.amount)) : money(p.amount))),
      el('div', { class: 'row' }, el('span', { class: `pill ${p.status}` }, p.statusLabel),
        el('span', { class: 'meta' }, p.date ? (p.status === 'expected' ? t('around', day(p.date)) : day(p.date)) : t('dateUnknown'))),
      el('div', { class: 'meta' }, p.basis),
      (p.evidence || []).length ? el('div', { class: 'meta files' }, t('paymentFiles'), ' ',
        ...p.evidence.flatMap((f, i) => [i ? ' · ' : null, el('a', { href: `..${f.href}`, download: '' }, f.name)])) : null)),
    t('noPayments'));
  }

  function experiments(g) {
    fill('experiments', g.experiments.map((e) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, `${e.number}. ${e.title}`),
        el('span', { class: 'pill' }, e.decision || t('underWay'))),
      el('div', { class: 'meta' }, [e.type, e.budget ? t('budget', money(e.budget)) : null,
        e.spent ? t('spent', money(e.spent)) : null,
        e.decidedAt ? t('decided', day(e.decidedAt)) : e.endsAt ? t('ends', day(e.endsAt)) : null].filter(Boolean).join(' · ')))),
    t('noExperiments'));
  }

  /** The grant's changes, newest first: what was asked, why, by whom, what became of it. */
  function changes(g) {
    const list = g.changes || [];
    document.getElementById('changesCard').hidden = list.length === 0;
    fill('changes', list.slice().reverse().map((c) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, `${c.kindLabel}: ${c.summary}`),
        el('span', { class: `pill ${c.status}` }, c.statusLabel)),
      el('div', { class: 'meta' }, [t('changes.asked', c.requestedBy, day(c.requestedAt)),
        c.decidedBy ? t('changes.decided', c.decidedBy) : null,
        c.approvedBy ? t('changes.approved', c.approvedBy) : null].filter(Boolean).join(' · ')),
      el('p', { class: 'feedback' }, c.reason),
      c.note ? el('p', { class: 'feedback' }, t('changes.note', c.note)) : null)), '');
  }

  function reports(g) {
    fill('reports', g.reports.slice().reverse().map((r) => el('li', {},
      el('div', { class: 'row' }, el('span', { class: 'what' }, r.name), el('span', { class: 'pill' }, r.outcome)),
      el('div', { class: 'meta' }, [t('submitted', day(r.submittedAt)),
        r.reviewedAt ? (r.reviewedBy ? t('reviewedBy', day(r.reviewedAt), r.reviewedBy) : t('reviewed', day(r.reviewedAt))) : null]
        .filter(Boolean).join(' · ')),
      r.feedback ? el('p', { class: 'feedback' }, r.feedback) : null)), t('noReports'));
  }

  load().catch((error) => {
    const status = document.getElementById('status');
    status.textContent = error.message;
    status.classList.add('error');
  });
}());
