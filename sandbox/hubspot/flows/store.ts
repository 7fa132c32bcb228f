/** A portal's automation flows and the log of what the flow runner did with them. */
import { notFound } from '../errors.js';
import { IdSequence } from '../ids.js';
import type { Flow } from './model.js';

export interface Enrollment {
  flowId: string;
  objectTypeId: string;
  objectId: string;
  at: string;
  /** Actions the runner executed, in order. */
  actionsRun: string[];
  /** Why the run stopped early (an action type the sandbox does not run, a refused value). */
  stoppedBecause?: string;
}

export class FlowStore {
  private readonly flows: Flow[] = [];
  private readonly ids = new IdSequence(580000001);
  readonly enrollments: Enrollment[] = [];
  /** Flow id → record ids currently meeting a LIST_BASED flow's criteria (to enrol on the transition only). */
  readonly listMembers = new Map<string, Set<string>>();

  all(): Flow[] {
    return [...this.flows];
  }

  nextId(): string {
    return String(this.ids.next());
  }

  add(flow: Flow): Flow {
    this.flows.push(flow);
    return flow;
  }

  get(id: string): Flow {
    const flow = this.flows.find((f) => f.id === id);
    if (!flow) throw notFound(`Flow ${id} not found`);
    return flow;
  }

  replace(flow: Flow): void {
    this.flows.splice(this.flows.indexOf(this.get(flow.id)), 1, flow);
  }

  remove(id: string): void {
    this.flows.splice(this.flows.indexOf(this.get(id)), 1);
    this.listMembers.delete(id);
  }
}
