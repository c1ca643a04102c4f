// The cohort view: reads /api/cohort (already filtered for the signed-in user) and fills the
// page; Chart.js (webjar) draws the two charts. Text from the data is only ever set as text.
(function () {
  'use strict';

  const TYPES = { solution: 'Solution', people: 'People', impact: 'Impact', resources: 'Resources' };
  const DECISIONS = { persevere: 'persevere', pivot: 'pivot', stop: 'stop' };
  const COLORS = { persevere: '#2e9d5b', pivot: '#e0a21b', stop: '#d1493f', running: '#a9b1c1',
    awarded: '#b9cdf3', paid: '#2457c5', reportedSpent: '#17a2a0' };

  let currency = 'EUR';
  const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const money = (amount) => new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: 0 })
    .format(Number(amount));

  /** el('td', {class: 'num'}, 'text', childNode, ...) */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    });
    children.flat().forEach((child) => {
      if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
    });
    return node;
  }

  async function load() {
    const response = await fetch('../api/cohort', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    });
    if (response.status === 401) {
      window.location.href = '../camunda/app/tasklist/'; // sign in, then come back
      return;
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.message || `The cohort could not be loaded (${response.status}).`);
    }
    render(await response.json());
  }

  function render(view) {
    currency = view.currency || 'EUR';
    if (view.programmeName) {
      document.getElementById('programme').textContent = view.programmeName;
      document.title = `Cohort view · ${view.programmeName}`;
    }
    document.getElementById('generated').textContent = `As of ${dateTimeFormat.format(new Date(view.generatedAt))}`;
    document.getElementById('viewer').textContent = `${view.viewer.name} · ${view.viewer.roleLabel}`;
    document.getElementById('status').textContent = '';

    tiles(view);
    cities(view);
    decisionsChart(view.grants);
    moneyChart(view);
    wins(view.wins);
    overdue(view);
    learnings(view.learnings || []);
    exchanges(view);
  }

  function tiles(view) {
    const s = view.summary;
    const items = [
      [s.grants, s.grants === 1 ? 'city grant' : 'city grants'],
      [s.experiments, 'experiments run'],
      [s.wins, s.wins === 1 ? 'win shared' : 'wins shared'],
      [s.overdueReports, s.overdueReports === 1 ? 'report overdue' : 'reports overdue']
    ].map(([value, label]) => el('div', { class: 'tile' }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label)));
    if (s.money) {
      [['awarded', 'awarded'], ['paid', 'paid to cities'], ['reportedSpent', 'reported spent']].forEach(([key, label]) =>
        items.push(el('div', { class: 'tile money' }, el('div', { class: 'value' }, money(s.money[key])),
          el('div', { class: 'label' }, label))));
    }
    document.getElementById('tiles').replaceChildren(...items);
  }

  function cities(view) {
    const hint = {
      programme: 'Every grant of the programme, with its money.',
      coach: 'Money and reporting for the cities you coach; phases and experiments of the whole cohort.',
      city: 'Your grant in full; the other cities’ phases and experiments, so you can learn from each other.'
    };
    document.getElementById('citiesHint').textContent = hint[view.viewer.role] || '';
    const rows = view.grants.map((g) => el('tr', { class: g.access === 'full' && view.viewer.role !== 'programme' ? 'yours' : null },
      // the grant's own page, for those who may read it in full (the server leaves the link out otherwise)
      el('td', {}, g.page ? el('a', { class: 'city', href: `..${g.page}` }, g.cityName) : el('span', { class: 'city' }, g.cityName),
        el('span', { class: 'small' }, g.grantReference),
        g.coach ? el('span', { class: 'small' }, `coach ${g.coach.name}`) : null),
      el('td', {}, el('span', { class: `badge ${g.phase.key}` }, g.phase.label),
        g.preparationLate ? el('span', { class: 'badge late' }, 'late') : null),
      el('td', {}, progress(g.preparation)),
      el('td', {}, experimentChips(g)),
      ...moneyCells(g)));
    document.querySelector('#cities tbody').replaceChildren(...rows);
  }

  function progress(preparation) {
    const percent = Math.round((100 * preparation.done) / preparation.total);
    const steps = preparation.steps.map((s) => `${s.done ? '✓' : '○'} ${s.label}`).join('\n');
    return el('div', { class: 'progress', title: steps },
      el('div', { class: `bar${preparation.done === preparation.total ? ' complete' : ''}` }, el('span', { style: `width:${percent}%` })),
      el('span', { class: 'count' }, `${preparation.done}/${preparation.total}`));
  }

  function experimentChips(grant) {
    if (grant.experiments.length === 0) return el('span', { class: 'small' }, 'none yet');
    return el('div', { class: 'chips' }, grant.experiments.map((e) => el('span', {
      class: `chip ${e.outcome || 'running'}`,
      title: `#${e.number}${e.title ? ` ${e.title}` : ''} (${e.type})${e.budget ? ` · budget ${money(e.budget)}` : ''}`
    }, `${e.type} · ${e.outcome || 'running'}`)), grant.experiments.some((e) => e.win) ? el('span', { class: 'chip win' }, '★ win') : null);
  }

  function moneyCells(grant) {
    if (!grant.money) {
      const text = grant.access === 'full' ? 'not awarded yet' : 'not shared';
      return [el('td', { class: 'num', colspan: 3 }, el('span', { class: 'private' }, text))];
    }
    return ['awarded', 'paid', 'reportedSpent'].map((key) => el('td', { class: 'num' }, money(grant.money[key])));
  }

  function decisionsChart(grants) {
    const labels = grants.map((g) => g.cityName);
    const series = ['persevere', 'pivot', 'stop', 'running'].map((key) => ({
      label: key === 'running' ? 'still running' : key,
      data: grants.map((g) => g.decisions[key]),
      backgroundColor: COLORS[key],
      borderRadius: 3
    }));
    new Chart(document.getElementById('decisionsChart'), {
      type: 'bar',
      data: { labels, datasets: series },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'experiments' } },
          y: { stacked: true } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function moneyChart(view) {
    const grants = view.grants.filter((g) => g.money);
    const hint = document.getElementById('moneyHint');
    if (grants.length === 0) {
      hint.textContent = 'No grant you may see the money of has been awarded yet.';
      document.querySelector('#moneyCard .chart').remove();
      return;
    }
    hint.textContent = view.viewer.role === 'programme'
      ? 'Awarded capital, payments to the city and accepted spending, per grant.'
      : 'Only the grants whose money you may see.';
    const series = [['awarded', 'awarded'], ['paid', 'paid'], ['reportedSpent', 'reported spent']].map(([key, label]) => ({
      label,
      data: grants.map((g) => Number(g.money[key])),
      backgroundColor: COLORS[key],
      borderRadius: 3,
      maxBarThickness: 44
    }));
    new Chart(document.getElementById('moneyChart'), {
      type: 'bar',
      data: { labels: grants.map((g) => g.cityName), datasets: series },
      options: {
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, grace: '8%', ticks: { callback: (value) => money(value) } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(c.parsed.y)}` } }
        }
      }
    });
  }

  function wins(list) {
    const items = list.map((w) => el('li', {},
      el('time', { datetime: w.flaggedAt }, dateFormat.format(new Date(w.flaggedAt))),
      el('div', {}, el('strong', {}, w.cityName), w.flaggedBy ? el('span', { class: 'small' }, `flagged by ${w.flaggedBy}`) : null,
        el('p', { class: 'story' }, w.story))));
    document.getElementById('wins').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, 'No win flagged yet.')]));
  }

  function learnings(list) {
    const items = list.map((l) => el('li', {},
      el('time', { datetime: l.sharedAt }, dateFormat.format(new Date(l.sharedAt))),
      el('div', {}, el('strong', {}, l.cityName), ` · ${l.experimentTitle}`,
        el('span', { class: 'small' }, `${TYPES[l.experimentType] || l.experimentType} experiment · decided to ${DECISIONS[l.decision] || l.decision}`),
        el('p', { class: 'story' }, l.learnings))));
    document.getElementById('learnings').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty' }, 'No city has shared its learnings yet.')]));
  }

  function exchanges(view) {
    document.getElementById('exchangesHint').textContent = view.viewer.role === 'city'
      ? 'The sessions of your programme, with what was shared there.'
      : 'The sessions programme managers held, with their notes.';
    const items = (view.peerExchanges || []).map((x) => el('li', {},
      el('time', { datetime: x.heldOn }, dateFormat.format(new Date(`${x.heldOn}T12:00:00`))),
      el('div', {}, el('strong', {}, x.theme),
        el('span', { class: 'small' }, [x.programmeName, x.heldBy ? `held by ${x.heldBy}` : null].filter(Boolean).join(' · ')),
        x.notes ? el('p', { class: 'story' }, x.notes) : null)));
    document.getElementById('exchanges').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty' }, 'No peer exchange held yet.')]));
  }

  function overdue(view) {
    document.getElementById('overdueHint').textContent = view.viewer.role === 'programme'
      ? 'Progress and final reports past their due date.'
      : 'Progress and final reports past their due date, for your grants.';
    const items = view.overdueReports.map((r) => el('li', {},
      el('div', {}, el('strong', {}, r.cityName), ` · ${r.report}`,
        el('span', { class: 'small' }, `${r.grantReference} · due ${dateFormat.format(new Date(r.dueDate))}`)),
      el('span', { class: 'days' }, r.daysOverdue === 1 ? '1 day late' : `${r.daysOverdue} days late`)));
    document.getElementById('overdue').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, 'No report is overdue.')]));
  }

  load().catch((error) => {
    const status = document.getElementById('status');
    status.textContent = error.message;
    status.classList.add('error');
  });
})();
