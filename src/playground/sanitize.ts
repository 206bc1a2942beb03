/**
 * An allow-list HTML sanitizer for the Markdown that the language server sends
 * in hovers and completion details (rendered by @codemirror/lsp-client). Those
 * texts quote the user's files, and a shared link can hold any text, so only
 * plain formatting elements survive, without attributes except a safe `href`.
 * The page's Content-Security-Policy forbids inline script as a second guard.
 */
const ALLOWED = new Set([
    'P', 'BR', 'HR', 'EM', 'STRONG', 'B', 'I', 'CODE', 'PRE', 'SPAN', 'DIV', 'UL', 'OL', 'LI', 'BLOCKQUOTE',
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'A', 'DEL', 'SUB', 'SUP',
]);

export function sanitizeHtml(html: string): string {
    const template = document.createElement('template');
    template.innerHTML = html;
    clean(template.content);
    return template.innerHTML;
}

function clean(parent: ParentNode): void {
    for (const node of [...parent.childNodes]) {
        if (node.nodeType === Node.TEXT_NODE) continue;
        if (node.nodeType !== Node.ELEMENT_NODE) { node.remove(); continue; }
        const element = node as Element;
        if (!ALLOWED.has(element.tagName)) {
            // Keep the text of an unknown element, drop the element (script and style lose their text too).
            if (element.tagName === 'SCRIPT' || element.tagName === 'STYLE' || element.tagName === 'TEMPLATE') element.remove();
            else { clean(element); element.replaceWith(...element.childNodes); }
            continue;
        }
        for (const attribute of [...element.attributes]) {
            const keep = (attribute.name === 'href' && element.tagName === 'A' && /^(https?:|#)/i.test(attribute.value.trim()))
                || (attribute.name === 'class' && /^[\w\s-]*$/.test(attribute.value));
            if (!keep) element.removeAttribute(attribute.name);
        }
        if (element.tagName === 'A') { element.setAttribute('rel', 'noopener noreferrer'); element.setAttribute('target', '_blank'); }
        clean(element);
    }
}
