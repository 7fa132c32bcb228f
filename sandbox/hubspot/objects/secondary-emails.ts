/**
 * A contact's secondary e-mail addresses through the contacts v1 API, the only one HubSpot documents for
 * them (writes to `hs_additional_emails` were deprecated; the property stays readable, ";"-separated):
 * GET /contacts/v1/secondary-email/:vid, PUT|DELETE /contacts/v1/secondary-email/:vid/email/:email, each
 * answering `{ portalId, vid, secondaryEmails }`. One address per call: HubSpot has no batch form.
 * https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/v1/put-contacts-v1-secondary-email-vid-email-email
 * HubSpot does not document its refusals here; the sandbox refuses what the contacts API refuses: an
 * invalid address (400 INVALID_EMAIL) and one another contact holds (409, as a duplicate primary e-mail);
 * an unknown contact is a 404.
 */
import type { Express, Response } from 'express';
import { apiError, notFound, validationError } from '../errors.js';
import { objectTypeOf } from '../object-types.js';
import { portalOf } from '../request-context.js';
import { isValidEmail } from '../values.js';
import { objectWrites } from './routes.js';
import { emailList, SECONDARY_EMAILS } from './store.js';
import { commit } from './writes.js';

export function registerSecondaryEmailRoutes(app: Express, now: () => string): void {
  const contacts = objectTypeOf('contacts');

  const contactOf = (res: Response, vid: string) => {
    const record = portalOf(res).records.get(contacts, vid);
    if (!record || record.archived) throw notFound(`resource not found: contact ${vid} does not exist`);
    return record;
  };
  const answer = (res: Response, vid: string) => {
    const record = contactOf(res, vid);
    res.json({
      portalId: portalOf(res).id,
      vid: Number(vid),
      secondaryEmails: emailList(record.properties[SECONDARY_EMAILS]),
    });
  };
  /** Stores the new list as HubSpot does: a change of the contact (history, flows), not an API property write. */
  const store = (res: Response, vid: string, list: string[]) => {
    const portal = portalOf(res);
    const record = contactOf(res, vid);
    const { ctx, runFlows } = objectWrites(portal, contacts, now);
    commit(
      { ...ctx, internal: true },
      { existing: record, id: record.id, changes: { [SECONDARY_EMAILS]: list.join(';') }, associations: [] },
    );
    answer(res, vid);
    runFlows();
  };

  app.get('/contacts/v1/secondary-email/:vid', (req, res) => answer(res, req.params.vid));

  app.put('/contacts/v1/secondary-email/:vid/email/:email', (req, res) => {
    const vid = req.params.vid;
    const email = req.params.email.trim().toLowerCase();
    const record = contactOf(res, vid);
    if (!isValidEmail(email))
      throw validationError(`Email address ${req.params.email} is invalid`, {
        errors: [{ message: `Email address ${req.params.email} is invalid`, code: 'INVALID_EMAIL' }],
      });
    const list = emailList(record.properties[SECONDARY_EMAILS]);
    if (record.properties['email']?.toLowerCase() === email || list.includes(email)) return answer(res, vid);
    const { records } = portalOf(res);
    const holder = records.findUnique(contacts, 'email', email) ?? records.findBySecondaryEmail(contacts, email);
    if (holder && holder.id !== record.id)
      throw apiError(409, {
        category: 'CONFLICT',
        message: `Contact already exists. Existing ID: ${holder.id}`,
      });
    store(res, vid, [...list, email]);
  });

  app.delete('/contacts/v1/secondary-email/:vid/email/:email', (req, res) => {
    const email = req.params.email.trim().toLowerCase();
    const list = emailList(contactOf(res, req.params.vid).properties[SECONDARY_EMAILS]);
    store(
      res,
      req.params.vid,
      list.filter((candidate) => candidate !== email),
    );
  });
}
