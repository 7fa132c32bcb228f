/**
 * The local preview: the app's HubSpot pages (settings page, app home) running unchanged in a browser
 * against the local backend. Mount the router in front of the backend app (it answers /preview/*):
 *
 *   const site = express();
 *   site.use(createPreviewRouter({ clientSecret, publicApiOrigin, backendBaseUrl, portalId, userId }));
 *   site.use(services.app);
 *
 * - GET /preview, /preview/settings, /preview/home — the pages (HTML; the host script and a context
 *   that looks like HubSpot's are written into them); /preview/home/<app page path> opens one of the
 *   app home's pages (the page router's location comes from the URL).
 * - GET /preview/assets/* — the esbuild bundles (built once per process into preview/dist).
 * - POST /preview/api/fetch — HubSpot's fetch proxy: checks, signs and forwards each `hubspot.fetch`.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import {
  EXTENSION_POINTS,
  PREVIEW_LOCATIONS,
  type PreviewBoot,
  type PreviewContext,
  type PreviewLocation,
  type PreviewUser,
} from '../shared/protocol.ts';
import { buildPreview, DEFAULT_OUT_DIR, type EntrypointOverrides, PreviewBuildError, workerFile } from './bundles.ts';
import { createFetchProxy } from './fetch-proxy.ts';
import { readHubSpotProject } from './project.ts';

export { buildPreview, PreviewBuildError } from './bundles.ts';

export interface PreviewOptions {
  /** The HubSpot app's client secret (signs the calls; never sent to the browser). */
  clientSecret: string;
  /** The backend's PUBLIC_API_ORIGIN, the origin it verifies signatures against. */
  publicApiOrigin: string;
  /**
   * Where the backend listens, e.g. `http://127.0.0.1:3000`: the permitted fetch origin maps here. A
   * function is asked at each call (for a port known only once the server listens).
   */
  backendBaseUrl: string | (() => string);
  /** The HubSpot portal the pages run in (the demo portal, installed). */
  portalId: number;
  /** The HubSpot user looking at the pages. */
  userId: number;
  /** Appended to calls as HubSpot does when given (the backend checks it against HUBSPOT_APP_ID). */
  appId?: number;
  /** Name and email of the user (default: Sandbox Admin, admin@hub-<portalId>.example). */
  user?: Partial<Omit<PreviewUser, 'id'>>;
  /** The portal's timezone (default America/New_York). */
  timezone?: string;
  /** Where the bundles are written (default preview/dist, git-ignored). */
  outDir?: string;
  /** Entry files to serve instead of the project's (tests: fixture extensions); use with its own outDir. */
  entrypoints?: EntrypointOverrides;
  /**
   * Serve browsers that are not on this machine too (default false). The preview acts as the demo
   * user of the demo portal for whoever reaches it, so by default it answers loopback clients only,
   * and nothing that came through a proxy.
   */
  allowRemote?: boolean;
  /** The demo only: the host chrome shows "Start over", which posts here (the demo's reset endpoint). */
  startOverUrl?: string;
}

export const PREVIEW_PAGES: readonly { location: PreviewLocation; title: string; path: string }[] = [
  { location: 'home', title: 'App home', path: '/preview/home' },
  { location: 'settings', title: 'Settings', path: '/preview/settings' },
];

/** A context shaped like the one HubSpot gives the extension at `location`. */
export function previewContext(location: PreviewLocation, options: PreviewOptions, appName: string): PreviewContext {
  const firstName = options.user?.firstName ?? 'Sandbox';
  const lastName = options.user?.lastName ?? 'Admin';
  const email = options.user?.email ?? `admin@hub-${options.portalId}.example`;
  return {
    user: {
      id: options.userId,
      email,
      emails: [email],
      firstName,
      lastName,
      roles: [],
      teams: [],
      locale: 'en-us',
      language: 'en',
      permissions: ['integrations-management-write'],
    },
    portal: { id: options.portalId, timezone: options.timezone ?? 'America/New_York' },
    location: EXTENSION_POINTS[location],
    extension: { appId: options.appId ?? 'local-preview', appName },
  };
}

const isLoopback = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** The host name of a Host header, without its port. */
const hostOf = (host: string | undefined): string => (host ?? '').toLowerCase().replace(/:\d+$/, '');

const escapeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pageHtml(boot: PreviewBoot): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${escapeHtml(boot.title)} · ${escapeHtml(boot.context.extension.appName)} (local preview)</title>
    <link rel="stylesheet" href="/preview/assets/host.css" />
  </head>
  <body>
    <div id="preview-root"></div>
    <script id="preview-boot" type="application/json">${escapeJson(boot)}</script>
    <script src="/preview/assets/host.js"></script>
  </body>
</html>
`;
}

function indexHtml(): string {
  const links = PREVIEW_PAGES.map((page) => `<li><a href="${page.path}">${escapeHtml(page.title)}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Local preview</title>
<link rel="stylesheet" href="/preview/assets/host.css" /></head>
<body><main class="pv-main"><h1 class="pv-page-title">Smart Transfer · local preview</h1><ul>${links}</ul></main></body></html>
`;
}

function buildErrorHtml(error: unknown): string {
  const detail =
    error instanceof PreviewBuildError
      ? error.messages.join('\n')
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Preview build failed</title></head>
<body style="font-family: sans-serif; padding: 24px"><h1>The preview could not be built</h1><pre>${escapeHtml(detail)}</pre></body></html>
`;
}

/** The Express router of the local preview (see the module comment for its routes). */
export function createPreviewRouter(options: PreviewOptions): Router {
  const project = readHubSpotProject();
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const proxy = createFetchProxy({
    clientSecret: options.clientSecret,
    publicApiOrigin: options.publicApiOrigin,
    backendBaseUrl: options.backendBaseUrl,
    permittedOrigins: project.permittedFetchOrigins,
    identity: {
      portalId: options.portalId,
      userId: options.userId,
      ...(options.appId === undefined ? {} : { appId: options.appId }),
    },
  });
  // Start building now, so the first page view does not wait for it.
  const overrides = options.entrypoints ?? {};
  buildPreview(outDir, overrides).catch(() => undefined);

  const router = express.Router();
  router.use('/preview', (req: Request, res: Response, next: NextFunction) => {
    // A loopback client, not relayed by a proxy, asking for a loopback host name (no DNS rebinding).
    const local =
      isLoopback(req.socket.remoteAddress) &&
      req.headers['x-forwarded-for'] === undefined &&
      LOOPBACK_HOSTS.has(hostOf(req.headers.host));
    if (options.allowRemote || local) {
      next();
      return;
    }
    res.status(403).type('text').send('The local preview answers browsers on this machine only.');
  });
  // Never framed by another site, no sniffing, no referrer. The pages' own inline boot data and scripts
  // are left alone: only frame-ancestors is set in their CSP.
  router.use(
    '/preview',
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,
          frameAncestors: ["'none'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
  );
  const noStore = (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
  const whenBuilt = async (_req: Request, res: Response, next: NextFunction) => {
    try {
      await buildPreview(outDir, overrides);
      next();
    } catch (error) {
      res.status(500).type('html').send(buildErrorHtml(error));
    }
  };

  router.get('/preview', noStore, (_req, res) => {
    res.type('html').send(indexHtml());
  });

  for (const location of PREVIEW_LOCATIONS) {
    const page = PREVIEW_PAGES.find((candidate) => candidate.location === location);
    // The app home runs the app pages: each of its pages has its own URL below it (deep links, reloads).
    const paths = location === 'home' ? `/preview/${location}{/*appPage}` : `/preview/${location}`;
    router.get(paths, noStore, whenBuilt, (_req, res) => {
      const boot: PreviewBoot = {
        location,
        title: page?.title ?? location,
        context: previewContext(location, options, project.appName),
        workerUrl: `/preview/assets/${workerFile(location)}`,
        fetchUrl: '/preview/api/fetch',
        pages: [...PREVIEW_PAGES],
        ...(options.startOverUrl === undefined ? {} : { startOverUrl: options.startOverUrl }),
      };
      res.type('html').send(pageHtml(boot));
    });
  }

  router.use('/preview/assets', noStore, whenBuilt, express.static(outDir, { index: false, fallthrough: false }));
  // A missing or unreadable asset: its status and a plain line, never the error's stack or local path.
  router.use('/preview/assets', (error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    res
      .status(status)
      .type('text')
      .send(status === 404 ? 'No such preview asset.' : 'The preview asset could not be served.');
  });

  // Same-origin JSON only: a cross-site form cannot post here, and a cross-site fetch with a JSON
  // content type needs a CORS preflight this route never grants.
  router.post('/preview/api/fetch', noStore, express.json({ limit: '2mb' }), async (req, res, next) => {
    try {
      if (!req.is('application/json')) {
        res
          .status(415)
          .json({ status: 'error', category: 'VALIDATION_ERROR', message: 'The preview proxy takes JSON only.' });
        return;
      }
      const { httpStatus, envelope } = await proxy.handle(req.body as unknown);
      res.status(httpStatus).json(envelope);
    } catch (error) {
      next(error);
    }
  });
  router.use(
    '/preview/api/fetch',
    (error: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
      if (error.type === 'entity.too.large') {
        res
          .status(413)
          .json({ status: 'error', category: 'VALIDATION_ERROR', message: 'Request body is larger than 1 MB' });
        return;
      }
      if (error.type === 'entity.parse.failed') {
        res.status(400).json({ status: 'error', category: 'VALIDATION_ERROR', message: 'Invalid JSON Request Body' });
        return;
      }
      next(error);
    },
  );
  return router;
}
