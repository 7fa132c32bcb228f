/**
 * v1 /files: metadata and download. The bytes are not stored: a file's content is derived from its
 * id and size, so a million files cost no memory and a download is always the same.
 */
import { hashSeed, Rng } from '../../common/random.js';
import { ok } from '../http/envelope.js';
import { notFound } from '../http/errors.js';
import { QueryParams } from '../http/params.js';
import type { RouteRegistry } from '../http/routes.js';
import { formatV1Time } from '../http/time.js';
import type { FileRecord } from '../store/types.js';
import { idParam, type ResourceContext } from './context.js';
import { pageTableV1 } from './v1-paging.js';

/** Deterministic bytes for a file: text files get readable lines, others pseudo-random bytes. */
export function fileContent(file: FileRecord): Buffer {
  const content = Buffer.alloc(file.file_size);
  if (file.file_type.startsWith('text/')) {
    const line = Buffer.from(`${file.name} — line of sandbox file ${file.id}\n`);
    for (let offset = 0; offset < content.length; offset += line.length) line.copy(content, offset);
    return content;
  }
  const rng = new Rng(hashSeed('file', file.id));
  for (let offset = 0; offset < content.length; offset += 1) content[offset] = rng.int(0, 255);
  return content;
}

export function renderFile(context: ResourceContext, file: FileRecord): Record<string, unknown> {
  const { records } = context;
  return {
    id: file.id,
    user_id: file.user_id,
    deal_id: file.deal_id,
    person_id: file.person_id,
    org_id: file.org_id,
    product_id: file.product_id,
    activity_id: file.activity_id,
    lead_id: file.lead_id,
    project_id: null,
    add_time: formatV1Time(file.add_time),
    update_time: formatV1Time(file.update_time),
    file_name: file.file_name,
    file_size: file.file_size,
    file_type: file.file_type,
    active_flag: !file.is_deleted,
    inline_flag: file.inline_flag,
    remote_location: file.remote_location,
    remote_id: file.remote_id,
    cid: null,
    s3_bucket: file.s3_bucket,
    mail_message_id: null,
    mail_template_id: null,
    deal_name: file.deal_id === null ? null : (records.deal.find(file.deal_id)?.title ?? null),
    person_name: file.person_id === null ? null : (records.person.find(file.person_id)?.name ?? null),
    org_name: file.org_id === null ? null : (records.organization.find(file.org_id)?.name ?? null),
    product_name: file.product_id === null ? null : (records.product.find(file.product_id)?.name ?? null),
    lead_name: null,
    project_name: null,
    url: `${context.apiBaseUrl()}/v1/files/${file.id}/download`,
    name: file.name,
    description: file.description,
  };
}

export function registerFiles(routes: RouteRegistry, context: ResourceContext): void {
  const collection = context.records.file;
  const live = (id: number): FileRecord => {
    const file = collection.findLive(id);
    if (!file) throw notFound('File');
    return file;
  };
  routes.add({
    method: 'get',
    path: '/v1/files',
    operationId: 'getFiles',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      // Page size at most 100 since 2025-01-15.
      const page = pageTableV1(collection, new QueryParams(req.query), {
        sortFields: ['id', 'update_time'],
        maxLimit: 100,
        matches: (index) => collection.listed(index),
      });
      res.json(
        ok(
          page.records.map((file) => renderFile(context, file)),
          { pagination: page.pagination },
        ),
      );
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/files/:id',
    operationId: 'getFile',
    spec: 'v1',
    cost: 2,
    handler: (req, res) => {
      res.json(ok(renderFile(context, live(idParam(req)))));
    },
  });
  routes.add({
    method: 'get',
    path: '/v1/files/:id/download',
    operationId: 'downloadFile',
    spec: 'v1',
    cost: 20,
    handler: (req, res) => {
      const file = live(idParam(req));
      // The spec declares application/octet-stream whatever the file is.
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('content-disposition', `attachment; filename="${encodeURIComponent(file.file_name)}"`);
      res.send(fileContent(file));
    },
  });
}
