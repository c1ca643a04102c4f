// The cohort view: reads /api/cohort (already filtered for the signed-in user) and fills the
// page; Chart.js (webjar) draws the two charts. Text from the data is only ever set as text. The
// page's own words come from /api/texts/cohort (PageTexts), in the reader's language, and so do the
// formats of dates and amounts.
(function () {
  'use strict';

  let t = (key) => key;
  let LOCALE = 'en-GB';
  const charts = [];
  const COLORS = { persevere: '#2e9d5b', pivot: '#e0a21b', stop: '#d1493f', running: '#a9b1c1',
    awarded: '#b9cdf3', paid: '#2457c5', reportedSpent: '#17a2a0' };

  let currency = 'EUR';
  let dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
  let dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
  const money = (amount) => new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: 0 })
    .format(Number(amount));
  const type = (key) => (key ? t(`type.${key}`).replace(/^type\./, '') : key);
  const outcome = (key) => t(`outcome.${key}`).replace(/^outcome\./, '');

  function useTexts(loaded) {
    t = loaded.t;
    LOCALE = loaded.locale;
    dateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });
    dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
    PageTexts.apply(loaded);
    document.title = t('title');
  }

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
    // the texts and the data in parallel: one round trip on a slow line
    const [loaded, response] = await Promise.all([PageTexts.load('cohort'), fetch('../api/cohort', {
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' }
    })]);
    if (response.status === 401) {
      window.location.href = '../camunda/app/tasklist/'; // sign in, then come back
      return;
    }
    if (!loaded) return;
    useTexts(loaded);
    PageTexts.chooser(loaded, load);
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.message || t('common.loadFailed', response.status));
    }
    render(await response.json());
  }

  function render(view) {
    currency = view.currency || 'EUR';
    if (view.programmeName) {
      document.getElementById('programme').textContent = view.programmeName;
      document.title = t('titleOf', view.programmeName);
    }
    document.getElementById('generated').textContent = t('asOf', dateTimeFormat.format(new Date(view.generatedAt)));
    document.getElementById('viewer').textContent = `${view.viewer.name} · ${view.viewer.roleLabel}`;
    document.getElementById('status').textContent = '';

    charts.splice(0).forEach((chart) => chart.destroy()); // drawn again, in the language just chosen
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
      [s.grants, t(s.grants === 1 ? 'tile.grantOne' : 'tile.grantMany')],
      [s.experiments, t('tile.experiments')],
      [s.wins, t(s.wins === 1 ? 'tile.winOne' : 'tile.winMany')],
      [s.overdueReports, t(s.overdueReports === 1 ? 'tile.overdueOne' : 'tile.overdueMany')]
    ].map(([value, label]) => el('div', { class: 'tile' }, el('div', { class: 'value' }, value), el('div', { class: 'label' }, label)));
    if (s.money) {
      [['awarded', t('tile.awarded')], ['paid', t('tile.paid')], ['reportedSpent', t('tile.reportedSpent')]].forEach(([key, label]) =>
        items.push(el('div', { class: 'tile money' }, el('div', { class: 'value' }, money(s.money[key])),
          el('div', { class: 'label' }, label))));
    }
    document.getElementById('tiles').replaceChildren(...items);
  }

  function cities(view) {
    document.getElementById('citiesHint').textContent = ['programme', 'coach', 'city'].includes(view.viewer.role)
      ? t(`hint.${view.viewer.role}`) : '';
    const rows = view.grants.map((g) => el('tr', { class: g.access === 'full' && view.viewer.role !== 'programme' ? 'yours' : null },
      // the grant's own page, for those who may read it in full (the server leaves the link out otherwise)
      el('td', {}, g.page ? el('a', { class: 'city', href: `..${g.page}` }, g.cityName) : el('span', { class: 'city' }, g.cityName),
        el('span', { class: 'small' }, g.grantReference),
        g.coach ? el('span', { class: 'small' }, t('coach', g.coach.name)) : null),
      el('td', {}, el('span', { class: `badge ${g.phase.key}` }, g.phase.label),
        g.preparationLate ? el('span', { class: 'badge late' }, t('late')) : null,
        g.paused ? el('span', { class: 'badge paused', title: t('pausedWhy', dayOf(g.paused.since),
          g.paused.note ? `${g.paused.reasonLabel} (${g.paused.note})` : g.paused.reasonLabel, dayOf(g.paused.expectedResume)) },
        t('paused')) : null,
        g.paused ? el('span', { class: 'small' }, g.paused.reasonLabel) : null),
      el('td', {}, progress(g.preparation)),
      el('td', {}, experimentChips(g)),
      ...moneyCells(g)));
    document.querySelector('#cities tbody').replaceChildren(...rows);
  }

  /** A day: an instant, or yyyy-mm-dd (read at noon, so no time zone moves it). */
  function dayOf(value) {
    return dateFormat.format(new Date(value.length === 10 ? `${value}T12:00:00` : value));
  }

  function progress(preparation) {
    const percent = Math.round((100 * preparation.done) / preparation.total);
    const steps = preparation.steps.map((s) => `${s.done ? '✓' : '○'} ${s.label}`).join('\n');
    return el('div', { class: 'progress', title: steps },
      el('div', { class: `bar${preparation.done === preparation.total ? ' complete' : ''}` }, el('span', { style: `width:${percent}%` })),
      el('span', { class: 'count' }, `${preparation.done}/${preparation.total}`));
  }

  function experimentChips(grant) {
    if (grant.experiments.length === 0) return el('span', { class: 'small' }, t('noneYet'));
    return el('div', { class: 'chips' }, grant.experiments.map((e) => el('span', {
      class: `chip ${e.outcome || 'running'}`,
      title: `#${e.number}${e.title ? ` ${e.title}` : ''} (${type(e.type)})${e.budget ? ` · ${t('budget', money(e.budget))}` : ''}`
    }, `${type(e.type)} · ${outcome(e.outcome || 'running')}`)), grant.experiments.some((e) => e.win) ? el('span', { class: 'chip win' }, t('win')) : null);
  }

  function moneyCells(grant) {
    if (!grant.money) {
      const text = t(grant.access === 'full' ? 'notAwarded' : 'notShared');
      return [el('td', { class: 'num', colspan: 3 }, el('span', { class: 'private' }, text))];
    }
    return ['awarded', 'paid', 'reportedSpent'].map((key) => el('td', { class: 'num' }, money(grant.money[key])));
  }

  function decisionsChart(grants) {
    const labels = grants.map((g) => g.cityName);
    const series = ['persevere', 'pivot', 'stop', 'running'].map((key) => ({
      label: key === 'running' ? t('series.stillRunning') : outcome(key),
      data: grants.map((g) => g.decisions[key]),
      backgroundColor: COLORS[key],
      borderRadius: 3
    }));
    charts.push(new Chart(document.getElementById('decisionsChart'), {
      type: 'bar',
      data: { labels, datasets: series },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('axis.experiments') } },
          y: { stacked: true } },
        plugins: { legend: { position: 'bottom' } }
      }
    }));
  }

  function moneyChart(view) {
    const grants = view.grants.filter((g) => g.money);
    const hint = document.getElementById('moneyHint');
    if (grants.length === 0) {
      hint.textContent = t('noMoney');
      document.querySelector('#moneyCard .chart').hidden = true;
      return;
    }
    document.querySelector('#moneyCard .chart').hidden = false;
    hint.textContent = t(view.viewer.role === 'programme' ? 'moneyHint.programme' : 'moneyHint.other');
    const series = [['awarded', t('series.awarded')], ['paid', t('series.paid')], ['reportedSpent', t('series.reportedSpent')]].map(([key, label]) => ({
      label,
      data: grants.map((g) => Number(g.money[key])),
      backgroundColor: COLORS[key],
      borderRadius: 3,
      maxBarThickness: 44
    }));
    charts.push(new Chart(document.getElementById('moneyChart'), {
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
    }));
  }

  function wins(list) {
    const items = list.map((w) => el('li', {},
      el('time', { datetime: w.flaggedAt }, dateFormat.format(new Date(w.flaggedAt))),
      el('div', {}, el('strong', {}, w.cityName), w.flaggedBy ? el('span', { class: 'small' }, t('flaggedBy', w.flaggedBy)) : null,
        el('p', { class: 'story' }, w.story))));
    document.getElementById('wins').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, t('noWins'))]));
  }

  function learnings(list) {
    const items = list.map((l) => el('li', {},
      el('time', { datetime: l.sharedAt }, dateFormat.format(new Date(l.sharedAt))),
      el('div', {}, el('strong', {}, l.cityName), ` · ${l.experimentTitle}`,
        el('span', { class: 'small' }, `${t(`learningType.${l.experimentType}`)} · ${t('decidedTo', outcome(l.decision))}`),
        el('p', { class: 'story' }, l.learnings))));
    document.getElementById('learnings').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty' }, t('noLearnings'))]));
  }

  function exchanges(view) {
    document.getElementById('exchangesHint').textContent = t(view.viewer.role === 'city' ? 'exchangesHint.city' : 'exchangesHint.other');
    const items = (view.peerExchanges || []).map((x) => el('li', {},
      el('time', { datetime: x.heldOn }, dateFormat.format(new Date(`${x.heldOn}T12:00:00`))),
      el('div', {}, el('strong', {}, x.theme),
        el('span', { class: 'small' }, [x.programmeName, x.heldBy ? t('heldBy', x.heldBy) : null].filter(Boolean).join(' · ')),
        x.notes ? el('p', { class: 'story' }, x.notes) : null)));
    document.getElementById('exchanges').replaceChildren(...(items.length ? items
      : [el('li', { class: 'empty' }, t('noExchanges'))]));
  }

  function overdue(view) {
    document.getElementById('overdueHint').textContent = t(view.viewer.role === 'programme' ? 'overdueHint.programme' : 'overdueHint.other');
    const items = view.overdueReports.map((r) => el('li', {},
      el('div', {}, el('strong', {}, r.cityName), ` · ${r.report}`,
        el('span', { class: 'small' }, `${r.grantReference} · ${t('due', dateFormat.format(new Date(r.dueDate)))}`)),
      el('span', { class: 'days' }, r.daysOverdue === 1 ? t('oneDayLate') : t('daysLate', r.daysOverdue))));
    document.getElementById('overdue').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, t('noOverdue'))]));
  }

  load().catch((error) => {
    const status = document.getElementById('status');
    status.textContent = error.message;
    status.classList.add('error');
  });
})();
