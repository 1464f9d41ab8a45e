/*
 * What Gatehouse's Cockpit plugins share: pages built from text, never HTML (the API's answers hold what people and
 * partners wrote), and calls to Gatehouse's API with the webapps' session and its CSRF token, which those routes ask
 * of every call, reads included; a refusal's field errors shown beside the fields; paging through a hash route.
 */

const REFUSALS = { 401: 'sign in again', 403: 'not allowed', 404: 'not found' };

/** Gatehouse's API sits beside the webapps' path (/camunda), on the same server: {@code path} is /api/…. */
export function gatehouseApi(path) {
  const appRoot = document.querySelector('base').getAttribute('app-root');
  return appRoot.replace(/\/[^/]*$/, '') + path;
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      node.addEventListener(name.replace(/^on/, ''), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/**
 * A call with the session; a refusal throws an error naming the status and the API's own words, with the status and
 * the problem's field errors ({@code [{field, message}]}) as its {@code status} and {@code errors}.
 */
export async function call(api, url, accept = 'application/json', init = {}) {
  const headers = { Accept: accept, 'X-XSRF-TOKEN': api.CSRFToken };
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) {
    let detail = '';
    let errors = [];
    try {
      const body = await response.json();
      detail = body.detail || body.message || body.title || '';
      errors = Array.isArray(body.errors) ? body.errors : [];
    } catch (unreadable) {
      // the status says enough
    }
    const error = new Error(`${response.status} ${detail || response.statusText || REFUSALS[response.status] || 'refused'}`);
    error.status = response.status;
    error.errors = errors;
    throw error;
  }
  return response;
}

export async function json(api, url, init = {}) {
  return (await call(api, url, 'application/json', init)).json();
}

export function alert(message) {
  return el('div', { class: 'alert alert-danger gatehouse-error', role: 'alert' }, message);
}

const SHARED_STYLES = new URL('page.css', import.meta.url).href;

/** A plugin's stylesheet (an absolute URL) and the shared one beside this file, each added once. */
export function stylesheet(href) {
  for (const sheet of [SHARED_STYLES, href]) {
    if (![...document.querySelectorAll('link[rel=stylesheet]')].some(link => link.href === sheet)) {
      document.head.append(el('link', { rel: 'stylesheet', href: sheet }));
    }
  }
}

/** Times are UTC in the API (an instant's trailing Z or none) and shown as such: they are compared across offices. */
export function time(at) {
  if (!at) {
    return '';
  }
  const utc = at.replace(/Z$/, '');
  return el('time', { datetime: utc + 'Z', title: utc + ' UTC' }, utc.replace('T', ' ').slice(0, 19) + ' UTC');
}

/** The parameters after the route in the hash ({@code #/route?page=2}). */
export function hashParams() {
  const hash = window.location.hash;
  const query = hash.indexOf('?');
  return new URLSearchParams(query < 0 ? '' : hash.slice(query + 1));
}

/** {@code #route?params}, without the empty ones. */
export function hashLink(route, params) {
  const query = new URLSearchParams([...params].filter(([, value]) => value !== '')).toString();
  return '#' + route + (query ? '?' + query : '');
}

/**
 * Turns the pages of a {@code ResultPage} ({@code entries, page, size, total}) by links to the same route with
 * another {@code page}; {@code words} name the way back, the way on, and one and several entries.
 */
export function pager(result, route, params, words = ['‹ Previous', 'Next ›', 'entry', 'entries']) {
  const [back, on, one, several] = words;
  const pages = Math.max(1, Math.ceil(result.total / result.size));
  const turn = (label, target, enabled) => {
    const next = new URLSearchParams(params);
    next.set('page', target);
    return enabled ? el('a', { class: 'btn btn-default btn-sm', href: hashLink(route, next), 'data-page': target }, label)
      : el('span', { class: 'btn btn-default btn-sm disabled' }, label);
  };
  return el('div', { class: 'gatehouse-pager' },
    turn(back, result.page - 1, result.page > 0),
    el('span', { class: 'gatehouse-pager-position' },
      ` Page ${result.page + 1} of ${pages}, ${result.total} ${result.total === 1 ? one : several} `),
    turn(on, result.page + 1, result.page + 1 < pages));
}

/**
 * Shows a refusal on a form: each field error beside the field of that name (the API names fields as the body does:
 * {@code expiresOn}, {@code channelRules.CREATE.allowedGroups}), the rest with the refusal in {@code status}. With no
 * error it clears what an earlier refusal showed.
 */
export function showRefusal(form, status, error) {
  form.querySelectorAll('.gatehouse-field-error').forEach(node => node.remove());
  form.querySelectorAll('.has-error').forEach(node => node.classList.remove('has-error'));
  if (!error) {
    return;
  }
  const elsewhere = [];
  for (const { field, message } of error.errors || []) {
    const input = [...form.elements].find(element => element.name === field);
    if (input) {
      (input.closest('label') || input).classList.add('has-error');
      input.after(el('span', { class: 'help-block gatehouse-field-error', 'data-field': field }, message));
    } else {
      elsewhere.push(`${field}: ${message}`);
    }
  }
  status.replaceChildren(alert([`Refused: ${error.message}`, ...elsewhere].join('; ')));
}
