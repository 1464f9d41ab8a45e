/*
 * The outside organisations in Cockpit (README, "Where admins look"), for workspace admins and admins: an entry on the
 * dashboard and in the menu, and a page of Cockpit's own (#/organisations) with every organisation at a glance, charts
 * of the requests week by week, the organisations the chat platform connects that Gatehouse never approved (the
 * nightly reconciliation), and the start of ending a partnership, which a second admin confirms in Tasklist.
 * Gatehouse's API is called with the webapps' session and its CSRF token; the charts are plain SVG drawn here, nothing
 * is fetched from elsewhere. What the API answers goes into the page as text, never as HTML.
 */

import { alert, el, gatehouseApi, json, stylesheet, time } from '../gatehouse-shared/page.js';

const ROUTE = '/organisations';
const HERE = new URL('.', import.meta.url);
const SVG = 'http://www.w3.org/2000/svg';
const OUTCOMES = ['CONNECTED', 'PENDING', 'WITHDRAWN', 'REJECTED', 'EXPIRED'];
const WEEKS = 12;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  node.append(...children.map(child => child instanceof Node ? child : String(child)));
  return node;
}

function day(at) {
  return at ? at.slice(0, 10) : '';
}

// ---------------------------------------------------------------------------------------------------------------
// Charts: the requests made each week, stacked by how they came out, and the hours from request to connection.

const CHART = { width: 640, height: 200, left: 40, right: 10, top: 10, bottom: 30 };

function frame(title, max, weeks) {
  const chart = svg('svg', {
    class: 'gatehouse-organisations-chart', role: 'img', 'aria-label': title,
    viewBox: `0 0 ${CHART.width} ${CHART.height}`, width: CHART.width, height: CHART.height
  }, svg('title', {}, title));
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const y = value => CHART.top + plotHeight - value / max * plotHeight;
  chart.append(
    svg('line', { class: 'gatehouse-organisations-axis', x1: CHART.left, x2: CHART.width - CHART.right, y1: y(0), y2: y(0) }),
    svg('text', { class: 'gatehouse-organisations-tick', x: CHART.left - 6, y: y(max) + 4, 'text-anchor': 'end' }, max),
    svg('text', { class: 'gatehouse-organisations-tick', x: CHART.left - 6, y: y(0) + 4, 'text-anchor': 'end' }, 0));
  const slot = (CHART.width - CHART.left - CHART.right) / weeks.length;
  weeks.forEach((week, i) => {
    if (i % Math.ceil(weeks.length / 12) === 0) {
      chart.append(svg('text', {
        class: 'gatehouse-organisations-tick', x: CHART.left + slot * (i + 0.5), y: CHART.height - 10, 'text-anchor': 'middle'
      }, week.week.slice(5)));
    }
  });
  return { chart, y, slot };
}

function requestsChart(weeks) {
  const totals = weeks.map(week => OUTCOMES.reduce((sum, outcome) => sum + week.requests[outcome], 0));
  const max = Math.max(1, ...totals);
  const { chart, y, slot } = frame('Requests per week, by outcome', max, weeks);
  weeks.forEach((week, i) => {
    let below = 0;
    for (const outcome of OUTCOMES) {
      const count = week.requests[outcome];
      if (count > 0) {
        chart.append(svg('rect', {
          class: `gatehouse-organisations-bar gatehouse-organisations-${outcome.toLowerCase()}`,
          'data-week': week.week, 'data-outcome': outcome, 'data-count': count,
          x: CHART.left + slot * i + slot * 0.15, width: slot * 0.7, y: y(below + count), height: y(below) - y(below + count)
        }, svg('title', {}, `Week of ${week.week}: ${count} ${outcome.toLowerCase()}`)));
        below += count;
      }
    }
  });
  const legend = el('ul', { class: 'gatehouse-organisations-legend' }, OUTCOMES.map(outcome =>
    el('li', {}, el('span', { class: `gatehouse-organisations-swatch gatehouse-organisations-${outcome.toLowerCase()}` }),
      outcome.toLowerCase())));
  return el('figure', { class: 'gatehouse-organisations-figure' },
    el('figcaption', {}, 'Requests per week, by how they came out'), chart, legend);
}

function connectionChart(weeks) {
  const max = Math.max(1, ...weeks.map(week => week.p90HoursToConnection || 0));
  const { chart, y, slot } = frame('Hours from request to connection, per week', Math.ceil(max), weeks);
  weeks.forEach((week, i) => {
    if (week.connections > 0) {
      const x = CHART.left + slot * i + slot * 0.15;
      chart.append(
        svg('rect', {
          class: 'gatehouse-organisations-bar gatehouse-organisations-median', 'data-week': week.week,
          'data-median': week.medianHoursToConnection, x, width: slot * 0.7, y: y(week.medianHoursToConnection),
          height: y(0) - y(week.medianHoursToConnection)
        }, svg('title', {}, `Week of ${week.week}: ${week.connections} connected, median `
          + `${week.medianHoursToConnection} h, 90th percentile ${week.p90HoursToConnection} h`)),
        svg('line', {
          class: 'gatehouse-organisations-p90', x1: x, x2: x + slot * 0.7,
          y1: y(week.p90HoursToConnection), y2: y(week.p90HoursToConnection)
        }));
    }
  });
  return el('figure', { class: 'gatehouse-organisations-figure' },
    el('figcaption', {}, 'Hours from request to connection: median (bar), 90th percentile (line)'), chart);
}

function charts(title, weeks) {
  return el('section', { class: 'gatehouse-organisations-charts' }, el('h3', {}, title),
    el('div', { class: 'gatehouse-organisations-figures' }, requestsChart(weeks), connectionChart(weeks)));
}

// ---------------------------------------------------------------------------------------------------------------
// The table, and ending a partnership

function nda(organisation) {
  const on = organisation.nda;
  if (!on) {
    return el('span', { class: 'label label-danger' }, 'none on file');
  }
  return el('span', {}, `${on.documentRef}, ends ${on.expiresOn} `,
    on.expired ? el('span', { class: 'label label-danger gatehouse-organisations-nda-expired' }, 'expired')
      : on.endsSoon ? el('span', { class: 'label label-warning gatehouse-organisations-nda-soon' }, `in ${on.daysLeft} days`)
        : '');
}

function partnership(organisation) {
  const ending = organisation.offboarding;
  if (ending && (ending.status === 'AWAITING_CONFIRMATION' || ending.status === 'DISCONNECTING')) {
    return el('span', { class: 'gatehouse-organisations-ending' }, `ending (${ending.status}), asked by ${ending.requestedBy}`);
  }
  const ended = organisation.partnershipEnded;
  if (ended && organisation.sharedChannels === 0) {
    return el('span', { class: 'gatehouse-organisations-ended' }, `disconnected on ${day(ended.at)}: asked by `
      + `${ended.endedBy}, confirmed by ${ended.confirmedBy}, direct messages `
      + (ended.directMessagesKept ? 'kept' : 'disabled'));
  }
  return organisation.sharedChannels > 0 ? 'connected' : 'not connected';
}

function endForm(api, organisation, done) {
  const keep = el('input', { type: 'checkbox', name: 'keepDirectMessages', checked: true });
  const reason = el('textarea', { name: 'reason', required: true, maxlength: 500, rows: 2, class: 'form-control' });
  const status = el('span', { class: 'gatehouse-organisations-end-status', role: 'status' });
  const form = el('form', {
    class: 'gatehouse-organisations-end',
    onsubmit: async event => {
      event.preventDefault();
      status.textContent = 'Asking…';
      try {
        const offboarding = await json(api, gatehouseApi(`/api/partners/${encodeURIComponent(organisation.id)}/disconnect`),
          { method: 'POST', body: JSON.stringify({ keepDirectMessages: keep.checked, reason: reason.value }) });
        status.textContent = `Asked (${offboarding.id}): a second admin confirms it in Tasklist, "Partnerships to end".`;
        done();
      } catch (error) {
        status.textContent = `Refused: ${error.message}`;
      }
    }
  },
  el('label', {}, keep, ' Direct messages with its people stay open'),
  el('label', {}, 'Why the partnership ends', reason),
  el('button', { type: 'submit', class: 'btn btn-danger' }, `Ask to end the partnership with ${organisation.name}`),
  status);
  return form;
}

// While no second admin has answered, the end asked for can be called off (the API says who may).
function callOff(api, organisation, done) {
  const status = el('span', { class: 'gatehouse-organisations-call-off-status', role: 'status' });
  const button = el('button', {
    type: 'button', class: 'btn btn-default btn-sm gatehouse-organisations-call-off',
    onclick: async () => {
      button.disabled = true;
      status.textContent = 'Calling off…';
      try {
        await json(api, gatehouseApi(`/api/partners/${encodeURIComponent(organisation.id)}/offboardings/`
          + `${encodeURIComponent(organisation.offboarding.id)}/cancel`), { method: 'POST' });
        done();
      } catch (error) {
        button.disabled = false;
        status.replaceChildren(alert(`Refused: ${error.message}`));
      }
    }
  }, 'Call off the end');
  return el('span', {}, button, ' ', status);
}

function row(api, organisation, showFigures, refresh) {
  const cell = el('td', { class: 'gatehouse-organisations-action' });
  const ending = organisation.offboarding
    && ['AWAITING_CONFIRMATION', 'DISCONNECTING'].includes(organisation.offboarding.status);
  if (!ending) {
    cell.append(el('button', {
      type: 'button', class: 'btn btn-default btn-sm gatehouse-organisations-end-open',
      onclick: event => event.target.replaceWith(endForm(api, organisation, refresh))
    }, 'End partnership…'));
  } else if (organisation.offboarding.status === 'AWAITING_CONFIRMATION') {
    cell.append(callOff(api, organisation, refresh));
  }
  return el('tr', { 'data-organisation': organisation.id },
    el('td', {}, el('a', { href: '#', class: 'gatehouse-organisations-name', onclick: event => {
      event.preventDefault();
      showFigures(organisation);
    } }, organisation.name)),
    el('td', { class: 'gatehouse-organisations-channels' }, organisation.sharedChannels),
    el('td', {}, organisation.workspaces.join(', ')),
    el('td', {}, nda(organisation)),
    el('td', { class: 'gatehouse-organisations-open' }, organisation.openRequests.length),
    el('td', { class: 'gatehouse-organisations-partnership' }, partnership(organisation)),
    cell);
}

// The nightly reconciliation's latest finds: connected on the platform, never approved by Gatehouse.
function reconciliation(found) {
  const title = el('h3', {}, 'Connected without Gatehouse\'s approval');
  if (!found) {
    return el('section', { class: 'gatehouse-organisations-reconciliation' }, title,
      el('p', {}, 'The nightly reconciliation has not run yet.'));
  }
  const checked = el('p', {}, 'Checked ', time(found.checkedAt),
    `: the chat platform connects ${found.connectedOnPlatform} outside organisation(s).`);
  if (!found.unapproved.length) {
    return el('section', { class: 'gatehouse-organisations-reconciliation' }, title, checked,
      el('p', {}, 'Every one of them was approved through Gatehouse.'));
  }
  return el('section', { class: 'gatehouse-organisations-reconciliation' }, title, checked,
    el('table', { class: 'table table-striped gatehouse-organisations-unapproved' },
      el('thead', {}, el('tr', {}, ['Organisation', 'Platform id', 'Channels', 'Directory', 'Finding']
        .map(head => el('th', {}, head)))),
      el('tbody', {}, found.unapproved.map(u => el('tr', { 'data-platform-id': u.platformId },
        el('td', {}, u.name || ''), el('td', {}, u.platformId), el('td', {}, u.channels),
        el('td', {}, u.partnerId || 'not in the directory'), el('td', {}, u.finding))))));
}

async function show(root, api) {
  const figures = el('div', {}, 'Reading…');
  const table = el('div', {});
  const unapproved = el('div', {});
  root.replaceChildren(el('h1', {}, 'Outside organisations'), figures, table, unapproved);
  const showFigures = async organisation => {
    try {
      const one = await json(api, gatehouseApi(`/api/organisations/${encodeURIComponent(organisation.id)}/sharing?weeks=${WEEKS}`));
      figures.replaceChildren(charts(`${organisation.name}, the last ${WEEKS} weeks`, one.weeks),
        el('a', { href: '#', onclick: event => {
          event.preventDefault();
          show(root, api);
        } }, '‹ Every organisation'));
    } catch (error) {
      figures.replaceChildren(alert(error.message));
    }
  };
  try {
    const overview = await json(api, gatehouseApi(`/api/organisations/sharing?weeks=${WEEKS}`));
    figures.replaceChildren(charts(`Every organisation, the last ${WEEKS} weeks`, overview.weeks));
    table.replaceChildren(el('table', { class: 'table table-striped gatehouse-organisations-table' },
      el('thead', {}, el('tr', {}, ['Organisation', 'Channels', 'Workspaces', 'NDA', 'Open requests', 'Partnership', '']
        .map(head => el('th', {}, head)))),
      el('tbody', {}, overview.organisations.length
        ? overview.organisations.map(o => row(api, o, showFigures, () => setTimeout(() => show(root, api), 1500)))
        : el('tr', {}, el('td', { colspan: 7 }, 'No outside organisation yet.')))));
    unapproved.replaceChildren(reconciliation(overview.reconciliation));
  } catch (error) {
    figures.replaceChildren(alert(error.message.startsWith('403')
      ? 'Only workspace admins and admins see the outside organisations.' : error.message));
  }
}

export default [
  {
    id: 'gatehouse.organisations.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 1,
    render(node) {
      stylesheet(new URL('plugin.css', HERE).href);
      node.append(el('section', { class: 'gatehouse-organisations-entry-point' },
        el('h3', {}, 'Outside organisations'),
        el('p', {}, 'Every organisation channels are shared with: where, under which NDA, what is asked; requests'
          + ' week by week; and ending a partnership.'),
        el('a', { href: '#' + ROUTE, class: 'btn btn-default gatehouse-organisations-open-link' },
          'Open the organisations')));
    }
  },
  {
    id: 'gatehouse.organisations.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 4,
    properties: { path: ROUTE },
    render(node) {
      node.append(el('a', { href: '#' + ROUTE }, 'Organisations'));
    }
  },
  {
    id: 'gatehouse.organisations.page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE },
    render(node, { api }) {
      stylesheet(new URL('plugin.css', HERE).href);
      const root = el('div', { class: 'gatehouse-organisations' });
      node.append(root);
      show(root, api);
    }
  }
];
