// The errspec extension: starts `errspec lsp` for the spec files (error-spec/*.toml) and lets
// VS Code's language client do the rest (diagnostics as you type, hover, completion, quick
// fixes, go to definition, outline). No logic of its own: everything is in the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('errspec');
  const command = config.get('path') || 'errspec';
  const language = config.get('language') || vscode.env.language;
  const serverOptions = { command, args: ['lsp'] };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', pattern: '**/error-spec/*.toml' }],
    initializationOptions: { lang: language },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/error-spec/*.toml'),
    },
  };
  client = new LanguageClient('errspec', 'errspec', serverOptions, clientOptions);
  context.subscriptions.push(client);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `errspec를 실행할 수 없습니다 (${command}): ${e.message}. ` +
        'cargo install --path codegen 으로 설치하거나 설정의 errspec.path에 경로를 적으세요.'
    );
  }
}

async function deactivate() {
  if (client) await client.stop();
}

module.exports = { activate, deactivate };
