'use strict';
// The API reference page (api.html); a file, not inline: the pages' Content-Security-Policy allows no inline script.
// Builds the reference with textContent only: nothing from the document is interpreted as HTML.
const el = (tag, text, attrs = {}) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
};
fetch('/openapi?format=JSON', {headers: {Accept: 'application/json'}})
    .then(r => r.ok ? r.json() : Promise.reject('HTTP ' + r.status))
    .then(doc => {
        const operations = document.getElementById('operations');
        operations.replaceChildren();
        Object.keys(doc.paths || {}).sort().forEach(path => {
            Object.entries(doc.paths[path]).forEach(([method, op]) => {
                if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) return;
                const box = el('details', null, {'data-path': path, 'data-method': method});
                const summary = el('summary');
                summary.append(el('span', method.toUpperCase(), {class: 'method'}), el('span', path, {class: 'path'}),
                    ' — ' + (op.summary || ''));
                box.append(summary);
                if (op.description) box.append(el('p', op.description));
                const params = (op.parameters || []);
                if (params.length) {
                    const table = el('table');
                    const head = el('tr');
                    head.append(el('th', 'parameter'), el('th', 'in'), el('th', 'required'));
                    table.append(head);
                    params.forEach(p => {
                        const row = el('tr');
                        row.append(el('td', p.name), el('td', p.in), el('td', p.required ? 'yes' : 'no'));
                        table.append(row);
                    });
                    box.append(table);
                }
                const responses = el('ul');
                Object.entries(op.responses || {}).forEach(([code, response]) =>
                    responses.append(el('li', code + ': ' + (response.description || ''))));
                box.append(el('h4', 'Responses'), responses);
                operations.append(box);
            });
        });
        const schemas = document.getElementById('schemas');
        Object.entries((doc.components || {}).schemas || {}).sort().forEach(([name, schema]) => {
            const box = el('details');
            box.append(el('summary', name), el('pre', JSON.stringify(schema, null, 2)));
            schemas.append(box);
        });
    })
    .catch(error => { document.getElementById('operations').textContent = 'Cannot load the document: ' + error; });
