// What the sidebar accepts from its host. The webview trusts its own host for the shape of what it
// sends (the host validated and normalised it; see src/hostMessage.ts), so there is no schema here
// and no zod in the bundle. It only makes sure a message is one of the host's kinds with the
// fields it reads first, so anything else posted to the window (or a message from a newer host)
// is ignored rather than breaking the view.
import type { HostMessage } from '../hostMessage';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** Per message type: are the fields there, of the right kind? */
const checks: { [T in HostMessage['type']]: (m: Record<string, unknown>) => boolean } = {
  strings: (m) => isString(m.language) && isObject(m.strings),
  catalog: (m) => Array.isArray(m.techniques) && Array.isArray(m.playbooks) && isObject(m.status) && isNumber(m.status.loaded) && Array.isArray(m.status.skipped),
  requestSnapshot: (m) => isNumber(m.requestId),
  idle: (m) => Array.isArray(m.customers) && isString(m.today) && (m.notice === undefined || isString(m.notice)),
  call: (m) => isObject(m.state) && isObject(m.state.setup) && Array.isArray(m.state.parts) && Array.isArray(m.banks) && isObject(m.suggestions),
  gaps: (m) => isString(m.customer) && Array.isArray(m.gaps),
  notice: (m) => isString(m.text) && (m.level === 'info' || m.level === 'error'),
  shortcut: (m) => isString(m.action),
};

/** The message, when it is one the host sends; undefined for anything else. */
export function readHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data) || !isString(data.type) || !Object.hasOwn(checks, data.type)) return undefined;
  return checks[data.type as HostMessage['type']](data) ? (data as HostMessage) : undefined;
}
