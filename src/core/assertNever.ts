/** Compile-time exhaustiveness for a `switch` over a union: a case it forgets fails to type-check. */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unknown ${what}: ${JSON.stringify(value)}`);
}
