// Kibly admin console: plain ES2020, no library. Text is only ever inserted with textContent (el()/svg()).
'use strict';
(() => {
    const TOKEN_KEY = 'kibly.token';
    const FLASH_KEY = 'kibly.flash';
    const CALLBACK = '/admin/oauth-callback.html';
    const ACTIVE = new Set(['QUEUED', 'RUNNING', 'RETRY_SCHEDULED']);
    const RETRYABLE = new Set(['FAILED', 'CANCELLED']);
    const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
    const CONNECTABLE = new Set(['PENDING_AUTH', 'NEEDS_REAUTH']);
    const PROVIDERS = {xero: 'Xero', quickbooks: 'QuickBooks'};
    const $ = id => document.getElementById(id);

    const state = {
        integrations: new Map(), // id → integration
        jobs: new Map(),         // id → newest known version of every job this page has seen
        failures: new Map(),     // id → FAILED job
        stats: null, summary: null, metrics: null,
        selected: null,          // id of the job in the detail panel
        stream: null,            // AbortController of the live stream
    };

    // ---------- small helpers ----------
    const absent = v => v === null || v === undefined || v === false;
    const make = ns => (tag, attrs = {}, ...children) => { // attributes and text only: never markup
        const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
        for (const [key, value] of Object.entries(attrs).filter(([, v]) => !absent(v))) {
            if (key === 'text') node.textContent = String(value);
            else if (key === 'data') Object.entries(value).forEach(([k, v]) => { node.dataset[k] = String(v); });
            else node.setAttribute(key, value === true ? '' : String(value));
        }
        children.flat().filter(c => !absent(c)).forEach(c => node.append(c instanceof Node ? c : String(c)));
        return node;
    };
    const el = make(null), svg = make('http://www.w3.org/2000/svg');
    const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
    const shortId = id => String(id || '').slice(0, 8);
    const num = n => (Number(n) || 0).toLocaleString();
    const integrationName = id => (state.integrations.get(id) || {}).name || 'integration ' + shortId(id);
    const sleep = (ms, signal) => new Promise(resolve => {
        const timer = setTimeout(resolve, ms);
        if (signal) signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, {once: true});
    });
    const when = iso => !iso ? '—' : isNaN(new Date(iso)) ? String(iso) : new Date(iso).toLocaleString('sv-SE'); // local, ISO-like
    function duration(seconds) {
        const s = Math.round(Number(seconds));
        if (seconds === null || seconds === undefined || isNaN(s)) return '—';
        return s < 60 ? s + ' s' : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s`
            : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
    }
    function money(amount, currency) {
        try { return new Intl.NumberFormat(undefined, {style: 'currency', currency}).format(Number(amount)); }
        catch (e) { return num(amount) + ' ' + (currency || ''); } // not an ISO 4217 code
    }
    // Runs fn once, ms after the first of a burst of calls (so a busy stream still repaints every ms).
    const throttled = (fn, ms) => { let t = null; return () => { t = t || setTimeout(() => { t = null; fn(); }, ms); }; };

    // ---------- messages ----------
    function say(text, kind = 'info') {
        const box = $('messages');
        box.prepend(el('p', {data: {kind}}, el('span', {class: 'small', text: new Date().toLocaleTimeString('sv-SE') + ' '}), text));
        while (box.children.length > 6) box.lastElementChild.remove();
    }
    const fail = prefix => error => say(prefix + ': ' + (error && error.message ? error.message : String(error)), 'error');

    // ---------- API ----------
    const PLAIN = {401: 'the token was refused (missing, expired or not issued for this engine): paste a valid one',
        403: "your token's roles do not allow this", 404: "not found (or not this tenant's)"};
    function problemText(status, problem) { // RFC 9457: detail in plain words, then the offending fields
        const fields = (problem && Array.isArray(problem.errors) ? problem.errors : []).map(e => `${e.field}: ${e.message}`).join('; ');
        const detail = problem?.detail || PLAIN[status] || problem?.title || `the engine answered HTTP ${status}`;
        return fields ? `${detail} (${fields})` : detail;
    }
    async function api(method, path, body) {
        const headers = {'Accept': 'application/json', 'Authorization': 'Bearer ' + token()};
        if (body !== undefined) headers['Content-Type'] = 'application/json';
        const response = await fetch(path, {method, headers, cache: 'no-store',
            body: body === undefined ? undefined : JSON.stringify(body)})
            .catch(e => { throw new Error('the engine cannot be reached (' + e.message + ')'); });
        const data = await response.json().catch(() => null); // none, or not JSON
        if (!response.ok) throw new Error(problemText(response.status, data));
        return {status: response.status, data};
    }

    // ---------- token and tenant ----------
    function claims(jwt) {
        try { // base64url of UTF-8 JSON; the signature is the engine's business
            const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
            return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0))));
        } catch (e) { return null; }
    }
    function showTenant() {
        const out = $('tenant');
        const jwt = token();
        if (!jwt) { out.textContent = 'No token yet: paste one and press Use.'; return; }
        const c = claims(jwt);
        if (!c) { out.textContent = 'Tenant unknown (the token is not a readable JWT).'; return; }
        const parts = ['Tenant ' + (c.tenant || 'unknown')];
        if (c.upn) parts.push('user ' + c.upn);
        if (Array.isArray(c.groups)) parts.push('roles ' + c.groups.join(', '));
        if (c.exp && c.exp * 1000 < Date.now()) parts.push('EXPIRED since ' + when(new Date(c.exp * 1000).toISOString()));
        out.textContent = parts.join(' · ');
    }

    // ---------- rows kept in place (a test or a screen reader holding a row keeps it) ----------
    function syncRows(tbody, items, attr, fill, emptyText, columns) {
        const existing = new Map([...tbody.querySelectorAll(`tr[${attr}]`)].map(tr => [tr.getAttribute(attr), tr]));
        const rows = items.map(item => {
            const tr = existing.get(String(item.id)) || el('tr', {[attr]: item.id});
            fill(tr, item);
            return tr;
        });
        tbody.replaceChildren(...(rows.length ? rows : [emptyRow(emptyText, columns)]));
    }
    const emptyRow = (text, columns) => el('tr', {class: 'empty'}, el('td', {colspan: columns, class: 'muted', text}));
    const badge = status => el('span', {class: 'badge', data: {status}, text: status || '?'});
    const button = (action, label, extra = {}) => el('button', {type: 'button', data: {action}, text: label, ...extra});
    // Rows, progress bars and buttons are updated in place, so an element a test or a screen reader holds stays live.
    function cells(tr, count) {
        while (tr.cells.length < count) tr.append(el('td'));
        return [...tr.cells];
    }
    function setButtons(cell, specs) { // specs: [action, label, attributes]; rebuilt only when the set of actions changes
        specs = specs.filter(Boolean);
        if ([...cell.children].map(b => b.dataset.action).join() !== specs.map(s => s[0]).join()) {
            cell.replaceChildren(...specs.map(s => button(...s)));
        } else {
            specs.forEach(([, , attrs = {}], i) => {
                cell.children[i].disabled = !!attrs.disabled;
                cell.children[i].title = attrs.title || '';
            });
        }
    }

    // ---------- integrations ----------
    async function loadIntegrations() {
        const {data} = await api('GET', '/api/integrations?limit=500');
        state.integrations = new Map(data.items.map(i => [i.id, i]));
        renderIntegrations();
    }
    function renderIntegrations() {
        const items = [...state.integrations.values()];
        syncRows($('integrations'), items, 'data-integration-id', fillIntegration,
            'No integrations yet: register one below.', 6);
        const filter = $('filter-integration');
        const options = items.map(i => [i.id, `${i.name} (${PROVIDERS[i.provider] || i.provider})`]);
        if ([...filter.options].slice(1).map(o => o.value + o.text).join() !== options.map(o => o.join('')).join()) {
            const chosen = filter.value;
            filter.replaceChildren(el('option', {value: '', text: 'any'}), ...options.map(([value, text]) => el('option', {value, text})));
            filter.value = state.integrations.has(chosen) ? chosen : '';
        }
        document.querySelectorAll('#jobs tr[data-job-id]').forEach(tr => fillJob(tr, state.jobs.get(tr.dataset.jobId)));
    }
    function fillIntegration(tr, i) {
        tr.dataset.status = i.status;
        const active = i.status === 'ACTIVE';
        const notActive = active ? null : 'Only an ACTIVE integration can be synced: connect it first';
        const [name, provider, status, reason, last, actions] = cells(tr, 6);
        name.textContent = i.name;
        provider.textContent = PROVIDERS[i.provider] || i.provider;
        status.replaceChildren(badge(i.status));
        reason.className = 'small';
        reason.textContent = i.statusReason || '';
        last.textContent = i.lastSyncRequestedAt ? when(i.lastSyncRequestedAt) : 'never';
        setButtons(actions, [
            CONNECTABLE.has(i.status) && ['connect', 'Connect', {'aria-label': `Connect ${i.name} to ${provider.textContent}`}],
            ['check', 'Check', {'aria-label': `Check the connection of ${i.name}`}],
            ['sync', 'Sync now', {'aria-label': `Incremental sync of ${i.name}`, disabled: !active, title: notActive}],
            ['full-sync', 'Full sync', {'aria-label': `Full sync of ${i.name}`, disabled: !active, title: notActive}]]);
    }
    async function integrationAction(action, id, btn) {
        const i = state.integrations.get(id);
        const name = i ? `"${i.name}"` : 'the integration';
        btn.disabled = true;
        try {
            if (action === 'connect') {
                const redirect = encodeURIComponent(location.origin + CALLBACK);
                const {data} = await api('GET', `/api/integrations/${encodeURIComponent(id)}/auth-url?redirectUri=${redirect}`);
                const url = new URL(data.authUrl);
                if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('the engine gave an unusable address');
                say(`Opening the provider's consent page for ${name}…`);
                location.assign(url.href);
                return;
            }
            if (action === 'check') {
                const {data} = await api('POST', `/api/integrations/${encodeURIComponent(id)}/connection-check`);
                say(`Connection of ${name} works (provider organisation ${data.providerTenantId}).`, 'ok');
                return;
            }
            const syncType = action === 'full-sync' ? 'FULL' : 'INCREMENTAL';
            const {status, data} = await api('POST', '/api/sync-jobs', {integrationId: id, syncType});
            upsertJob(data);
            say(status === 202
                ? `${syncType === 'FULL' ? 'Full' : 'Incremental'} sync of ${name} queued (job ${shortId(data.id)}).`
                : `${name} already has an active sync (job ${shortId(data.id)}, ${data.status}): showing it.`, 'ok');
            selectJob(data.id);
        } catch (e) {
            const verb = {connect: 'Connecting', check: 'The check of', sync: 'Syncing', 'full-sync': 'Full sync of'}[action];
            fail(`${verb} ${name} failed`)(e);
        } finally {
            btn.disabled = false;
            refreshIntegrationsSoon();
        }
    }
    async function register(event) {
        event.preventDefault();
        const provider = $('register-provider').value;
        const name = $('register-name').value.trim();
        if (!name) { say('Give the integration a name.', 'error'); $('register-name').focus(); return; }
        $('register-button').disabled = true;
        try {
            const {data} = await api('POST', '/api/integrations', {provider, name, integrationType: 'accounting'});
            state.integrations.set(data.id, data);
            renderIntegrations();
            $('register-name').value = '';
            say(`Registered "${data.name}" (${PROVIDERS[data.provider] || data.provider}): press Connect to authorise it.`, 'ok');
        } catch (e) {
            fail('Not registered')(e);
        } finally {
            $('register-button').disabled = false;
        }
    }

    // ---------- sync jobs ----------
    const filters = () => ({status: $('filter-status').value, integrationId: $('filter-integration').value});
    const matches = (job, f = filters()) => (!f.status || job.status === f.status)
        && (!f.integrationId || job.integrationId === f.integrationId);
    function remember(job) { // keeps the newest version; answers whether this one is it
        const known = state.jobs.get(job.id);
        if (known && Number(known.version) > Number(job.version)) return false;
        state.jobs.set(job.id, job);
        if (job.status === 'FAILED') state.failures.set(job.id, job); else state.failures.delete(job.id);
        return true;
    }
    async function loadJobs() {
        const query = new URLSearchParams({limit: '50'});
        Object.entries(filters()).forEach(([k, v]) => v && query.set(k, v));
        const {data} = await api('GET', '/api/sync-jobs?' + query);
        data.items.forEach(remember);
        const items = data.items.map(j => state.jobs.get(j.id));
        syncRows($('jobs'), items, 'data-job-id', fillJob, 'No sync jobs match.', 7);
        renderDetail();
        scheduleCharts();
    }
    async function loadFailures() {
        const {data} = await api('GET', '/api/sync-jobs?status=FAILED&limit=50');
        data.items.forEach(remember);
        renderFailures();
    }
    function progressOf(job) {
        const p = job.progress || {};
        const processed = Number(p.processed) || 0;
        const total = p.total === null || p.total === undefined ? null : Number(p.total);
        if (job.status === 'COMPLETED') return {pct: 100, processed, total, indeterminate: false};
        const pct = total > 0 ? Math.min(100, Math.floor(processed * 100 / total)) : 0;
        return {pct, processed, total, indeterminate: job.status === 'RUNNING' && !(total > 0)};
    }
    function fillJob(tr, job) {
        if (!job) return;
        tr.dataset.status = job.status;
        tr.setAttribute('aria-selected', String(state.selected === job.id));
        const [idCell, integration, type, status, progress, counts, actions] = cells(tr, 7);
        if (!idCell.firstChild) {
            idCell.append(el('button', {type: 'button', class: 'link', data: {action: 'details'},
                'aria-label': `Details of job ${job.id}`, text: shortId(job.id)}), el('div', {class: 'small', text: when(job.createdAt)}));
            progress.append(el('progress', {max: 100, 'aria-label': `Progress of job ${shortId(job.id)}`}), el('div', {class: 'small'}));
            counts.className = 'small';
            counts.title = 'imported / updated / deleted / unchanged / failed';
        }
        const pr = progressOf(job);
        const bar = progress.firstChild;
        if (pr.indeterminate) bar.removeAttribute('value'); else bar.value = pr.pct; // no value: the bar looks busy
        Object.assign(bar.dataset, {progress: pr.pct, status: job.status, indeterminate: pr.indeterminate});
        const pages = (job.progress && job.progress.pagesFetched) || 0;
        progress.lastChild.textContent = (pr.total > 0 ? `${num(pr.processed)} of ${num(pr.total)}` : `${num(pr.processed)} processed`)
            + ` · ${num(pages)} page${pages === 1 ? '' : 's'}` + (pr.indeterminate ? '' : ` · ${pr.pct} %`);
        integration.textContent = integrationName(job.integrationId);
        type.replaceChildren(job.syncType, el('div', {class: 'small', text: `${job.trigger || ''} · priority ${job.priority}`}));
        status.replaceChildren(badge(job.status), job.throttled ? el('div', {class: 'small', text: `${num(job.throttled)} × 429`}) : '');
        const c = job.counts || {};
        counts.textContent = `+${num(c.imported)} ~${num(c.updated)} −${num(c.deleted)} =${num(c.unchanged)}`
            + (c.failed ? ` !${num(c.failed)}` : '');
        setButtons(actions, [ACTIVE.has(job.status) && ['cancel', 'Cancel', {'aria-label': `Cancel job ${shortId(job.id)}`}],
            RETRYABLE.has(job.status) && ['retry', 'Retry', {'aria-label': `Retry job ${shortId(job.id)}`}]]);
    }
    function upsertJob(job) {
        if (!job || !job.id) return;
        const before = state.jobs.get(job.id);
        if (!remember(job)) return;
        const tbody = $('jobs');
        let tr = tbody.querySelector(`tr[data-job-id="${CSS.escape(job.id)}"]`);
        if (!tr && matches(job)) {
            tr = el('tr', {'data-job-id': job.id});
            tbody.querySelectorAll('tr.empty').forEach(r => r.remove());
            tbody.prepend(tr);
        }
        if (tr) fillJob(tr, job);
        if (state.selected === job.id) renderDetail();
        renderFailures();
        scheduleCharts();
        if (!before || (before.status !== job.status && FINAL.has(job.status))) refreshSoon();
    }
    async function jobAction(action, id, btn) {
        btn.disabled = true;
        try {
            const {data} = await api('POST', `/api/sync-jobs/${encodeURIComponent(id)}/${action}`);
            upsertJob(data);
            say(action === 'cancel'
                ? `Job ${shortId(id)} is being cancelled: it stops within one page; the stored pages stay.`
                : `Job ${shortId(id)} is queued again and resumes from its checkpoint.`, 'ok');
        } catch (e) {
            fail(`${action === 'cancel' ? 'Cancel' : 'Retry'} of job ${shortId(id)} failed`)(e);
        } finally {
            btn.disabled = false;
        }
    }

    // ---------- detail panel ----------
    function selectJob(id) {
        state.selected = id;
        document.querySelectorAll('#jobs tr[data-job-id]').forEach(tr =>
            tr.setAttribute('aria-selected', String(tr.dataset.jobId === id)));
        renderDetail();
    }
    function renderDetail() {
        const panel = $('job-detail');
        const job = state.jobs.get(state.selected);
        if (!job) {
            delete panel.dataset.jobId;
            return panel.replaceChildren(el('p', {class: 'muted', text: 'Select a job to see its timeline, counts and last error.'}));
        }
        panel.dataset.jobId = job.id;
        panel.dataset.status = job.status;
        const c = job.counts || {};
        const pr = progressOf(job);
        const end = job.finishedAt ? new Date(job.finishedAt) : ACTIVE.has(job.status) ? new Date() : null;
        const ran = job.startedAt && end ? (end - new Date(job.startedAt)) / 1000 : null;
        const step = (label, iso) => el('li', {'data-empty': !iso}, el('strong', {text: label + ': '}), when(iso));
        const pairs = rows => el('dl', {}, rows.flatMap(([k, v]) => [el('dt', {text: k}), el('dd', {text: v})]));
        panel.replaceChildren(
            el('h3', {}, `Job ${shortId(job.id)} `, badge(job.status)),
            el('p', {class: 'small', text: `${job.syncType} sync of ${integrationName(job.integrationId)}, ${job.trigger || ''}`
                + ` trigger, priority ${job.priority}` + (job.requestedBy ? `, by ${job.requestedBy}` : '')
                + (job.dateFrom || job.dateTo ? `, dates ${job.dateFrom || '…'} to ${job.dateTo || '…'}` : '')}),
            el('h3', {text: 'Timeline'}),
            el('ol', {class: 'timeline'}, step('Created', job.createdAt), step('Started', job.startedAt),
                step('Last heartbeat', job.heartbeatAt), step('Next attempt', job.nextAttemptAt),
                step('Finished', job.finishedAt)),
            el('h3', {text: 'Progress and counts'}),
            pairs([['Progress', (pr.total > 0 ? `${num(pr.processed)} of ${num(pr.total)}` : `${num(pr.processed)} processed`)
                    + ` in ${num(job.progress && job.progress.pagesFetched)} pages` + (pr.indeterminate ? '' : ` (${pr.pct} %)`)],
                ['Imported', num(c.imported)], ['Updated', num(c.updated)], ['Deleted', num(c.deleted)],
                ['Unchanged', num(c.unchanged)], ['Failed', num(c.failed)],
                ['Attempts', num(job.attempts)], ['Retries', num(job.retries)], ['429s waited', num(job.throttled)],
                ['Running time', ran === null ? '—' : duration(ran) + (ACTIVE.has(job.status) ? ' so far' : '')]]),
            el('h3', {text: 'Last error'}),
            job.lastError ? el('p', {class: 'error-text', text: job.lastError}) : el('p', {class: 'muted', text: 'None.'}),
            el('p', {class: 'small', text: 'Id ' + job.id}),
            el('p', {}, ACTIVE.has(job.status) ? button('cancel', 'Cancel', {'data-job-id': job.id}) : null,
                RETRYABLE.has(job.status) ? button('retry', 'Retry', {'data-job-id': job.id}) : null,
                ' ', button('close-detail', 'Close')));
    }

    // ---------- enrichment rules ----------
    async function loadRules() {
        const {data} = await api('GET', '/api/enrichment-rules');
        syncRows($('rules'), data || [], 'data-rule-id', fillRule, 'No enrichment rules.', 5);
    }
    function matchText(m) { // the criteria in words, e.g. description REGEX ^TESCO\b · amount ≤ 200
        const text = (name, t) => t && `${name} ${t.mode === 'REGEX' ? '~' : 'contains'} ${t.pattern}`;
        const range = m.minAmount !== undefined || m.maxAmount !== undefined
            ? `amount ${m.minAmount ?? '…'}–${m.maxAmount ?? '…'}` : null;
        return [text('description', m.description), text('reference', m.reference), m.contact && `contact ${m.contact}`,
            range, m.type && `type ${m.type}`, m.providerAccount && `account ${m.providerAccount}`].filter(Boolean).join(' · ');
    }
    function fillRule(tr, rule) {
        const state = rule.enabled === false ? 'DISABLED' : 'ENABLED';
        tr.dataset.status = state;
        const [priority, match, sets, status, reason] = cells(tr, 5);
        priority.textContent = String(rule.priority);
        match.textContent = matchText(rule.match || {});
        const set = rule.set || {};
        sets.textContent = [set.category, set.accountCode && `account ${set.accountCode}`,
            (set.tags || []).length ? `tags ${set.tags.join(', ')}` : null].filter(Boolean).join(' · ');
        status.replaceChildren(badge(state));
        reason.className = rule.enabled === false ? 'error-text' : 'small';
        reason.textContent = rule.enabled === false ? `${rule.disabledReason} (${when(rule.disabledAt)})` : '';
    }

    // ---------- failures ----------
    function renderFailures() {
        const list = $('failure-list');
        const failed = [...state.failures.values()].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
        if (!failed.length) { list.replaceChildren(el('li', {class: 'muted', text: 'No failed sync jobs.'})); return; }
        list.replaceChildren(...failed.map(job => el('li', {'data-job-id': job.id},
            el('strong', {text: integrationName(job.integrationId)}), ` · ${job.syncType} · job ${shortId(job.id)} · failed `
            + when(job.finishedAt || job.heartbeatAt || job.createdAt) + ` after ${num(job.attempts)} attempt(s)`,
            button('retry', 'Retry', {'aria-label': `Retry job ${shortId(job.id)}`}),
            button('details', 'Details'),
            el('div', {class: 'error-text', text: job.lastError || 'No reason was recorded.'}))));
    }

    async function loadDeadLetters() {
        const list = $('dead-letters');
        try {
            const letters = (await api('GET', '/api/dead-letters?limit=50')).data || [];
            list.replaceChildren(...(letters.length ? letters.map(letter => el('li', {'data-message-id': letter.messageId},
                el('strong', {text: letter.queue || 'unknown queue'}),
                ` · parked ${when(letter.parkedAt)} · ${letter.reason || ''}` + (letter.jobId ? ` · job ${shortId(letter.jobId)}` : ''),
                el('div', {class: 'error-text', text: [letter.comment, letter.failure].filter(Boolean).join(' — ')
                    || 'No reason was recorded.'})))
                : [el('li', {class: 'muted', text: 'No parked messages.'})]));
        } catch (e) {
            list.replaceChildren(el('li', {class: 'muted', text: 'Cannot list parked messages: ' + e.message}));
        }
    }

    // ---------- statistics, summary, metrics, charts ----------
    async function loadStatistics() { state.stats = (await api('GET', '/api/sync-jobs/statistics')).data; }
    async function loadSummary() { state.summary = (await api('GET', '/api/transactions/summary')).data; }
    async function loadMetrics() { // public Prometheus text; the provider counters may not exist yet
        state.metrics = null;
        try {
            const response = await fetch('/metrics?scope=application', {headers: {Accept: 'text/plain'}, cache: 'no-store'});
            if (!response.ok) return;
            const sums = {};
            for (const line of (await response.text()).split('\n')) {
                const m = /^kibly_provider_(calls|throttled)_total(?:\{([^}]*)\})?\s+([-+\d.eE]+)/.exec(line);
                if (!m) continue;
                const provider = (/provider="([^"]*)"/.exec(m[2] || '') || [])[1] || 'all';
                sums[provider] = sums[provider] || {calls: 0, throttled: 0};
                sums[provider][m[1]] += Number(m[3]) || 0;
            }
            if (Object.keys(sums).length) state.metrics = sums;
        } catch (e) { /* metrics are optional */ }
    }
    function vbars(points, label) { // vertical bars: [{key, value}]
        const W = 480, H = 150, top = 14, bottom = 18, left = 4;
        const max = Math.max(1, ...points.map(p => p.value));
        const step = (W - left) / Math.max(1, points.length);
        return svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': label},
            svg('title', {}, label),
            points.map((p, i) => {
                const h = (H - top - bottom) * p.value / max;
                return svg('rect', {class: 'bar', x: (left + i * step + step * 0.1).toFixed(1), y: (H - bottom - h).toFixed(1),
                    width: Math.max(1, step * 0.8).toFixed(1), height: Math.max(p.value ? 1 : 0, h).toFixed(1)},
                    svg('title', {}, `${p.key}: ${num(p.value)}`));
            }),
            svg('text', {x: left, y: 10}, `max ${num(max)}`),
            points.length ? svg('text', {x: left, y: H - 4}, points[0].key) : null,
            points.length > 1 ? svg('text', {x: W, y: H - 4, 'text-anchor': 'end'}, points[points.length - 1].key) : null);
    }
    function hbars(rows, label) { // horizontal bars: [{label, value, text, kind?}]
        const W = 480, row = 22, labelW = 150, textW = 110;
        const max = Math.max(1, ...rows.map(r => r.value));
        return svg('svg', {viewBox: `0 0 ${W} ${Math.max(1, rows.length) * row + 4}`, role: 'img', 'aria-label': label},
            svg('title', {}, label),
            rows.map((r, i) => {
                const y = i * row + 4, w = (W - labelW - textW) * r.value / max;
                const name = r.label.length > 24 ? r.label.slice(0, 23) + '…' : r.label;
                return svg('g', {}, svg('title', {}, `${r.label}: ${r.text}`),
                    svg('text', {x: 0, y: y + 12}, name),
                    svg('rect', {class: 'track', x: labelW, y, width: W - labelW - textW, height: row - 8}),
                    svg('rect', {class: 'bar ' + (r.kind || ''), x: labelW, y, width: Math.max(r.value ? 2 : 0, w).toFixed(1), height: row - 8}),
                    svg('text', {x: W - textW + 6, y: y + 12}, r.text));
            }));
    }
    const figure = (caption, ...body) => el('figure', {}, el('figcaption', {text: caption}), ...body);
    const note = text => el('p', {class: 'small', text});
    function importedPerDay(stats) {
        const counts = new Map((stats.importedPerDay || []).map(d => [d.key, Number(d.count) || 0]));
        const start = new Date(stats.since || Date.now() - 30 * 864e5);
        const first = counts.size ? new Date([...counts.keys()].sort()[0] + 'T00:00:00Z') : start;
        const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
        if (first < day) day.setTime(first.getTime());
        const points = [];
        while (day <= new Date() && points.length < 92) {
            const key = day.toISOString().slice(0, 10);
            points.push({key, value: counts.get(key) || 0});
            day.setUTCDate(day.getUTCDate() + 1);
        }
        return points;
    }
    function renderCharts() {
        const grid = $('chart-grid');
        const s = state.stats, sum = state.summary, figures = [];
        if (s) {
            const points = importedPerDay(s);
            const total = points.reduce((a, p) => a + p.value, 0);
            figures.push(figure('Transactions imported per day (UTC)', vbars(points, `Transactions imported per day, ${num(total)} in all`),
                note(`${num(total)} imported by jobs finished since ${when(s.since)}.`)));
            const rate = s.successRate === null || s.successRate === undefined ? null : Number(s.successRate);
            const byStatus = (s.byStatus || []).map(b => `${b.key} ${num(b.count)}`).join(' · ') || 'no jobs';
            figures.push(figure('Success rate', el('p', {class: 'big', data: {successRate: rate === null ? '' : rate}},
                rate === null ? '—' : `${(rate * 100).toFixed(1)} %`),
                hbars([{label: 'completed of finished', value: rate === null ? 0 : rate * 100, kind: rate !== null && rate < 0.9 ? 'warn' : 'ok',
                    text: rate === null ? 'no finished jobs' : `${(rate * 100).toFixed(1)} %`}], 'Success rate'),
                note('Jobs by status: ' + byStatus)));
            figures.push(figure('Job durations (completed jobs)', hbars([
                {label: 'median (p50)', value: Number(s.durationP50Seconds) || 0, text: duration(s.durationP50Seconds)},
                {label: '95th percentile (p95)', value: Number(s.durationP95Seconds) || 0, text: duration(s.durationP95Seconds), kind: 'warn'}],
            'Job durations p50 and p95')));
        }
        const waited = new Map();
        state.jobs.forEach(j => waited.set(j.integrationId, (waited.get(j.integrationId) || 0) + (Number(j.throttled) || 0)));
        const rows = [...waited].map(([id, n]) => ({label: integrationName(id), value: n, text: `${num(n)} × 429`, kind: n ? 'warn' : ''}));
        const metrics = state.metrics ? Object.entries(state.metrics)
            .map(([p, m]) => `${PROVIDERS[p] || p}: ${num(m.calls)} calls, ${num(m.throttled)} × 429`).join(' · ') : null;
        figures.push(figure('Provider throttling (429s waited per integration)',
            rows.length ? hbars(rows, 'Provider 429 responses per integration') : note('No jobs listed yet.'),
            note(`From the ${num(state.jobs.size)} jobs this page has seen.`),
            note(metrics ? 'Engine metrics since start: ' + metrics : 'Engine metrics have no provider counters yet.')));
        if (sum) {
            const cur = sum.byCurrency || [];
            figures.push(figure(`Transactions per currency (${num(sum.count)} in all)`,
                cur.length ? hbars(cur.map(g => ({label: g.currency || g.key, value: Number(g.count) || 0,
                    text: `${num(g.count)} · ${money(g.total, g.currency || g.key)}`})), 'Transactions per currency')
                    : note('No transactions imported yet.'),
                note('Net totals: money in positive, money out negative; never summed across currencies.')));
        }
        grid.replaceChildren(...figures);
    }
    const scheduleCharts = throttled(renderCharts, 500);
    const refreshIntegrationsSoon = throttled(() => loadIntegrations().catch(fail('Cannot load the integrations')), 1500);
    const refreshSoon = throttled(() => {
        refreshIntegrationsSoon();
        Promise.allSettled([loadStatistics(), loadSummary(), loadMetrics()]).then(renderCharts);
    }, 2000);

    // ---------- live stream: fetch + a small SSE parser (EventSource cannot send the token) ----------
    function sseParser(dispatch) {
        let buffer = '', event = '', data = [];
        return chunk => {
            buffer += chunk;
            const cut = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length; // "\r\n" may be split
            const lines = buffer.slice(0, cut).split(/\r\n|\r|\n/);
            buffer = lines.pop() + buffer.slice(cut);
            for (const line of lines) {
                if (line === '') {
                    if (data.length) dispatch(event || 'message', data.join('\n'));
                    event = ''; data = [];
                } else if (!line.startsWith(':')) {
                    const i = line.indexOf(':');
                    const field = i < 0 ? line : line.slice(0, i);
                    let value = i < 0 ? '' : line.slice(i + 1);
                    if (value.startsWith(' ')) value = value.slice(1);
                    if (field === 'event') event = value; else if (field === 'data') data.push(value);
                }
            }
        };
    }
    const setLive = text => { $('live').textContent = 'Live updates: ' + text; };
    async function stream(signal) {
        let attempt = 0;
        while (!signal.aborted) {
            const opened = Date.now();
            try {
                const response = await fetch('/api/sync-jobs/events', {signal, cache: 'no-store',
                    headers: {'Accept': 'text/event-stream', 'Authorization': 'Bearer ' + token()}});
                if (response.status === 401 || response.status === 403) return setLive('off (the token was refused)');
                if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
                setLive('on');
                if (attempt > 0) reloadLists(); // catch up with what happened while disconnected
                const reader = response.body.getReader();
                const decoder = new TextDecoder();
                const parse = sseParser((name, data) => {
                    attempt = 0;
                    if (name === 'sync-job') try { upsertJob(JSON.parse(data)); } catch (e) { /* skipped: malformed */ }
                });
                for (;;) {
                    const {value, done} = await reader.read();
                    if (done) break;
                    parse(decoder.decode(value, {stream: true}));
                }
            } catch (e) {
                if (signal.aborted) return;
            }
            if (Date.now() - opened > 30000) attempt = 0;
            attempt++;
            const delay = Math.min(30000, 1000 * 2 ** Math.min(attempt - 1, 5)) * (0.5 + Math.random() / 2);
            setLive(`reconnecting in ${Math.ceil(delay / 1000)} s`);
            await sleep(delay, signal);
        }
    }
    function startStream() {
        state.stream?.abort();
        state.stream = token() ? new AbortController() : null;
        setLive(state.stream ? 'connecting' : 'off');
        if (state.stream) stream(state.stream.signal);
    }

    // ---------- loading everything ----------
    const reloadLists = () => Promise.allSettled([loadJobs(), loadFailures()]);
    async function loadAll() {
        const results = await Promise.allSettled([
            loadIntegrations().then(() => Promise.all([loadJobs(), loadFailures()])),
            loadStatistics(), loadSummary(), loadMetrics(), loadDeadLetters(), loadRules()]);
        const problems = [...new Set(results.filter(r => r.status === 'rejected').map(r => r.reason.message || String(r.reason)))];
        problems.forEach(p => say('Cannot load: ' + p, 'error'));
        if (results[0].status === 'rejected') resetTables('Not loaded: see the messages above.');
        renderCharts();
        renderFailures();
        return problems.length === 0;
    }
    function resetTables(text) { // the rows of another token's tenant must not stay
        $('integrations').replaceChildren(emptyRow(text, 6));
        $('jobs').replaceChildren(emptyRow(text, 7));
        $('rules').replaceChildren(emptyRow(text, 5));
        $('failure-list').replaceChildren(el('li', {class: 'muted', text}));
    }
    function useToken(event) {
        event.preventDefault();
        const value = $('token').value.trim();
        if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
        state.integrations.clear(); state.jobs.clear(); state.failures.clear(); state.selected = null;
        resetTables('Loading…');
        renderDetail();
        showTenant();
        say(value ? 'Token kept for this browser tab only; loading…' : 'Token cleared.');
        loadAll();
        startStream();
    }

    function onClick(event) {
        const btn = event.target.closest('button[data-action]');
        const jobRow = event.target.closest('[data-job-id]');
        if (!btn) {
            if (jobRow && jobRow.closest('#jobs')) selectJob(jobRow.dataset.jobId);
            return;
        }
        const action = btn.dataset.action;
        const integrationRow = btn.closest('[data-integration-id]');
        if (action === 'close-detail') { selectJob(null); return; }
        if (!jobRow && integrationRow) { integrationAction(action, integrationRow.dataset.integrationId, btn); return; }
        if (!jobRow) return;
        if (action === 'details') {
            selectJob(jobRow.dataset.jobId);
            if (!jobRow.closest('#jobs')) $('job-detail').scrollIntoView?.({block: 'nearest', behavior: 'smooth'});
        }
        else if (action === 'cancel' || action === 'retry') jobAction(action, jobRow.dataset.jobId, btn);
    }

    function init() {
        $('token').value = token();
        showTenant();
        const flash = sessionStorage.getItem(FLASH_KEY);
        if (flash) { sessionStorage.removeItem(FLASH_KEY); say(flash, 'ok'); }
        $('login').addEventListener('submit', useToken);
        $('register').addEventListener('submit', register);
        document.addEventListener('click', onClick);
        const reloadJobs = () => loadJobs().catch(fail('Cannot load the sync jobs'));
        $('filter-status').addEventListener('change', reloadJobs);
        $('filter-integration').addEventListener('change', reloadJobs);
        $('refresh').addEventListener('click', () => loadAll().then(ok => ok && say('Reloaded.', 'ok')));
        if (!token()) {
            say('Paste a bearer token (./kibly start prints a development one) and press Use.');
            resetTables('No token yet.');
            renderCharts();
            return;
        }
        loadAll();
        startStream();
    }
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
