-- `errspec lsp` in a real editor: Neovim's built-in LSP client (Debian's neovim 0.7.2, so
-- vim.lsp.start_client; vim.lsp.start came in 0.8), headless. Run by scripts/nvim-check:
--   ERRSPEC=target/debug/errspec SPEC_DIR=codegen/tests/fixtures/six-mistakes \
--   EXPECTED=check.jsonl nvim --headless -u NONE -c 'luafile tests/nvim/lsp.lua'
-- EXPECTED holds `errspec check --format json` of SPEC_DIR: every one of those diagnostics
-- must show in the editor at the same line, with the same rule id and the same (Korean) text.
-- Then a hover and a completion. Prints "N passed, N failed"; exits 1 on a failure.

local errspec = assert(os.getenv('ERRSPEC'), 'ERRSPEC')
local dir = assert(os.getenv('SPEC_DIR'), 'SPEC_DIR')
local expected_file = assert(os.getenv('EXPECTED'), 'EXPECTED')

local passed, failed = 0, 0
local function check(ok, what)
  if ok then
    passed = passed + 1
    io.stdout:write('ok   ' .. what .. '\n')
  else
    failed = failed + 1
    io.stdout:write('FAIL ' .. what .. '\n')
  end
end
local function finish()
  io.stdout:write(string.format('%d passed, %d failed\n', passed, failed))
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local expected = {}
for line in io.lines(expected_file) do
  if line ~= '' then table.insert(expected, vim.fn.json_decode(line)) end
end
check(#expected > 0, #expected .. ' diagnostics expected from errspec check')

local client_id = vim.lsp.start_client({
  name = 'errspec',
  cmd = { errspec, 'lsp' },
  root_dir = dir,
})
check(client_id ~= nil, 'the client starts errspec lsp')

local bufs = {}
for _, name in ipairs({ 'shop.toml', 'refund.toml', 'catalog.toml' }) do
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  bufs[name] = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufs[name], client_id)
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function file_of(e)
  return vim.fn.fnamemodify(e.file, ':t')
end

-- Every diagnostic of `errspec check`, at its line, in Korean.
local function all_seen()
  for _, e in ipairs(expected) do
    local found = false
    for _, d in ipairs(vim.diagnostic.get(bufs[file_of(e)])) do
      if code_of(d) == e.id and d.lnum == e.line - 1 then found = true end
    end
    if not found then return false end
  end
  return true
end
vim.wait(60000, all_seen, 50)

for _, e in ipairs(expected) do
  local match
  for _, d in ipairs(vim.diagnostic.get(bufs[file_of(e)])) do
    if code_of(d) == e.id and d.lnum == e.line - 1 then match = d end
  end
  check(match ~= nil, string.format('%s:%d %s shown', file_of(e), e.line, e.id))
  if match then
    -- Neovim counts columns in bytes; check counts characters.
    local text = vim.api.nvim_buf_get_lines(bufs[file_of(e)], match.lnum, match.lnum + 1, false)[1] or ''
    local chars = vim.str_utfindex(text, math.min(match.col, #text))
    check(chars == e.column - 1, string.format('%s:%d %s at column %d', file_of(e), e.line, e.id, e.column))
    check(vim.startswith(match.message, e.message), string.format('%s:%d %s says "%s"', file_of(e), e.line, e.id, e.message))
    check(match.message:find('도움말: ', 1, true) ~= nil, string.format('%s:%d %s has its fix, in Korean', file_of(e), e.line, e.id))
  end
end
local shown = 0
for _, b in pairs(bufs) do shown = shown + #vim.diagnostic.get(b) end
check(shown == #expected, string.format('nothing else shown (%d in the editor, %d from check)', shown, #expected))

-- Hover on a key (shop.toml: `status = 600`).
local shop = bufs['shop.toml']
local status_line
for i, l in ipairs(vim.api.nvim_buf_get_lines(shop, 0, -1, false)) do
  if l == 'status = 600' then status_line = i - 1 end
end
local hover = vim.lsp.buf_request_sync(shop, 'textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(shop) },
  position = { line = status_line, character = 2 },
}, 30000)
local hover_text = ''
for _, r in pairs(hover or {}) do
  if r.result and r.result.contents then hover_text = r.result.contents.value or '' end
end
check(hover_text:find('HTTP 상태', 1, true) ~= nil, 'hover on `status` explains it in Korean')

-- Completion inside `category = "X"`: the domain's categories.
local cat_line
for i, l in ipairs(vim.api.nvim_buf_get_lines(shop, 0, -1, false)) do
  if l == 'category = "X"' then cat_line = i - 1 end
end
local completion = vim.lsp.buf_request_sync(shop, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(shop) },
  position = { line = cat_line, character = 12 },
}, 30000)
local labels = {}
for _, r in pairs(completion or {}) do
  local items = r.result and (r.result.items or r.result) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
end
check(vim.deep_equal(labels, { 'C' }), 'completion in `category = "` offers the category C (got ' .. table.concat(labels, ',') .. ')')

-- Typing in the buffer (not saved): the fix clears the diagnostic.
vim.api.nvim_buf_set_lines(shop, cat_line, cat_line + 1, false, { 'category = "C"' })
local cleared = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(shop)) do
    if code_of(d) == 'E006' then return false end
  end
  return true
end, 50)
check(cleared, 'fixing the category in the unsaved buffer clears E006')

vim.lsp.stop_client(client_id)
finish()
