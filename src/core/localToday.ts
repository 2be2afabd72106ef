// Today as the CSM's calendar shows it (their time zone), as YYYY-MM-DD: the date of a call,
// of a plan update, of a commit message.
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
