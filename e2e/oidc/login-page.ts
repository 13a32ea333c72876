/** The test identity provider's sign-in form: labelled fields, so tests find them as a person would. */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export interface LoginPage {
  action: string;
  clientName: string;
  login?: string;
  error?: string;
}

export function loginPageHtml({ action, clientName, login, error }: LoginPage): string {
  const alert = error ? `<p role="alert" class="error">${escapeHtml(error)}</p>` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Test identity provider</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: #f4f5f7; }
  main { background: #fff; padding: 2rem; border-radius: 8px; width: min(22rem, calc(100vw - 2rem)); box-sizing: border-box; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; }
  button { margin-top: 1.5rem; width: 100%; padding: .6rem; font: inherit; }
  .error { color: #b00020; }
</style>
</head>
<body>
<main>
  <h1>Test identity provider</h1>
  <p>Sign in to continue to ${escapeHtml(clientName)}.</p>
  ${alert}
  <form method="post" action="${escapeHtml(action)}">
    <label for="login">Username</label>
    <input id="login" name="login" autocomplete="username" required value="${escapeHtml(login ?? "")}">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</main>
</body>
</html>`;
}
