// Tiny DOM helpers. Text always goes in through textContent, never innerHTML: bank text and
// customer answers are data, and must stay inert whatever they contain.
import type { CodiconName } from './codicons';
export type Child = Node | string | null | undefined | false;

/** Attributes by name, but `class` is the class name and `text` the text content; a string is the class alone. */
export type Props = string | Record<string, string>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(typeof props == 'string' ? { class: props } : props)) {
    if (name == 'class') el.className = value;
    else if (name == 'text') el.textContent = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child != null && child !== false) el.append(child);
  return el;
}

/** A `type="button"` button that runs `onClick`. */
export function button(props: Props, onClick: () => void, ...children: Child[]): HTMLButtonElement {
  const b = h('button', props, ...children);
  b.type = 'button';
  b.onclick = onClick;
  return b;
}

export function icon(name: CodiconName): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

// Incremental painting: these write only what differs, so an unchanged node is not touched (and
// not re-styled or laid out again).

export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Sets an attribute, or removes it for `null`. */
export function attr(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) !== value) {
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
  }
}

/** Makes `nodes` the children of `parent`, in order, moving only the ones out of place. */
export function sync(parent: Element, nodes: readonly (Node | null | undefined | false | '')[]): void {
  const wanted = nodes.filter((n): n is Node => !!n);
  const keep = new Set(wanted);
  let at = parent.firstChild;
  const drop = (): void => {
    const next: ChildNode | null = at!.nextSibling;
    at!.remove();
    at = next;
  };
  for (const node of wanted) {
    // Drop what is no longer shown first, so that the nodes after it stay where they are.
    while (at && !keep.has(at)) drop();
    if (node === at) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
  while (at) drop();
}

/** Caches what `make` returns until one of its arguments changes (by identity). */
export function memo<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  let last: A | undefined;
  let value: R;
  return (...args) => {
    if (!last || args.some((a, i) => a !== last![i])) {
      value = make(...args);
      last = args;
    }
    return value;
  };
}
