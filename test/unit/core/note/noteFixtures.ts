// A realistic call note, shared by the note and export tests.
import type { CallNote } from '../../../../src/core/note/model';

export const realistic: CallNote = {
  id: 'call-2026-11-24-acme-1',
  title: 'Acme discovery',
  customer: 'Acme Corp',
  date: '2026-11-24',
  callType: 'discovery',
  attendees: ['Dana Reyes (VP Eng)', 'Sam Ito'],
  techniques: ['five-whys', 'ted'],
  stages: ['verify', 'release'],
  tags: ['discovery', 'q4'],
  objectives: [
    { text: 'Release weekly instead of monthly', status: 'not-started', origin: 'five-whys', owner: 'Dana Reyes', due: '2027-03-31', horizon: 6, valueDriver: 'increase-operational-efficiencies' },
    { text: 'Cut pipeline time in half', status: 'in-progress', origin: 'tagged', owner: '', due: '', horizon: null, valueDriver: '' },
  ],
  adoption: [
    { stage: 'verify', percent: 40, criteria: ['runners', 'pipelines-25'], status: 'adopted' },
    { stage: 'release', percent: null, criteria: [], status: 'not-started' },
  ],
  metrics: [
    { id: 'deployment-frequency', name: 'Deployment frequency', valueDriver: 'deliver-better-products-faster', measuredHow: 'Count of prod deploys | per month', baseline: '1', target: '4', unit: 'deploys/month' },
  ],
  health: [{ useCase: 'CI', color: 'yellow', reason: 'Runners flaky during deploys' }],
  durationMinutes: 47,
  sections: [
    {
      techniqueId: 'five-whys',
      title: 'Five Whys',
      entries: [
        { promptId: 'five-whys-focus', question: 'What is your key focus?', answer: 'Setting up HA for our runners.', tags: ['objective'] },
        { promptId: 'five-whys-challenges', question: 'You said "Setting up HA". What challenges?', answer: 'Runners go down during deploys.\nTwice last month.', tags: ['pain-point'] },
        { promptId: 'five-whys-larger-objective', question: 'How does that relate to larger objectives?', answer: 'The CTO wants weekly releases.', tags: ['objective', 'metric'] },
      ],
    },
    {
      techniqueId: 'ted',
      title: 'TED questions',
      entries: [{ promptId: 'ted-describe', question: 'Describe your release process.', answer: 'Manual approvals, then a Friday window.', tags: [] }],
    },
  ],
  actionItems: [
    { text: 'Send the runner HA guide', done: false },
    { text: 'Book a CI review with Sam', done: true },
  ],
};
