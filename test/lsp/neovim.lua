-- Drives `papers lsp` from headless Neovim as a user's config would: started with the snippet of
-- docs/editors.md (vim.lsp.start on Neovim 0.8+, start_client + buf_attach_client on 0.7), then a
-- live edit, a quick fix applied, the outline, workspace search, completion, hover and shutdown.
-- Writes what it saw as JSON to $PAPERS_NVIM_OUT; test/lsp/neovim.test.ts checks it.
local out = {}
local function done()
  local f = io.open(os.getenv('PAPERS_NVIM_OUT'), 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd('qa!')
end
local ok, err = pcall(function()
  local root = os.getenv('PAPERS_NVIM_ROOT')
  local cmd = { os.getenv('PAPERS_NVIM_NODE'), os.getenv('PAPERS_NVIM_BIN'), 'lsp', '--stdio' }
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/notes/papers.md'))
  local buf = vim.api.nvim_get_current_buf()
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start({ name = 'papers', cmd = cmd, root_dir = root })
    out.started_with = 'vim.lsp.start'
  else
    client_id = vim.lsp.start_client({ name = 'papers', cmd = cmd, root_dir = root })
    vim.lsp.buf_attach_client(buf, client_id)
    out.started_with = 'vim.lsp.start_client'
  end
  out.nvim = vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch
  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, { lnum = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), source = d.source, severity = d.severity })
    end
    table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return list
  end
  out.got_diagnostics = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.diagnostics = diagnostics()

  -- A live edit: a new note after Chinese text and an emoji, with a TODO.
  vim.api.nvim_buf_set_lines(buf, 7, 7, false, { '- 中文😀 TODO 补充' })
  out.got_edit = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do if d.lnum == 7 then return true end end
    return false
  end, 50)
  out.after_edit = diagnostics()

  local client = vim.lsp.get_client_by_id(client_id)
  local function request(method, params)
    local res = client.request_sync(method, params, 10000, buf)
    if not res then return { error = 'timeout' } end
    return res.err and { error = res.err.message } or { result = res.result }
  end
  local uri = vim.uri_from_bufnr(buf)

  -- The quick fix of the first venue-spelling finding, applied as Neovim applies code actions.
  local venue
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'venue-spelling' and not venue then venue = d end
  end
  local range = { start = { line = venue.lnum, character = 0 }, ['end'] = { line = venue.lnum + 1, character = 0 } }
  local actions = request('textDocument/codeAction', { textDocument = { uri = uri }, range = range, context = { diagnostics = {}, only = { 'quickfix' } } })
  out.fix_line_before = vim.api.nvim_buf_get_lines(buf, venue.lnum, venue.lnum + 1, false)[1]
  for _, a in ipairs(actions.result or {}) do
    if a.isPreferred then
      out.fix_title = a.title
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      break
    end
  end
  out.fix_line_after = vim.api.nvim_buf_get_lines(buf, venue.lnum, venue.lnum + 1, false)[1]
  out.fix_lnum = venue.lnum
  out.got_fix = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if d.lnum == venue.lnum and code == 'venue-spelling' then return false end
    end
    return true
  end, 50)

  local symbols = request('textDocument/documentSymbol', { textDocument = { uri = uri } })
  out.outline = {}
  for _, s in ipairs(symbols.result or {}) do table.insert(out.outline, { name = s.name, children = #(s.children or {}) }) end
  local found = request('workspace/symbol', { query = 'Donut' })
  out.workspace_first = found.result and found.result[1] and found.result[1].name
  out.workspace_line = found.result and found.result[1] and found.result[1].location.range.start.line

  -- Completion inside the venue bracket of a new heading.
  vim.api.nvim_buf_set_lines(buf, 8, 8, false, { '### New Paper[NeurI' })
  local items = request('textDocument/completion', { textDocument = { uri = uri }, position = { line = 8, character = 19 } })
  out.completion = {}
  for _, i in ipairs((items.result and (items.result.items or items.result)) or {}) do
    if i.label:find('^Neur') then table.insert(out.completion, i.label) end
  end
  local hover = request('textDocument/hover', { textDocument = { uri = uri }, position = { line = 5, character = 6 } })
  out.hover = hover.result and hover.result.contents.value

  vim.lsp.stop_client(client_id)
  out.stopped = vim.wait(10000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end)
if not ok then out.error = tostring(err) end
done()
