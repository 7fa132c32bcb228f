/** A portal's automation flows and which records the flow runner enrolled in them. */
import { notFound } from '../errors.js';
import { IdSequence } from '../ids.js';
import type { Flow } from './model.js';

export class FlowStore {
  private readonly flows: Flow[] = [];
  private readonly ids = new IdSequence(580000001);
  /** Flow id → the records it ever enrolled (a flow without re-enrolment takes a record once); an index, not a scan. */
  private readonly enrolled = new Map<string, Set<string>>();
  /** Flow id → record ids currently meeting a LIST_BASED flow's criteria (to enrol on the transition only). */
  readonly listMembers = new Map<string, Set<string>>();

  enrol(flowId: string, objectId: string): void {
    let records = this.enrolled.get(flowId);
    if (!records) this.enrolled.set(flowId, (records = new Set()));
    records.add(objectId);
  }

  enrolledBefore(flowId: string, objectId: string): boolean {
    return this.enrolled.get(flowId)?.has(objectId) ?? false;
  }

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
