/**
 * What a fresh Pipedrive account has before anyone adds data: its admin user, the common currencies,
 * the standard activity types and the default pipeline. A dataset that leaves a section out gets this.
 */
import type { z } from 'zod';
import type { DatasetActivityType, DatasetCurrency, DatasetPipeline, DatasetStage, DatasetUser } from './format.js';

type In<T extends z.ZodType> = z.input<T>;

export const BASELINE_USERS: In<typeof DatasetUser>[] = [
  { id: 1, name: 'Sandbox Admin', email: 'admin@sandbox.example', is_admin: true, default_currency: 'EUR' },
];

/** code, name, symbol, decimals. */
const CURRENCIES: readonly [string, string, string, number][] = [
  ['EUR', 'Euro', '€', 2],
  ['USD', 'US Dollar', '$', 2],
  ['GBP', 'British Pound', '£', 2],
  ['SEK', 'Swedish Krona', 'kr', 2],
  ['JPY', 'Japanese Yen', '¥', 0],
  ['CHF', 'Swiss Franc', 'CHF', 2],
  ['PLN', 'Polish Zloty', 'zł', 2],
  ['BRL', 'Brazilian Real', 'R$', 2],
  ['INR', 'Indian Rupee', '₹', 2],
];

export const BASELINE_CURRENCIES: In<typeof DatasetCurrency>[] = CURRENCIES.map(
  ([code, name, symbol, decimals], index) => ({
    id: index + 1,
    code,
    name,
    symbol,
    decimal_points: decimals,
  }),
);

/** The six standard types every account starts with (lunch and deadline included). */
export const BASELINE_ACTIVITY_TYPES: In<typeof DatasetActivityType>[] = [
  { id: 1, key_string: 'call', name: 'Call', icon_key: 'call' },
  { id: 2, key_string: 'meeting', name: 'Meeting', icon_key: 'meeting' },
  { id: 3, key_string: 'task', name: 'Task', icon_key: 'task' },
  { id: 4, key_string: 'deadline', name: 'Deadline', icon_key: 'deadline' },
  { id: 5, key_string: 'email', name: 'Email', icon_key: 'email' },
  { id: 6, key_string: 'lunch', name: 'Lunch', icon_key: 'lunch' },
];

type Stage = In<typeof DatasetStage>;

/** Stages with consecutive ids from `firstId`, each [name, deal probability %, extra settings]. */
export function stagesFrom(firstId: number, stages: readonly (readonly [string, number, Partial<Stage>?])[]): Stage[] {
  return stages.map(([name, probability, extra], index) => ({
    id: firstId + index,
    name,
    deal_probability: probability,
    ...extra,
  }));
}

export const BASELINE_PIPELINES: In<typeof DatasetPipeline>[] = [
  {
    id: 1,
    name: 'Pipeline',
    is_deal_probability_enabled: true,
    stages: stagesFrom(1, [
      ['Qualified', 10],
      ['Contact Made', 20],
      ['Demo Scheduled', 40],
      ['Proposal Made', 60],
      ['Negotiations Started', 80],
    ]),
  },
];
