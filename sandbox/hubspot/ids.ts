/** Numeric id sequences: HubSpot ids are integers (sent as strings for CRM records). */
export class IdSequence {
  private last: number;
  constructor(start: number) {
    this.last = start - 1;
  }
  next(): number {
    this.last += 1;
    return this.last;
  }
}
