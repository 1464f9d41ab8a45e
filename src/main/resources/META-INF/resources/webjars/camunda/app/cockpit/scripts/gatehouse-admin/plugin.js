/*
 * Gatehouse's admin views in Cockpit (README, "Where admins look"), beside the organisations and the audit trail and
 * with the same session: the sharing policy with its versions, the NDA register, the review queue of C10, the
 * directory's imports with their reports, and people with their roles and status (#/admin/…). Every view calls
 * Gatehouse's API, whose rules decide who reads and changes what: a refusal is shown in the API's words, a bad field
 * beside the field. What the API answers goes into the page as text, never as HTML.
 */

import {
  alert, el, gatehouseApi, hashLink, hashParams, json, pager, showRefusal, stylesheet, time
} from '../gatehouse-shared/page.js';

const ROUTE = '/admin';
const HERE = new URL('.', import.meta.url);
const PAGE_SIZE = 20;
const MODES = { ADMINS_ONLY: 'admins only', GROUPS: 'named groups', EVERYONE: 'every member' };
const ACTIONS = { CREATE: 'Create a shared channel', MODIFY: 'Modify one', DISCONNECT: 'Disconnect one', ARCHIVE: 'Archive one' };
const GROUPS = ['camunda-admin', 'workspace-admins', 'legal', 'auditors', 'process-owners', 'experts'];
const MESSAGE_STATUSES = ['REVIEW', 'CONVERTED', 'DISMISSED', 'REFUSED', 'IGNORED'];

const VIEWS = {
  'sharing-policy': {
    title: 'Sharing policy', show: showPolicy,
    about: 'Who may share channels with outside organisations and act on shared channels (A1), and every version of'
      + ' it: who changed what, when.'
  },
  ndas: { title: 'NDA register', show: showNdas, about: 'Every NDA on file, and recording one ahead of a request.' },
  'review-queue': {
    title: 'Review queue', show: showReviewQueue,
    about: 'Messages from outside senders that wait for an expert (C10): turn one into a request, or dismiss it.'
  },
  imports: {
    title: 'Imports', show: showImports,
    about: 'The directory\'s imports (HR, Slack, Teams) with their progress, and each one\'s report.'
  },
  people: {
    title: 'People', show: showPeople,
    about: 'The directory by name, with roles and status: activate or deactivate someone, grant or revoke a role.'
  }
};

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

function viewRoute(view) {
  return `${ROUTE}/${view}`;
}

function pageOf(params) {
  return Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
}

function field(label, input) {
  return el('label', { class: 'gatehouse-admin-field' }, el('span', {}, label), input);
}

function input(name, attributes = {}) {
  return el('input', { name, class: 'form-control', ...attributes });
}

function select(name, options, chosen) {
  return el('select', { name, class: 'form-control' },
    Object.entries(options).map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

function groupList() {
  return el('datalist', { id: 'gatehouse-admin-groups' }, GROUPS.map(group => el('option', { value: group })));
}

function table(className, heads, rows, empty) {
  return el('table', { class: `table table-striped table-condensed ${className}` },
    el('thead', {}, el('tr', {}, heads.map(head => el('th', {}, head)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: heads.length }, empty))));
}

/** The webapps' API object Cockpit hands the page shown, whose CSRF token every call carries. */
let cockpit;

function send(method, path, body) {
  return json(cockpit, gatehouseApi(path), body === undefined ? { method } : { method, body: JSON.stringify(body) });
}

/** A button's call: what it did goes to {@code changed}, or the refusal. */
function action(method, path, done, changed) {
  return async () => {
    try {
      await send(method, path);
      changed(done);
    } catch (error) {
      changed(null, error);
    }
  };
}

/** A view's notice line, which tells what a change did (or why it was refused) and has the list read again. */
function changeNotice(read) {
  const notice = el('div', { class: 'gatehouse-admin-notice', role: 'status' });
  const changed = (done, error) => {
    notice.replaceChildren(error ? alert(error.message) : el('span', { class: 'gatehouse-admin-done' }, done));
    if (!error) {
      read();
    }
  };
  return { notice, changed };
}

/** Fills {@code into} with what {@code read} draws from the API, or with the API's refusal. */
async function fill(into, read) {
  if (!into.childElementCount) {
    into.replaceChildren(el('p', {}, 'Reading…'));
  }
  try {
    into.replaceChildren(...[await read()].flat());
  } catch (error) {
    into.replaceChildren(alert(error.message));
  }
}

/**
 * A form whose fields go to the API as {@code submit} says: what comes back is told in its status line by
 * {@code done}; a refusal shows each bad field beside the field.
 */
function apiForm(className, fields, label, submit, done) {
  const status = el('div', { class: 'gatehouse-admin-status', role: 'status' });
  const button = el('button', { type: 'submit', class: 'btn btn-primary' }, label);
  const form = el('form', { class: `gatehouse-admin-form ${className}`, novalidate: true }, fields, button, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    status.textContent = 'Sending…';
    try {
      const answer = await submit(form.elements);
      showRefusal(form, status, null);
      status.replaceChildren(el('span', { class: 'gatehouse-admin-done' }, done(answer)));
    } catch (error) {
      showRefusal(form, status, error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** A search form whose fields become the view's hash parameters (from the first page). */
function searchForm(view, fields) {
  const form = el('form', { class: 'gatehouse-admin-form gatehouse-admin-search', role: 'search' }, fields,
    el('button', { type: 'submit', class: 'btn btn-default' }, 'Search'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    window.location.hash = hashLink(viewRoute(view), new FormData(form));
  });
  return form;
}

// ---------------------------------------------------------------------------------------------------------------
// The sharing policy and its versions

function groups(value) {
  return value.split(',').map(group => group.trim()).filter(group => group !== '');
}

function describe(value) {
  if (value === undefined || value === null) {
    return 'none';
  }
  if (Array.isArray(value)) {
    return value.length ? value.join(', ') : 'none';
  }
  if (typeof value === 'object') {
    return 'mode' in value ? describe(value.mode) + (value.allowedGroups && value.allowedGroups.length
      ? ` (${value.allowedGroups.join(', ')})` : '')
      : Object.entries(value).map(([name, inner]) => `${name}: ${describe(inner)}`).join('; ');
  }
  return MODES[value] || String(value);
}

/** What a version changed from the one before it of its kind, part by part. */
function changes(version, previous) {
  const after = version.content || {};
  if (!previous) {
    return el('span', {}, `first version: ${describe(after)}`);
  }
  const before = previous.content || {};
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter(part => JSON.stringify(before[part]) !== JSON.stringify(after[part]));
  return changed.length ? el('ul', { class: 'gatehouse-admin-changes' }, changed.map(part =>
    el('li', {}, `${part}: ${describe(before[part])} → ${describe(after[part])}`))) : 'no change';
}

function versionTable(versions) {
  const previous = version => versions.find(other => other.kind === version.kind && other.version === version.version - 1);
  return table('gatehouse-admin-versions-table', ['When', 'Who', 'What', 'Changes'], versions.map(version =>
    el('tr', { 'data-kind': version.kind, 'data-version': version.version },
      el('td', {}, time(version.changedAt)),
      el('td', { class: 'gatehouse-admin-actor' }, version.actor),
      el('td', {}, `${version.kind}, version ${version.version}`),
      el('td', {}, changes(version, previous(version))))), 'No version yet.');
}

/** A rule's row, its fields named as the API names them: {@code shareMode}, {@code channelRules.CREATE.mode}. */
function ruleRow(label, modeName, groupsName, rule) {
  return el('tr', {}, el('th', {}, label),
    el('td', {}, select(modeName, MODES, rule.mode)),
    el('td', {}, input(groupsName, {
      value: (rule.allowedGroups || []).join(', '), placeholder: 'groups, comma separated', list: 'gatehouse-admin-groups'
    })));
}

function policyForm(policy, changed) {
  const rule = prefix => [`${prefix}.mode`, `${prefix}.allowedGroups`];
  const read = (elements, [modeName, groupsName]) => ({
    mode: elements.namedItem(modeName).value, allowedGroups: groups(elements.namedItem(groupsName).value)
  });
  return [
    el('p', { class: 'gatehouse-admin-changed' }, 'Last changed by ', el('strong', {}, policy.changedBy || 'nobody yet'),
      policy.changedAt ? [' on ', time(policy.changedAt)] : ''),
    apiForm('gatehouse-admin-policy-form', [
      groupList(),
      el('table', { class: 'table table-condensed gatehouse-admin-rules' },
        el('thead', {}, el('tr', {}, ['', 'Who may', 'Groups (for named groups)'].map(head => el('th', {}, head)))),
        el('tbody', {},
          ruleRow('Share channels with outside organisations', 'shareMode', 'allowedGroups',
            { mode: policy.shareMode, allowedGroups: policy.allowedGroups }),
          Object.entries(ACTIONS).map(([action, label]) =>
            ruleRow(label, ...rule(`channelRules.${action}`), policy.channelRules[action] || {}))))
    ], 'Save the policy', elements => {
      const share = read(elements, ['shareMode', 'allowedGroups']);
      return send('PUT', '/api/sharing-policy', {
        shareMode: share.mode, allowedGroups: share.allowedGroups,
        channelRules: Object.fromEntries(Object.keys(ACTIONS).map(action => [action, read(elements, rule(`channelRules.${action}`))]))
      });
    }, saved => {
      changed();
      return `Saved: changed by ${saved.changedBy}.`;
    })
  ];
}

function showPolicy(body) {
  const current = el('section', { class: 'gatehouse-admin-policy' });
  const versions = el('section', { class: 'gatehouse-admin-versions' });
  body.append(current, el('h2', {}, 'Versions, newest first'), versions);
  const readVersions = () => fill(versions, async () => versionTable(await send('GET', '/api/sharing-policy/versions')));
  fill(current, async () => policyForm(await send('GET', '/api/sharing-policy'), readVersions));
  readVersions();
}

// ---------------------------------------------------------------------------------------------------------------
// The NDA register

function ndaTable(result, params) {
  return [
    table('gatehouse-admin-nda-table', ['Organisation', 'Reference', 'Signed', 'Ends', 'Recorded by', 'Recorded'],
      result.entries.map(nda => el('tr', { 'data-nda': nda.id },
        el('td', {}, nda.organisationId),
        el('td', { class: 'gatehouse-admin-nda-reference' }, nda.documentRef),
        el('td', {}, nda.signedOn),
        el('td', {}, nda.expiresOn),
        el('td', {}, nda.recordedBy),
        el('td', {}, time(nda.recordedAt)))), 'No NDA on file.'),
    pager(result, viewRoute('ndas'), params)
  ];
}

/** The outside organisations an admin sees, as suggestions: a reader who may not see them types the id. */
function partners() {
  const list = el('datalist', { id: 'gatehouse-admin-partners' });
  send('GET', '/api/organisations/sharing?weeks=1').then(overview => list.append(
    ...overview.organisations.map(organisation => el('option', { value: organisation.id }, organisation.name))), () => {});
  return list;
}

function showNdas(body) {
  const params = hashParams();
  const query = new URLSearchParams({ page: pageOf(params), size: PAGE_SIZE });
  if (params.get('organisation')) {
    query.set('organisation', params.get('organisation'));
  }
  const list = el('div', { class: 'gatehouse-admin-ndas' });
  const read = () => fill(list, async () => ndaTable(await send('GET', `/api/ndas?${query}`), params));
  body.append(
    el('h2', {}, 'Record an NDA ahead of a request'),
    partners(),
    apiForm('gatehouse-admin-nda-form', [
      field('Organisation', input('organisationId', { list: 'gatehouse-admin-partners', placeholder: 'its id' })),
      field('Signed on', input('signedOn', { type: 'date' })),
      field('Ends on', input('expiresOn', { type: 'date' })),
      field('Reference', input('documentRef', { placeholder: 'where the signed document is' }))
    ], 'Record the NDA', elements => send('POST', '/api/ndas', Object.fromEntries(
      ['organisationId', 'signedOn', 'expiresOn', 'documentRef'].map(name => [name, elements.namedItem(name).value || null]))),
    nda => {
      read();
      return `Recorded: ${nda.documentRef} with ${nda.organisationId}, ending ${nda.expiresOn} (in the register as ${nda.id}).`;
    }),
    el('h2', {}, 'On file, latest end first'),
    searchForm('ndas', field('Organisation', input('organisation', {
      value: params.get('organisation') || '', list: 'gatehouse-admin-partners', placeholder: 'every one'
    }))),
    list);
  read();
}

// ---------------------------------------------------------------------------------------------------------------
// The review queue (C10)

function outcome(message) {
  const by = message.processedBy ? `, by ${message.processedBy}` : '';
  return message.ticketId ? `${message.status.toLowerCase()}: ticket ${message.ticketId}${by}`
    : `${message.status.toLowerCase()}${by}`;
}

function reviewActions(message, changed) {
  const path = `/api/intake/messages/${encodeURIComponent(message.id)}`;
  return [
    apiForm('gatehouse-admin-convert', [
      field('For (an employee\'s id; none: its sender)', input('requester')),
      field('Category', input('category', { placeholder: 'as the routing decides' }))
    ], 'Turn into a request', elements => send('POST', `${path}/convert`, {
      requester: elements.namedItem('requester').value || null, category: elements.namedItem('category').value || null
    }), converted => {
      changed(`"${message.subject}" is ticket ${converted.ticketId} now.`);
      return '';
    }),
    el('button', {
      type: 'button', class: 'btn btn-default gatehouse-admin-dismiss',
      onclick: action('POST', `${path}/dismiss`, `"${message.subject}" is dismissed.`, changed)
    }, 'Dismiss')
  ];
}

function messageRow(message, changed) {
  return el('tr', { 'data-message': message.id },
    el('td', {}, time(message.receivedAt)),
    el('td', {}, message.channel),
    el('td', {}, message.senderName ? `${message.senderName} <${message.sender}>` : message.sender),
    el('td', {}, el('strong', { class: 'gatehouse-admin-subject' }, message.subject || '(no subject)'),
      message.body ? el('details', {}, el('summary', {}, 'message'), el('pre', {}, message.body)) : ''),
    el('td', {}, message.reason || ''),
    el('td', { class: 'gatehouse-admin-outcome' },
      message.status === 'REVIEW' ? reviewActions(message, changed) : outcome(message)));
}

function showReviewQueue(body) {
  const params = hashParams();
  const status = MESSAGE_STATUSES.includes(params.get('status')) ? params.get('status') : 'REVIEW';
  const list = el('div', { class: 'gatehouse-admin-messages' });
  const { notice, changed } = changeNotice(() => read());
  const read = () => fill(list, async () => {
    const messages = await send('GET', `/api/intake/messages?status=${status}&limit=100`);
    return table('gatehouse-admin-messages-table', ['Received', 'Channel', 'From', 'Subject', 'Why here', ''],
      messages.map(message => messageRow(message, changed)), status === 'REVIEW' ? 'Nothing waits for review.' : 'None.');
  });
  body.append(searchForm('review-queue', field('Messages', select('status',
    Object.fromEntries(MESSAGE_STATUSES.map(s => [s, s === 'REVIEW' ? 'waiting for review' : s.toLowerCase()])), status))),
  notice, list);
  read();
}

// ---------------------------------------------------------------------------------------------------------------
// Imports and their reports

function progress(anImport) {
  return el('span', { class: 'gatehouse-admin-progress' },
    el('progress', { max: Math.max(anImport.totalRows, 1), value: anImport.processed }),
    ` ${anImport.processed} of ${anImport.totalRows}`);
}

const COUNTS = ['created', 'updated', 'unchanged', 'skipped', 'refused'];

/** Reads again in a few seconds while an import runs and the page still shows it: its progress grows. */
function whileRunning(running, node, read) {
  if (running) {
    setTimeout(() => node.isConnected && read(), 3000);
  }
}

function showImportList(body) {
  const params = hashParams();
  const list = el('div', { class: 'gatehouse-admin-imports' });
  const read = () => fill(list, async () => {
    const result = await send('GET', `/api/directory/imports?page=${pageOf(params)}&size=${PAGE_SIZE}`);
    whileRunning(result.entries.some(anImport => anImport.status === 'RUNNING'), list, read);
    return [
      table('gatehouse-admin-imports-table', ['Started', 'Kind', 'Source', 'By', 'Status', 'Progress', ...COUNTS],
        result.entries.map(anImport => el('tr', { 'data-import': anImport.id },
          el('td', {}, el('a', { href: `#${viewRoute('imports')}/${encodeURIComponent(anImport.id)}`,
            class: 'gatehouse-admin-report-link' }, time(anImport.startedAt))),
          el('td', {}, anImport.kind), el('td', {}, anImport.sourceName), el('td', {}, anImport.startedBy),
          el('td', { class: 'gatehouse-admin-import-status' }, anImport.status), el('td', {}, progress(anImport)),
          COUNTS.map(count => el('td', {}, anImport[count])))), 'No import yet.'),
      pager(result, viewRoute('imports'), params)
    ];
  });
  body.append(list);
  read();
}

function showImportReport(body, id) {
  const report = el('div', { class: 'gatehouse-admin-report' });
  const read = () => fill(report, async () => {
    const answer = await send('GET', `/api/directory/imports/${encodeURIComponent(id)}`);
    whileRunning(answer.status === 'RUNNING', report, read);
    const facts = [['Kind', answer.kind], ['Source', answer.sourceName], ['Started by', answer.startedBy],
      ['Started', time(answer.startedAt)], ['Finished', time(answer.finishedAt)], ['Status', answer.status],
      ['Progress', progress(answer)], ...COUNTS.map(count => [count, answer[count]])];
    return [
      el('dl', { class: 'dl-horizontal gatehouse-admin-report-facts' },
        facts.flatMap(([name, value]) => [el('dt', {}, name), el('dd', { 'data-fact': name }, value)])),
      el('h2', {}, 'Refused rows'),
      table('gatehouse-admin-refusals', ['Line', 'Why'], answer.refusals.map(refusal =>
        el('tr', {}, el('td', {}, refusal.line), el('td', {}, refusal.reason))), 'No row refused.')
    ];
  });
  body.append(el('p', {}, el('a', { href: '#' + viewRoute('imports') }, '‹ Every import')),
    el('h2', {}, `Report of import ${id}`), report);
  read();
}

function showImports(body, id) {
  return id ? showImportReport(body, id) : showImportList(body);
}

// ---------------------------------------------------------------------------------------------------------------
// People, their roles and status

function personRow(person, changed) {
  const path = `/api/directory/people/${encodeURIComponent(person.id)}`;
  const active = person.status === 'ACTIVE';
  return el('tr', { 'data-person': person.id },
    el('td', {}, person.id), el('td', {}, person.name), el('td', {}, person.email || ''),
    el('td', {}, person.kind.toLowerCase()), el('td', {}, person.organisationId || ''),
    el('td', { class: 'gatehouse-admin-person-status' }, person.status.toLowerCase()),
    el('td', { class: 'gatehouse-admin-roles' }, person.groups.map(group => el('span', {
      class: 'label label-default gatehouse-admin-role', 'data-group': group
    }, group, group === 'requesters' ? '' : el('button', {
      type: 'button', class: 'gatehouse-admin-revoke', title: `Revoke ${group}`, 'aria-label': `Revoke ${group}`,
      onclick: action('DELETE', `${path}/roles/${encodeURIComponent(group)}`, `${person.id} no longer holds ${group}.`, changed)
    }, '×')))),
    el('td', { class: 'gatehouse-admin-person-actions' },
      el('button', {
        type: 'button', class: `btn btn-default btn-sm gatehouse-admin-${active ? 'deactivate' : 'activate'}`,
        onclick: action('POST', `${path}/${active ? 'deactivate' : 'activate'}`,
          `${person.id} is ${active ? 'inactive' : 'active'} now.`, changed)
      }, active ? 'Deactivate' : 'Activate'),
      apiForm('gatehouse-admin-grant', input('group', { list: 'gatehouse-admin-groups', placeholder: 'role' }), 'Grant',
        elements => send('PUT', `${path}/roles/${encodeURIComponent(elements.namedItem('group').value.trim())}`),
        () => {
          changed(`${person.id} holds the role now.`);
          return '';
        })));
}

function showPeople(body) {
  const params = hashParams();
  const query = new URLSearchParams({ page: pageOf(params), size: PAGE_SIZE });
  for (const name of ['q', 'status', 'role']) {
    if (params.get(name)) {
      query.set(name, params.get(name));
    }
  }
  const list = el('div', { class: 'gatehouse-admin-people' });
  const { notice, changed } = changeNotice(() => read());
  const read = () => fill(list, async () => {
    const result = await send('GET', `/api/directory/people?${query}`);
    return [
      table('gatehouse-admin-people-table', ['Id', 'Name', 'E-mail', 'Kind', 'Organisation', 'Status', 'Roles', ''],
        result.entries.map(person => personRow(person, changed)), 'Nobody matches.'),
      pager(result, viewRoute('people'), params, ['‹ Previous', 'Next ›', 'person', 'people'])
    ];
  });
  body.append(groupList(),
    searchForm('people', [
      field('Name, e-mail or id', input('q', { value: params.get('q') || '', type: 'search' })),
      field('Status', select('status', { '': 'any', ACTIVE: 'active', INACTIVE: 'inactive' }, params.get('status') || '')),
      field('Role', input('role', { value: params.get('role') || '', list: 'gatehouse-admin-groups', placeholder: 'any' }))
    ]),
    notice, list);
  read();
}

// ---------------------------------------------------------------------------------------------------------------
// The pages, the menu and the dashboard

function overview() {
  return el('ul', { class: 'gatehouse-admin-overview' }, Object.entries(VIEWS).map(([name, view]) =>
    el('li', {}, el('a', { href: '#' + viewRoute(name), class: `gatehouse-admin-open-${name}` }, view.title), ': ',
      view.about)));
}

function page(node, { api }) {
  cockpit = api;
  stylesheet(new URL('plugin.css', HERE).href);
  const match = window.location.hash.match(/^#\/admin(?:\/([a-z-]+))?(?:\/([^/?]+))?/);
  const name = match && match[1];
  const view = VIEWS[name];
  const root = el('div', { class: 'gatehouse-admin' },
    el('ul', { class: 'nav nav-tabs gatehouse-admin-tabs' }, Object.entries(VIEWS).map(([key, other]) =>
      el('li', { class: key === name ? 'active' : null }, el('a', { href: '#' + viewRoute(key), 'data-view': key }, other.title)))));
  node.append(root);
  if (!view) {
    root.append(el('h1', {}, 'Administration'), overview());
    return;
  }
  const body = el('div', { class: `gatehouse-admin-view gatehouse-admin-${name}` });
  root.append(el('h1', {}, view.title), el('p', { class: 'gatehouse-admin-lead' }, view.about), body);
  view.show(body, match[2] && decodeURIComponent(match[2]));
}

export default [
  {
    id: 'gatehouse.admin.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 2,
    render(node) {
      stylesheet(new URL('plugin.css', HERE).href);
      node.append(el('section', { class: 'gatehouse-admin-entry-point' }, el('h3', {}, 'Administration'), overview()));
    }
  },
  {
    id: 'gatehouse.admin.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 3,
    properties: { path: ROUTE },
    render(node) {
      node.append(el('a', { href: '#' + ROUTE }, 'Administration'));
    }
  },
  ...['', '/:view', '/:view/:id'].map(path => ({
    id: `gatehouse.admin.page${path.replace(/\/:/g, '.')}`,
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE + path },
    render: page
  }))
];
