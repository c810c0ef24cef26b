// Minimal extension: activates on startup and contributes one command, so the
// smoke test can check activation and command execution in a real host.
const vscode = require('vscode');

function activate(context) {
  console.log('[cl-smoke] activated');
  context.subscriptions.push(
    vscode.commands.registerCommand('clSmoke.hello', (name) => `hello ${name ?? 'world'}`),
  );
  return { activatedAt: Date.now() };
}

module.exports = { activate, deactivate() {} };
