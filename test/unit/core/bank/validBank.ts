// A small bank the loader accepts, for the bank tests to break one key at a time.
export const VALID_BANK = `id: sample
kind: technique
title: Sample
summary: A bank used by the tests.
source:
  title: Questions & Techniques for Success Plan Discovery
  url: https://handbook.gitlab.com/handbook/customer-success/csm/success-plans/questions-techniques/
prompts:
  - id: sample-one
    text: Tell me about {topic}.
    hint: Let them lead.
    placeholders:
      topic: { label: Topic }
  - id: sample-two
    text: How many teams use it?
    hint: A number sizes the opportunity.
    answer: percent
`;
