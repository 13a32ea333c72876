/**
 * `next/headers` for unit tests, which run server code outside a Next request: one cookie
 * jar for the test process, empty until something sets a cookie, so reads and actions take
 * the connection from the environment as they do for a person who has chosen nothing. Pages
 * and actions inside real requests are tested in the browser (e2e/).
 */
const jar = new Map<string, string>();

const store = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string, value: string) => {
    jar.set(name, value);
  },
  delete: (name: string) => {
    jar.delete(name);
  },
};

export async function cookies() {
  return store;
}

/** Empties the jar between tests. */
export function clearTestCookies(): void {
  jar.clear();
}
