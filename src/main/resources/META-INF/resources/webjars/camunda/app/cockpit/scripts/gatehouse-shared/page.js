/*
 * What Gatehouse's Cockpit plugins share: pages built from text, never HTML (the API's answers hold what people and
 * partners wrote), and calls to Gatehouse's API with the webapps' session and its CSRF token, which those routes ask
 * of every call, reads included.
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

/** A call with the session; a refusal throws an error naming the status and the API's own words. */
export async function call(api, url, accept = 'application/json', init = {}) {
  const headers = { Accept: accept, 'X-XSRF-TOKEN': api.CSRFToken };
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) {
    let detail = '';
    try {
      const body = await response.json();
      detail = body.detail || body.message || body.title || '';
    } catch (unreadable) {
      // the status says enough
    }
    throw new Error(`${response.status} ${detail || response.statusText || REFUSALS[response.status] || 'refused'}`);
  }
  return response;
}

export async function json(api, url, init = {}) {
  return (await call(api, url, 'application/json', init)).json();
}
