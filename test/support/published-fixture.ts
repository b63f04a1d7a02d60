import { readingStrategy } from './strategy-fixture.js';

/**
 * The reading strategy, published, with what the public must not read: a risk, the lead's
 * address, who approved an update, and an update still awaiting approval.
 */
export const publishedStrategy = readingStrategy
  .replace(
    'title: Reading for all',
    'title: Reading for all, published\nlead: lead.933@example.org\npublished: true',
  )
  .replace(
    '    aims:\n',
    `    risks:
      - { key: funding, description: Secret risk of losing the grant, likelihood: 3, impact: 4 }
    aims:
`,
  )
  .replace(
    '            status: on_track\n',
    `            status: on_track
            updates:
              - { date: 2024-01-10, by: Ann Officer, status: on_track, text: Approved progress on fluency, approvedBy: lead.933@example.org }
              - { date: 2024-02-10, by: Bob Officer, status: off_track, text: Secret draft not yet approved, awaitingApproval: true }
`,
  );
