// Reduces a validated bank to what a call carries (and what the webview receives).
import type { Bank } from '../bank/schema';
import type { CallBank, CallPrompt } from './model';

export function toCallBank(bank: Bank): CallBank {
  const prompts: CallPrompt[] = [];
  for (const p of bank.prompts) {
    const { followUps, ...prompt } = p;
    prompts.push(strip(prompt));
    for (const f of followUps ?? []) prompts.push(strip({ ...f, parentId: p.id }));
  }
  return {
    id: bank.id,
    title: bank.title,
    kind: bank.kind,
    flow: bank.flow,
    ...(bank.stage ? { stage: bank.stage } : {}),
    ...(bank.adoption ? { adoption: strip({ ...bank.adoption, criteria: bank.adoption.criteria.map(strip), requires: bank.adoption.requires?.map(strip) }) } : {}),
    ...(bank.valueDrivers ? { valueDrivers: bank.valueDrivers.map((d) => ({ ...d, metrics: d.metrics.map(strip) })) } : {}),
    prompts,
  };
}

/** Drops undefined keys so the object survives JSON and structured cloning unchanged. */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
