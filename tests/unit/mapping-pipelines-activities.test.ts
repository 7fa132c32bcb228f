import { describe, expect, it } from '@jest/globals';
import type { SourcePipeline } from '../../backend/src/sources/connector.js';
import { ACTIVITY_TYPES, catalogOf, everyTypeEverywhere, fieldOf, mapPipedrive, objectOf } from './mapping-fixtures.js';

function pipelineWith(probabilities: (number | null)[]): SourcePipeline {
  return {
    id: '1',
    name: 'Sales',
    order: 0,
    stages: probabilities.map((probability, index) => ({
      id: `s${index}`,
      name: `Stage ${index}`,
      order: index,
      probability,
    })),
  };
}

const hubspotProbabilities = (probabilities: (number | null)[]) =>
  mapPipedrive(catalogOf([], [pipelineWith(probabilities)])).pipelines[0]?.stages.map(
    (stage) => stage.hubspotProbability,
  );

describe('deal stage probability', () => {
  it('is the source percent / 100 rounded to the nearest 0.1, halves up', () => {
    expect(hubspotProbabilities([10, 14, 15, 25, 33, 35, 50, 66, 84, 85])).toEqual([
      0.1, 0.1, 0.2, 0.3, 0.3, 0.4, 0.5, 0.7, 0.8, 0.9,
    ]);
  });

  it('keeps open stages between 0.1 and 0.9, since HubSpot reads 0.0 and 1.0 as closed lost and closed won', () => {
    expect(hubspotProbabilities([0, 4, 5, 95, 100])).toEqual([0.1, 0.1, 0.1, 0.9, 0.9]);
  });

  it('treats a stage without probability like Pipedrive does, as counting in full (the highest open step)', () => {
    expect(hubspotProbabilities([null])).toEqual([0.9]);
  });

  it('lands exactly on a 0.1 step for every percent', () => {
    const all = hubspotProbabilities(Array.from({ length: 101 }, (_, percent) => percent)) ?? [];
    expect(all).toHaveLength(101);
    for (const probability of all) expect(Number((probability * 10).toFixed(9)) % 1).toBe(0);
  });
});

describe('pipelines', () => {
  it('keep stages in order with their source probability, add Closed won and Closed lost, and leave deal counts to the audit', () => {
    const source: SourcePipeline = {
      id: '7',
      name: 'Renewals',
      order: 1,
      stages: [
        { id: '71', name: 'Negotiation', order: 2, probability: 60 },
        { id: '70', name: 'Contacted', order: 1, probability: 20 },
      ],
    };
    const other: SourcePipeline = { id: '3', name: 'New business', order: 0, stages: [] };
    const pipelines = mapPipedrive(catalogOf([], [source, other])).pipelines;
    expect(pipelines.map((pipeline) => pipeline.name)).toEqual(['New business', 'Renewals']);
    expect(pipelines[1]).toEqual({
      id: '7',
      name: 'Renewals',
      stages: [
        { id: '70', name: 'Contacted', order: 1, sourceProbability: 20, hubspotProbability: 0.2 },
        { id: '71', name: 'Negotiation', order: 2, sourceProbability: 60, hubspotProbability: 0.6 },
      ],
      closedStages: [
        { label: 'Closed won', hubspotProbability: 1 },
        { label: 'Closed lost', hubspotProbability: 0 },
      ],
      deals: null,
      dealCounts: null,
      archivedDealCounts: null,
    });
  });
});

describe('activity types', () => {
  it('go to calls, meetings, tasks and emails; any other type to tasks', () => {
    const types = mapPipedrive(catalogOf([])).activityTypes;
    expect(Object.fromEntries(types.map((type) => [type.key, type.hubspotObject]))).toEqual({
      call: 'calls',
      meeting: 'meetings',
      lunch: 'meetings',
      task: 'tasks',
      deadline: 'tasks',
      email: 'emails',
      site_visit: 'tasks',
    });
    expect(types.find((type) => type.key === 'site_visit')).toEqual({
      key: 'site_visit',
      name: 'Site visit',
      custom: true,
      hubspotObject: 'tasks',
    });
  });

  it('split the activities into one row per HubSpot object, tasks also taking types the catalog does not list', () => {
    const rows = mapPipedrive(catalogOf([objectOf('activity')])).objects;
    expect(rows.map((row) => [row.key, row.sourceLabel, row.sourceTypes, row.takesOtherTypes])).toEqual([
      ['call_activities', 'Call activities', ['call'], false],
      ['meeting_activities', 'Meeting activities', ['meeting', 'lunch'], false],
      ['task_activities', 'Task activities', ['task', 'deadline', 'site_visit'], true],
      ['email_activities', 'Email activities', ['email'], false],
    ]);
  });

  it('keep the type in a dropdown of the types each object takes', () => {
    const mapped = mapPipedrive(everyTypeEverywhere());
    const tasks = fieldOf(mapped, 'task_activities', 'type');
    expect(tasks.targets).toEqual([
      {
        objectType: 'tasks',
        name: 'pipedrive_activity_type',
        label: 'Pipedrive activity type',
        type: 'enumeration',
        fieldType: 'select',
        kind: 'created',
      },
    ]);
    expect(tasks.options).toEqual([
      { id: 'task', label: 'Task' },
      { id: 'deadline', label: 'Deadline' },
      { id: 'site_visit', label: 'Site visit' },
    ]);
    expect(fieldOf(mapped, 'meeting_activities', 'type').options).toEqual([
      { id: 'meeting', label: 'Meeting' },
      { id: 'lunch', label: 'Lunch' },
    ]);
  });

  it('keep the type as text, with the reason, for an object no type goes to', () => {
    const withoutEmail = {
      ...catalogOf([objectOf('activity')]),
      activityTypes: ACTIVITY_TYPES.filter((type) => type.key !== 'email'),
    };
    const type = fieldOf(mapPipedrive(withoutEmail), 'email_activities', 'type');
    expect(type.targets[0]).toMatchObject({ type: 'string', fieldType: 'text' });
    expect(type.reason).toMatch(/no options yet/);
  });
});
