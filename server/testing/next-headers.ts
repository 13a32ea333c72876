/**
 * `next/headers` for unit tests, which run server code outside a Next request: a request
 * without cookies, so actions and reads take the connection from the environment, as they do
 * for a person who has not chosen a region. Pages and actions in a real request are tested in
 * the browser (e2e/).
 */
const EMPTY = {
  get: () => undefined,
  getAll: () => [],
  has: () => false,
};

export async function cookies() {
  return EMPTY;
}
