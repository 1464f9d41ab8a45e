/*
 * Gatehouse's audit trail in Cockpit (README, "Where auditors look"): an entry on the dashboard and in the menu, and
 * pages of Cockpit's own (#/audit-trail) with the search, a record's trail as a timeline beside the diagram of each of
 * its processes with the path it took, and the exports. Gatehouse's audit API is read with the webapps' session and
 * its CSRF token, which that API asks of every call; the models and the steps an instance passed come from Camunda's
 * webapp API, drawn by the bpmn-js viewer Cockpit itself uses, vendored beside this file (bpmn-js/, with its licence).
 * Everything the API answers is put into the page as text, never as HTML: a trail holds what partners wrote.
 */

import {
  alert, call, el, gatehouseApi, hashLink, hashParams, json, pager, stylesheet, time
} from '../gatehouse-shared/page.js';

const ROUTE = '/audit-trail';
const HERE = new URL('.', import.meta.url);
const RECORDS = {
  'access-requests': 'Access request',
  tickets: 'Ticket',
  approvals: 'Approval',
  'expert-invitations': 'Expert invitation'
};
const KINDS = ['access-request', 'ticket', 'approval', 'expert-invitation', 'offboarding', 'sharing-policy', 'channel-rules',
  'requester-attributes', 'roles', 'teams', 'imports', 'audit-read'];
const PAGE_SIZE = 20;
const EXPORTS = [['csv', 'Export CSV'], ['jsonl', 'Export JSON Lines']];

function auditApi() {
  return gatehouseApi('/api/audit');
}

function trailLink(record, id) {
  return `#${ROUTE}/${record}/${encodeURIComponent(id)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Exports: a date range as CSV or JSON Lines, through GET /api/audit/export. The links name the file, and a click
// fetches it with the CSRF token the API asks of the session, then hands it to the browser as a download.

function exportBar(api, from, to, note) {
  const status = el('span', { class: 'gatehouse-audit-export-status', role: 'status' });
  const links = EXPORTS.map(([format, label]) => {
    const href = `${auditApi()}/export?${new URLSearchParams({ from, to, format })}`;
    const name = `gatehouse-audit-${from}-${to}.${format}`;
    return el('a', {
      class: 'btn btn-default gatehouse-audit-export', href, download: name, 'data-format': format,
      onclick: event => {
        event.preventDefault();
        download(api, href, name, status);
      }
    }, label);
  });
  return el('div', { class: 'gatehouse-audit-exports' }, el('span', {}, note), ...links, status);
}

async function download(api, href, name, status) {
  status.textContent = 'Exporting…';
  try {
    const blob = await (await call(api, href, '*/*')).blob();
    const url = URL.createObjectURL(blob);
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status.textContent = `Exported ${name}`;
  } catch (error) {
    status.textContent = `Export failed: ${error.message}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The search

function field(label, input) {
  return el('label', { class: 'gatehouse-audit-field' }, el('span', {}, label), input);
}

function searchForm(params) {
  const value = name => params.get(name) || '';
  const kind = el('select', { name: 'kind', class: 'form-control' }, el('option', { value: '' }, 'any'),
    KINDS.map(k => el('option', { value: k, selected: k === value('kind') }, k)));
  const form = el('form', { class: 'gatehouse-audit-search', role: 'search' },
    field('Actor', el('input', { name: 'actor', class: 'form-control', value: value('actor'), placeholder: 'person id or address' })),
    field('Partner', el('input', { name: 'partner', class: 'form-control', value: value('partner'), placeholder: 'organisation' })),
    field('Kind', kind),
    field('From', el('input', { name: 'from', type: 'date', class: 'form-control', value: value('from') })),
    field('To', el('input', { name: 'to', type: 'date', class: 'form-control', value: value('to') })),
    el('button', { type: 'submit', class: 'btn btn-primary' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = hashLink(ROUTE, new FormData(form));
  });
  return form;
}

function openForm() {
  const record = el('select', { name: 'record', class: 'form-control' },
    Object.entries(RECORDS).map(([path, label]) => el('option', { value: path }, label)));
  const id = el('input', { name: 'id', class: 'form-control', required: true, placeholder: 'its id' });
  const form = el('form', { class: 'gatehouse-audit-open' }, field('Trail of', record), field('Id', id),
    el('button', { type: 'submit', class: 'btn btn-default' }, 'Open'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = trailLink(record.value, id.value.trim());
  });
  return form;
}

function resultRow(entry) {
  const trail = entry.trail && entry.trail.match(/\/api\/audit\/([a-z-]+)\/([^/]+)$/);
  const subject = trail && RECORDS[trail[1]]
    ? el('a', { href: trailLink(trail[1], decodeURIComponent(trail[2])), class: 'gatehouse-audit-trail-link' }, entry.subject)
    : entry.subject || '';
  return el('tr', {},
    el('td', {}, time(entry.at)),
    el('td', {}, entry.actor || ''),
    el('td', {}, el('span', { class: `gatehouse-audit-kind` }, entry.kind)),
    el('td', {}, entry.what, entry.detail ? el('details', {}, el('summary', {}, 'detail'), el('pre', {}, entry.detail)) : ''),
    el('td', {}, subject));
}

async function showSearch(root, api) {
  const params = hashParams();
  const page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const results = el('div', { class: 'gatehouse-audit-results' }, 'Searching…');
  root.append(
    el('h1', {}, 'Audit trail'),
    el('p', { class: 'gatehouse-audit-lead' }, 'Every change to requests, tickets, approvals, invitations and the'
      + ' configuration, newest first. A record\'s trail shows it whole, beside its process.'),
    searchForm(params),
    openForm(),
    from && to ? exportBar(api, from, to, `From ${from} to ${to}:`)
      : el('p', { class: 'gatehouse-audit-exports' }, 'Search with From and To to export that range.'),
    results);

  const query = new URLSearchParams([...params].filter(([name, value]) => value !== ''
    && ['actor', 'partner', 'kind', 'from', 'to'].includes(name)));
  query.set('page', page);
  query.set('size', PAGE_SIZE);
  try {
    const answer = await json(api, `${auditApi()}?${query}`);
    results.replaceChildren(
      el('table', { class: 'table table-condensed gatehouse-audit-table' },
        el('thead', {}, el('tr', {}, ['When', 'Actor', 'Kind', 'What', 'Record'].map(h => el('th', {}, h)))),
        el('tbody', {}, answer.entries.map(resultRow))),
      pager(answer, ROUTE, params, ['‹ Newer', 'Older ›', 'entry', 'entries']));
  } catch (error) {
    results.replaceChildren(alert(error.message));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A record's trail: the timeline beside the diagram

function detailValue(value) {
  if (Array.isArray(value) && value.every(item => item && typeof item === 'object')) {
    const columns = [...new Set(value.flatMap(Object.keys))];
    return el('table', { class: 'table table-condensed' }, el('tr', {}, columns.map(c => el('th', {}, c))),
      value.map(item => el('tr', {}, columns.map(c => el('td', {}, format(item[c]))))));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return el('dl', { class: 'gatehouse-audit-details' },
      Object.entries(value).flatMap(([name, inner]) => [el('dt', {}, name), el('dd', {}, detailValue(inner))]));
  }
  return format(value);
}

function format(value) {
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Where on the diagram a line happened, if it names a step. */
function stepOf(entry) {
  const details = entry.details || {};
  const activity = details.activityId || details.taskDefinitionKey;
  return activity && details.processInstanceId ? { instance: details.processInstanceId, activity } : null;
}

function timelineEntry(entry, focus) {
  const step = stepOf(entry);
  const details = entry.details && Object.keys(entry.details).length
    ? el('details', {}, el('summary', {}, 'details'), detailValue(entry.details)) : '';
  const item = el('li', { class: `gatehouse-audit-entry gatehouse-audit-entry-${entry.kind}`, 'data-kind': entry.kind },
    el('div', { class: 'gatehouse-audit-entry-head' },
      time(entry.at),
      el('span', { class: 'gatehouse-audit-kind' }, entry.kind),
      el('span', { class: 'gatehouse-audit-actor' }, entry.actor || '')),
    el('div', { class: 'gatehouse-audit-what' }, entry.what),
    details);
  if (step) {
    item.classList.add('gatehouse-audit-on-diagram');
    item.title = 'Show this step on the diagram';
    item.addEventListener('click', event => {
      if (!event.target.closest('details')) {
        focus(step);
      }
    });
  }
  return item;
}

/** The process instances of a trail, in the order they started, each with the model it ran on. */
function instancesOf(entries) {
  const instances = new Map();
  for (const entry of entries) {
    const details = entry.details || {};
    if (entry.kind === 'process' && details.processDefinitionId && !instances.has(details.processInstanceId)) {
      instances.set(details.processInstanceId, {
        id: details.processInstanceId, key: details.processKey, definitionId: details.processDefinitionId, at: entry.at
      });
    }
  }
  return [...instances.values()];
}

let viewerClass;

/** bpmn-js's viewer, loaded once, when a diagram is first drawn. */
function bpmnViewer() {
  viewerClass = viewerClass || import(new URL('bpmn-js/bpmn-viewer.production.min.js', HERE).href).then(() => {
    if (!window.BpmnJS) {
      throw new Error('the bpmn-js viewer did not load');
    }
    return window.BpmnJS;
  });
  return viewerClass;
}

/**
 * The diagram panel: a tab per process instance of the trail, the model drawn with every step the instance passed
 * marked (a step still waiting apart), and the flows between two passed steps, the path it took.
 */
function diagramPanel(api, instances, mount) {
  const canvas = el('div', { class: 'gatehouse-audit-diagram' });
  const status = el('p', { class: 'gatehouse-audit-diagram-status' });
  const tabs = el('div', { class: 'btn-group gatehouse-audit-processes' });
  const panel = el('div', { class: 'gatehouse-audit-diagram-panel' }, tabs, canvas, status,
    el('p', { class: 'gatehouse-audit-legend' },
      el('span', { class: 'gatehouse-audit-legend-passed' }, 'passed'),
      el('span', { class: 'gatehouse-audit-legend-waiting' }, 'waiting'),
      el('span', { class: 'gatehouse-audit-legend-focus' }, 'chosen in the timeline')));
  let shown = null;
  let drawing = Promise.resolve();

  async function draw(instance) {
    shown = instance;
    [...tabs.children].forEach(tab => tab.classList.toggle('active', tab.dataset.instance === instance.id));
    status.textContent = 'Drawing…';
    try {
      const [model, steps, BpmnJS] = await Promise.all([
        json(api, `${api.engineApi}/process-definition/${encodeURIComponent(instance.definitionId)}/xml`),
        json(api, `${api.engineApi}/history/activity-instance?processInstanceId=${encodeURIComponent(instance.id)}`
          + '&sortBy=startTime&sortOrder=asc&maxResults=2000'),
        bpmnViewer()]);
      if (mount.viewer) {
        mount.viewer.destroy();
      }
      canvas.replaceChildren();
      mount.viewer = new BpmnJS({ container: canvas });
      await mount.viewer.importXML(model.bpmn20Xml);
      fit(mount.viewer, canvas);
      markPath(mount.viewer, steps);
      canvas.dataset.instance = instance.id;
      status.textContent = `${instance.key}, instance ${instance.id}, started ${time(instance.at).textContent}`;
    } catch (error) {
      status.replaceChildren(alert(`The diagram could not be drawn: ${error.message}`));
    }
  }

  for (const instance of instances) {
    tabs.append(el('button', {
      type: 'button', class: 'btn btn-default btn-sm', 'data-instance': instance.id,
      onclick: () => {
        drawing = draw(instance);
      }
    }, instance.key));
  }
  if (instances.length) {
    drawing = draw(instances[0]);
  } else {
    status.textContent = 'No process ran for this record.';
  }

  return {
    panel,
    /** Shows a timeline line's step: its instance's diagram, the step marked. */
    async focus(step) {
      const instance = instances.find(i => i.id === step.instance);
      if (!instance) {
        return;
      }
      if (shown !== instance) {
        drawing = draw(instance);
      }
      await drawing;
      const registry = mount.viewer && mount.viewer.get('elementRegistry');
      if (!registry || !registry.get(step.activity)) {
        return;
      }
      const diagram = mount.viewer.get('canvas');
      registry.filter(element => diagram.hasMarker(element, 'gatehouse-audit-focus'))
        .forEach(element => diagram.removeMarker(element, 'gatehouse-audit-focus'));
      diagram.addMarker(step.activity, 'gatehouse-audit-focus');
    }
  };
}

/** As tall as the model is at the panel's width, within bounds: a wide process is not a strip in a tall box. */
function fit(viewer, container) {
  const diagram = viewer.get('canvas');
  const model = diagram.viewbox().inner;
  const height = container.clientWidth * model.height / Math.max(model.width, 1) + 60;
  container.style.height = `${Math.round(Math.min(620, Math.max(260, height)))}px`;
  diagram.resized();
  diagram.zoom('fit-viewport', 'auto');
}

function markPath(viewer, steps) {
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  const activity = step => step.activityId.replace(/#multiInstanceBody$/, '');
  const passed = new Set(steps.map(activity));
  const waiting = new Set(steps.filter(step => !step.endTime && !step.canceled).map(activity));
  registry.forEach(element => {
    const flow = element.type === 'bpmn:SequenceFlow' && element.businessObject;
    if (flow ? passed.has(flow.sourceRef.id) && passed.has(flow.targetRef.id) : passed.has(element.id)) {
      canvas.addMarker(element, waiting.has(element.id) ? 'gatehouse-audit-waiting' : 'gatehouse-audit-passed');
      if (element.children && element.children.length) {
        // an expanded sub-process keeps its own fill, so that the steps inside it show which were passed
        canvas.addMarker(element, 'gatehouse-audit-scope');
      }
    }
  });
}

async function showTrail(root, api, record, id, mount) {
  const label = RECORDS[record];
  const body = el('div', { class: 'gatehouse-audit-trail' }, 'Reading the trail…');
  root.append(
    el('p', {}, el('a', { href: '#' + ROUTE, class: 'gatehouse-audit-back' }, '‹ The search')),
    el('h1', {}, `${label} ${id}`),
    body);
  try {
    const trail = await json(api, `${auditApi()}/${record}/${encodeURIComponent(id)}`);
    const entries = trail.entries;
    const diagram = diagramPanel(api, instancesOf(entries), mount);
    const days = entries.map(entry => entry.at.slice(0, 10));
    body.replaceChildren(
      days.length ? exportBar(api, days[0], days[days.length - 1],
        `Export every change from ${days[0]} to ${days[days.length - 1]}, the days of this trail:`) : '',
      el('div', { class: 'gatehouse-audit-columns' },
        el('ol', { class: 'gatehouse-audit-timeline' },
          entries.length ? entries.map(entry => timelineEntry(entry, diagram.focus)) : el('li', {}, 'Nothing recorded.')),
        diagram.panel));
  } catch (error) {
    body.replaceChildren(alert(error.message));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Mounting. Cockpit renders a new page before it unmounts the old one, so a page is cleaned up once it has left the
// document rather than by the order of the calls.

const mounts = new Set();

function sweep() {
  for (const mount of mounts) {
    if (!mount.root.isConnected) {
      if (mount.viewer) {
        mount.viewer.destroy();
      }
      mounts.delete(mount);
    }
  }
}

function page(node, { api }) {
  sweep();
  stylesheet(new URL('plugin.css', HERE).href);
  const root = el('div', { class: 'gatehouse-audit' });
  node.append(root);
  const mount = { root, viewer: null };
  mounts.add(mount);
  const trail = window.location.hash.match(/^#\/audit-trail\/([a-z-]+)\/([^/?]+)/);
  if (trail && RECORDS[trail[1]]) {
    showTrail(root, api, trail[1], decodeURIComponent(trail[2]), mount);
  } else {
    showSearch(root, api);
  }
}

export default [
  {
    id: 'gatehouse.audit-trail.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 0,
    render(node) {
      stylesheet(new URL('plugin.css', HERE).href);
      node.append(el('section', { class: 'gatehouse-audit-entry-point' },
        el('h3', {}, 'Audit trail'),
        el('p', {}, 'Who did what and when, on every request, ticket, approval and invitation, and every change to'
          + ' the configuration: search it, follow a record beside its process, export a date range.'),
        el('a', { href: '#' + ROUTE, class: 'btn btn-default gatehouse-audit-open-link' }, 'Open the audit trail')));
    }
  },
  {
    id: 'gatehouse.audit-trail.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render(node) {
      node.append(el('a', { href: '#' + ROUTE }, 'Audit trail'));
    }
  },
  {
    id: 'gatehouse.audit-trail.search',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE },
    render: page,
    unmount: () => setTimeout(sweep)
  },
  {
    id: 'gatehouse.audit-trail.record',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE + '/:record/:id' },
    render: page,
    unmount: () => setTimeout(sweep)
  }
];
