'use strict';
// oauth-callback.html's script; a file, not inline: the pages' Content-Security-Policy allows no inline script.
// The provider redirects here with code, state (and realmId for QuickBooks); the engine does the rest. When the
// grant covers several organisations (Xero), the user picks one here. Then back to the console, which shows
// the outcome (sessionStorage 'kibly.flash').
const query = new URLSearchParams(location.search);
history.replaceState(null, '', location.pathname); // the code and state leave the address bar
const result = document.getElementById('result');
const form = document.getElementById('organisation-form');
const select = document.getElementById('organisation');
const headers = {'Content-Type': 'application/json', 'Accept': 'application/json',
                 'Authorization': 'Bearer ' + (sessionStorage.getItem('kibly.token') || '')};
let integration = null;

async function call(method, path, body) {
    const response = await fetch(path, {method, headers, body: JSON.stringify(body), cache: 'no-store'});
    const json = await response.json().catch(() => null);
    if (!response.ok) {
        throw new Error((json && (json.detail || json.title)) || 'the engine answered HTTP ' + response.status);
    }
    return json;
}
function backToConsole(message) {
    sessionStorage.setItem('kibly.flash', message);
    result.textContent = message + ' Returning to the console…';
    location.replace('./index.html');
}
function connected(json) {
    integration = json.integration;
    const organisations = json.organisations || [];
    const chosen = organisations.find(o => (o.tenantId || o.id) === json.selectedTenantId);
    if (json.selectedTenantId || integration.status === 'ACTIVE') {
        backToConsole(`Connected: "${integration.name}" is ${integration.status}`
            + (chosen ? ` and syncs "${chosen.tenantName || chosen.name}".` : '.'));
    } else if (organisations.length) {
        select.replaceChildren(...organisations.map(o => {
            const option = document.createElement('option');
            option.value = o.tenantId || o.id;
            option.textContent = o.tenantName || o.name || option.value;
            return option;
        }));
        result.textContent = `Authorised "${integration.name}": the grant covers ${organisations.length}`
            + ' organisations. Choose the one to sync.';
        form.hidden = false;
        select.focus();
    } else {
        result.textContent = `Authorised "${integration.name}", but the grant covers no organisation`
            + ` (status ${integration.status}). Connect again with an organisation selected at the provider.`;
    }
}
form.addEventListener('submit', event => {
    event.preventDefault();
    const button = document.getElementById('choose-organisation');
    const name = select.options[select.selectedIndex] ? select.options[select.selectedIndex].textContent : '';
    button.disabled = true;
    call('PUT', `/api/integrations/${encodeURIComponent(integration.id)}/organisation`, {tenantId: select.value})
        .then(json => backToConsole(`"${json.integration.name}" now syncs "${name}" and is ${json.integration.status}.`))
        .catch(error => { result.textContent = 'Organisation not chosen: ' + error.message; button.disabled = false; });
});

if (query.get('error')) {
    result.textContent = 'Not connected: the provider answered ' + (query.get('error_description') || query.get('error'));
} else if (!query.get('code') || !query.get('state')) {
    result.textContent = "Nothing to complete here: start from a Connect button in the console.";
} else {
    const body = {code: query.get('code'), state: query.get('state')};
    if (query.get('realmId')) body.realmId = query.get('realmId');
    call('POST', '/api/integrations/oauth/callback', body)
        .then(connected)
        .catch(error => result.textContent = 'Not connected: ' + error.message);
}
