// Pure, deterministic call logic: the same action applied to the same state gives the same
// state in the webview and in the host, so the webview can paint at once while the host persists.
import { assertNever } from '../assertNever';
import { cleanLine, cleanText, quoted, truncate } from '../text';
import { reduceCapture } from './capture';
import type { CallAction, CallBank, CallItem, CallPart, CallPosition, CallPrompt, CallSetup, CallState } from './model';

export type { CallAction } from './model';
export type Banks = ReadonlyMap<string, CallBank>;

/** A fresh item; it starts with the prompt's default tag, if the bank gives one. */
function newItem(state: { seq: number }, bankId: string, prompt: CallPrompt, values: Record<string, string> = {}): CallItem {
  state.seq += 1;
  return { key: `${bankId}/${prompt.id}#${state.seq}`, promptId: prompt.id, values, answer: '', tags: prompt.tag ? [prompt.tag] : [], skipped: false };
}

/** Parts in call order: each technique, with the chosen stage banks right after Stage Adoption. */
export function startCall(id: string, setup: CallSetup, banks: Banks, startedAt: number): CallState {
  const counter = { seq: 0 };
  const parts: CallPart[] = [];
  const addPart = (bank: CallBank) => parts.push({ bankId: bank.id, items: initialItems(counter, bank) });
  const stageBanks = [...banks.values()].filter((b) => b.kind === 'stage');
  for (const id of setup.techniques) {
    const bank = banks.get(id);
    if (!bank || bank.kind === 'stage') continue;
    addPart(bank);
    if (bank.flow === 'stages') {
      for (const stage of setup.stages) {
        const stageBank = stageBanks.find((b) => b.stage === stage);
        if (stageBank) addPart(stageBank);
      }
    }
  }
  addFocus(counter, parts, setup.focus ?? [], banks);
  return { version: 1, id, setup, startedAt, parts, position: { part: 0, item: 0 }, seq: counter.seq, scores: {}, metrics: [], health: [], objectives: {} };
}

/**
 * Coverage-gap prompts join their bank's part when the call has it (filling an untouched item's
 * placeholders, or as another item when that one is taken), else a part of just those prompts.
 */
function addFocus(counter: { seq: number }, parts: CallPart[], focus: readonly { bankId: string; promptIds: string[]; values: Record<string, string> }[], banks: Banks): void {
  for (const f of focus) {
    const bank = banks.get(f.bankId);
    if (!bank) continue;
    let part = parts.find((p) => p.bankId === bank.id);
    if (!part) {
      part = { bankId: bank.id, items: [] };
      parts.push(part);
    }
    for (const promptId of f.promptIds) {
      const prompt = bank.prompts.find((p) => p.id === promptId);
      if (!prompt) continue;
      const free = part.items.find((i) => i.promptId === promptId && !i.answer && Object.keys(i.values).length === 0);
      if (free) free.values = { ...f.values };
      else part.items.push(newItem(counter, bank.id, prompt, { ...f.values }));
    }
  }
}

function initialItems(counter: { seq: number }, bank: CallBank): CallItem[] {
  if (bank.flow === 'ted' || bank.flow === 'ladder') {
    const first = bank.prompts[0];
    return first ? [newItem(counter, bank.id, first)] : [];
  }
  return bank.prompts.map((p) => newItem(counter, bank.id, p));
}

export function currentItem(state: CallState): CallItem | undefined {
  return state.parts[state.position.part]?.items[state.position.item];
}

function clampPosition(state: CallState, pos: CallPosition): CallPosition {
  if (pos.part >= state.parts.length) return { part: state.parts.length, item: 0 };
  return { part: Math.max(0, pos.part), item: Math.max(0, Math.min(pos.item, (state.parts[pos.part]?.items.length ?? 1) - 1)) };
}

function forward(state: CallState): CallPosition {
  const { part, item } = state.position;
  const items = state.parts[part]?.items.length ?? 0;
  if (item + 1 < items) return { part, item: item + 1 };
  // Skip over parts with no items (a bank that lost its prompts).
  let next = part + 1;
  while (next < state.parts.length && !state.parts[next]!.items.length) next++;
  return { part: next, item: 0 };
}

function backward(state: CallState): CallPosition {
  const { part, item } = state.position;
  if (part < state.parts.length && item > 0) return { part, item: item - 1 };
  let prev = part - 1;
  while (prev >= 0 && !state.parts[prev]!.items.length) prev--;
  if (prev < 0) return state.position;
  return { part: prev, item: state.parts[prev]!.items.length - 1 };
}

function withItem(state: CallState, key: string, change: (item: CallItem) => CallItem): CallState {
  let found = false;
  const parts = state.parts.map((p) => {
    const index = p.items.findIndex((i) => i.key === key);
    if (index < 0) return p;
    found = true;
    const items = p.items.slice();
    items[index] = change(items[index]!);
    return { ...p, items };
  });
  return found ? { ...state, parts } : state;
}

/** The rung wording for a ladder depth: prompts[1..] in turn, the last one repeating. */
function rungPrompt(bank: CallBank, depth: number): CallPrompt | undefined {
  const rungs = bank.prompts.slice(1);
  return rungs[Math.min(depth - 1, rungs.length - 1)] ?? bank.prompts[0];
}

export function reduce(state: CallState, action: CallAction, banks: Banks): CallState {
  switch (action.type) {
    case 'answer':
      return withItem(state, action.key, (i) => ({ ...i, answer: cleanText(action.text), skipped: false }));
    case 'setValue':
      return withItem(state, action.key, (i) => ({ ...i, values: { ...i.values, [action.name]: cleanLine(action.value) } }));
    case 'toggleTag':
      return withItem(state, action.key, (i) => ({
        ...i,
        tags: i.tags.includes(action.tag) ? i.tags.filter((t) => t !== action.tag) : [...i.tags, action.tag],
      }));
    case 'tedVerb': {
      const part = state.parts.find((p) => p.items.some((i) => i.key === action.key));
      const bank = part && banks.get(part.bankId);
      if (!bank?.prompts.some((p) => p.id === action.promptId)) return state;
      return withItem(state, action.key, (i) => ({ ...i, promptId: action.promptId }));
    }
    case 'tedAnother': {
      const part = state.parts[state.position.part];
      const bank = part && banks.get(part.bankId);
      const current = currentItem(state);
      if (!part || bank?.flow !== 'ted' || !current) return state;
      const next = { ...state };
      // Keep the topic: follow-up TED questions are usually about the same thing.
      const prompt = bank.prompts.find((p) => p.id === current.promptId) ?? bank.prompts[0]!;
      const item = newItem(next, part.bankId, prompt, { ...current.values });
      const items = [...part.items.slice(0, state.position.item + 1), item, ...part.items.slice(state.position.item + 1)];
      next.parts = state.parts.map((p, i) => (i === state.position.part ? { ...p, items } : p));
      next.position = { part: state.position.part, item: state.position.item + 1 };
      return next;
    }
    case 'next': {
      const part = state.parts[state.position.part];
      const bank = part && banks.get(part.bankId);
      const current = currentItem(state);
      const atLadderTop = bank?.flow === 'ladder' && part && state.position.item === part.items.length - 1 && !part.objectiveReached;
      if (atLadderTop && current && current.answer.trim()) {
        // Climb one rung: the next "why does that matter" quotes this answer.
        const depth = part.items.length;
        const prompt = rungPrompt(bank, depth);
        if (!prompt) return { ...state, position: forward(state) };
        const next = { ...state };
        const item = newItem(next, part.bankId, prompt, { previous: cleanLine(current.answer) });
        next.parts = state.parts.map((p, i) => (i === state.position.part ? { ...p, items: [...p.items, item] } : p));
        next.position = { part: state.position.part, item: depth };
        return next;
      }
      return { ...state, position: forward(state) };
    }
    case 'skip': {
      const current = currentItem(state);
      const skipped = current ? withItem(state, current.key, (i) => ({ ...i, skipped: true })) : state;
      return { ...skipped, position: forward(skipped) };
    }
    case 'back':
      return { ...state, position: backward(state) };
    case 'jump':
      return { ...state, position: clampPosition(state, { part: action.part, item: 0 }) };
    case 'ladderReached': {
      const part = state.parts[state.position.part];
      if (!part || banks.get(part.bankId)?.flow !== 'ladder') return state;
      // The last answered rung is the strategic objective; unanswered trailing rungs go.
      let items = part.items;
      while (items.length > 1 && !items[items.length - 1]!.answer.trim()) items = items.slice(0, -1);
      const last = items[items.length - 1]!;
      if (last.answer.trim() && !last.tags.includes('objective')) {
        items = [...items.slice(0, -1), { ...last, tags: [...last.tags, 'objective'] }];
      }
      const objective = cleanLine(items[items.length - 1]!.answer);
      const parts = state.parts.map((p, i) =>
        i === state.position.part ? { ...p, items, objectiveReached: true } : i > state.position.part && objective ? withObjective(p, objective, banks) : p,
      );
      const reached: CallState = { ...state, parts, position: { part: state.position.part, item: items.length - 1 } };
      return { ...reached, position: forward(reached) };
    }
    case 'setScore':
    case 'toggleCriterion':
    case 'addMetric':
    case 'editMetric':
    case 'removeMetric':
    case 'addHealth':
    case 'editHealth':
    case 'setHealthColor':
    case 'removeHealth':
    case 'editObjective':
      return reduceCapture(state, action);
    default:
      return assertNever(action, 'call action');
  }
}

/** The prompt behind an item (from its own bank when it was added from another one). */
export function promptOf(bank: CallBank | undefined, item: CallItem, banks?: Banks): CallPrompt | undefined {
  const source = item.bankId ? banks?.get(item.bankId) : bank;
  return source?.prompts.find((p) => p.id === item.promptId);
}

/**
 * Adds prompts chosen elsewhere (the stage browser) to the call's Stage Adoption part, creating
 * that part after the current one if the call has none. Host-side only: the host then sends the
 * whole call to the webview. `banks` must already hold the prompts' banks.
 */
export function addPrompts(state: CallState, prompts: readonly { bankId: string; promptId: string }[], banks: Banks, stageAdoptionBankId: string): CallState {
  const next: CallState = { ...state };
  let index = state.parts.findIndex((p) => p.bankId === stageAdoptionBankId);
  let parts = state.parts.slice();
  if (index < 0) {
    index = Math.min(state.position.part + 1, parts.length);
    parts = [...parts.slice(0, index), { bankId: stageAdoptionBankId, items: [] }, ...parts.slice(index)];
  }
  const part = parts[index]!;
  const have = new Set(part.items.map((i) => `${i.bankId ?? part.bankId}/${i.promptId}`));
  const added: CallItem[] = [];
  for (const { bankId, promptId } of prompts) {
    const prompt = banks.get(bankId)?.prompts.find((p) => p.id === promptId);
    if (!prompt || have.has(`${bankId}/${promptId}`)) continue;
    have.add(`${bankId}/${promptId}`);
    added.push({ ...newItem(next, bankId, prompt), ...(bankId === part.bankId ? {} : { bankId }) });
  }
  parts[index] = { ...part, items: [...part.items, ...added] };
  next.parts = parts;
  // Keep the CSM where they were (a part inserted before them shifts the index).
  if (index <= state.position.part && part.items.length === 0 && state.parts.length < parts.length) {
    next.position = { ...state.position, part: state.position.part + 1 };
  }
  return next;
}

const QUOTE_MAX = 140;

/** The question as asked: placeholders filled with the CSM's values, or their labels in brackets. */
export function questionText(prompt: CallPrompt, values: Record<string, string>): string {
  return cleanLine(
    prompt.text.replace(/\{([a-z_][a-z0-9_]*)\}/g, (_, name: string) => {
      const value = values[name]?.trim();
      if (name === 'previous' && value) return quoted(truncate(value, QUOTE_MAX));
      return value || `[${prompt.placeholders?.[name]?.label ?? name}]`;
    }),
  );
}

/**
 * The objective a ladder just reached, as the value of the `{objective}` placeholder of the
 * prompts after it that have none yet ("Who might help us understand {objective}?").
 */
function withObjective(part: CallPart, objective: string, banks: Banks): CallPart {
  const bank = banks.get(part.bankId);
  let changed = false;
  const items = part.items.map((item) => {
    if (item.values.objective?.trim() || !promptOf(bank, item, banks)?.placeholders?.objective) return item;
    changed = true;
    return { ...item, values: { ...item.values, objective } };
  });
  return changed ? { ...part, items } : part;
}

/** Depth on the Five Whys ladder: 1 for the stated focus, then one per rung. */
export function ladderDepth(part: CallPart): number {
  return part.items.length;
}
