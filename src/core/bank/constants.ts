// Plain constants shared by the bank schema, the call session and the webview. Kept free of
// zod so the webview can use them without pulling in the bank validator.
export const answerKinds = ['text', 'number', 'percent', 'choice'] as const;
export type AnswerKind = (typeof answerKinds)[number];

export const stageIds = ['manage', 'plan', 'create', 'verify', 'package', 'secure', 'release', 'configure', 'monitor', 'govern'] as const;
export type StageId = (typeof stageIds)[number];
