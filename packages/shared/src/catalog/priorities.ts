/** What the user cares about most, in the order they pick them (wizard step 2). */
export const PRIORITY_IDS = [
  'time-to-market',
  'reliability',
  'security',
  'low-cost',
  'scalability',
  'maintainability',
] as const;

export type PriorityId = (typeof PRIORITY_IDS)[number];

export interface PriorityInfo {
  id: PriorityId;
  label: string;
  description: string;
}

/** The priority catalog shown in wizard step 2. */
export const PRIORITIES: readonly PriorityInfo[] = [
  {
    id: 'time-to-market',
    label: 'Time to market',
    description: 'Ship something working today; keep the setup small.',
  },
  {
    id: 'reliability',
    label: 'Reliability',
    description: 'Survive restarts and outages; keep state outside the process.',
  },
  {
    id: 'security',
    label: 'Security',
    description: 'Scan code and dependencies; protect the main branch.',
  },
  {
    id: 'low-cost',
    label: 'Low cost',
    description: 'Run on free tiers with as few services as possible.',
  },
  {
    id: 'scalability',
    label: 'Scalability',
    description: 'Run several instances that share conversation state.',
  },
  {
    id: 'maintainability',
    label: 'Maintainability',
    description: 'Automated releases and dependency updates.',
  },
];
