/**
 * The preview page: plays HubSpot's part. It starts the extension's worker, receives its remote UI and
 * renders each component with the host's DOM implementation, passes `hubspot.fetch` calls to the
 * preview's fetch proxy (which signs them like HubSpot), and carries out the extension's actions.
 */
import './styles.css';
import { createRemoteReceiver } from '@remote-ui/core';
import { createController, RemoteRenderer } from '@remote-ui/react/host';
import { createEndpoint, fromWebWorker } from '@remote-ui/rpc';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  type HostApi,
  type PreviewBoot,
  type ProxyEnvelope,
  type ProxyRequest,
  toExtensionResponse,
  type WorkerApi,
} from '../shared/protocol.ts';
import { HOST_COMPONENTS, hostComponent } from './components/index.tsx';
import { addAlert, closeIframe, closeOverlay, dismissAlert, openIframe, useHostState } from './host-state.ts';
import { connectAppPages, currentPageLocation, navigateTo } from './page-navigation.ts';

function readBoot(): PreviewBoot {
  const element = document.getElementById('preview-boot');
  if (!element?.textContent) throw new Error('preview-boot is missing from the page');
  return JSON.parse(element.textContent) as PreviewBoot;
}

async function proxyFetch(fetchUrl: string, request: ProxyRequest) {
  const res = await fetch(fetchUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  const envelope = (await res.json()) as ProxyEnvelope;
  return toExtensionResponse(res.status, envelope);
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

/** The `controller` of RemoteRenderer: known names get their implementation, others a placeholder. */
function hostController() {
  const base = createController(HOST_COMPONENTS);
  return { ...base, get: (type: unknown) => hostComponent(String(type)) };
}

function Alerts() {
  const { alerts } = useHostState();
  if (alerts.length === 0) return null;
  return (
    <div className="pv-toasts" aria-live="polite">
      {alerts.map((alert) => (
        <div
          key={alert.id}
          className={`pv-alert pv-alert-${alert.type === 'error' ? 'danger' : alert.type} pv-toast`}
          role="status"
          data-testid="preview-alert"
        >
          <div>
            {alert.title && <p className="pv-alert-title">{alert.title}</p>}
            <p className="pv-alert-body">{alert.message}</p>
          </div>
          <button
            type="button"
            className="pv-overlay-close"
            aria-label="Dismiss"
            onClick={() => dismissAlert(alert.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

function IframeModalLayer() {
  const { iframe } = useHostState();
  if (!iframe) return null;
  return (
    <div
      className="pv-backdrop pv-backdrop-modal"
      onMouseDown={(event) => event.target === event.currentTarget && closeIframe()}
    >
      <section
        role="dialog"
        aria-modal="true"
        aria-label={iframe.title ?? 'Embedded page'}
        className="pv-modal"
        style={{ width: Math.min(iframe.width, window.innerWidth - 32) }}
      >
        <header className="pv-overlay-header">
          <h2>{iframe.title}</h2>
          <button type="button" className="pv-overlay-close" aria-label="Close" onClick={closeIframe}>
            ×
          </button>
        </header>
        <iframe
          title={iframe.title ?? 'Embedded page'}
          src={iframe.uri}
          style={{ width: '100%', height: iframe.height, border: 0 }}
        />
      </section>
    </div>
  );
}

/** The demo's "Start over": resets the demo portal (after a confirmation), then reloads the page. */
function StartOver({ url }: { url: string }) {
  const [busy, setBusy] = useState(false);
  const startOver = async () => {
    if (
      !window.confirm(
        'Start over? The demo portal is emptied and Pipedrive disconnected, so you can walk connect → audit → setup → sync yourself.',
      )
    )
      return;
    setBusy(true);
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.ok) {
        window.location.reload();
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      window.alert(body?.error?.message ?? `Start over failed (${res.status}).`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="pv-chrome-start-over" disabled={busy} onClick={() => void startOver()}>
      {busy ? 'Starting over…' : 'Start over'}
    </button>
  );
}

function Page({ boot }: { boot: PreviewBoot }) {
  const [receiver] = useState(() => createRemoteReceiver());
  const [controller] = useState(hostController);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const worker = new Worker(boot.workerUrl, { name: `extension-${boot.location}` });
    worker.addEventListener('error', (event) =>
      setFailure(`The extension stopped with an error: ${event.message || 'see the browser console'}`),
    );
    const endpoint = createEndpoint<WorkerApi>(fromWebWorker(worker));
    // The app pages run on the app home's preview page; elsewhere a link to one loads that page.
    const appPages = {
      basePath: boot.pages.find((page) => page.location === 'home')?.path ?? '/preview/home',
      here: boot.location === 'home',
    };
    const disconnectAppPages = connectAppPages({
      ...appPages,
      notify: (location) => void endpoint.call.navigated(location),
    });
    const api: HostApi = {
      context: boot.context,
      pageLocation: appPages.here ? currentPageLocation(appPages.basePath) : { path: '/', params: {} },
      fetch: (request) => proxyFetch(boot.fetchUrl, request),
      log: (level, data) => console[level]('[extension]', ...data),
      failed: (message) => setFailure(message),
      actions: {
        addAlert: (alert) => addAlert(alert),
        closeOverlay: (id) => closeOverlay(id),
        copyTextToClipboard: (text) => copyText(text),
        navigateToPage: (target) => navigateTo(target),
        openIframeModal: (options, onClose) => openIframe({ ...options, ...(onClose ? { onClose } : {}) }),
        reloadPage: () => window.location.reload(),
      },
    };
    void endpoint.call.render(receiver.receive, api);
    return () => {
      disconnectAppPages();
      endpoint.terminate();
      worker.terminate();
    };
  }, [boot, receiver]);

  const { context } = boot;
  return (
    <div className="pv-shell">
      <header className="pv-chrome">
        <div className="pv-chrome-brand">
          <span className="pv-chrome-logo" aria-hidden="true">
            ◆
          </span>
          {context.extension.appName}
        </div>
        <nav className="pv-chrome-nav" aria-label="Preview pages">
          {boot.pages.map((page) => (
            <a
              key={page.location}
              href={page.path}
              className={page.location === boot.location ? 'pv-chrome-current' : undefined}
              aria-current={page.location === boot.location ? 'page' : undefined}
            >
              {page.title}
            </a>
          ))}
        </nav>
        {boot.startOverUrl && <StartOver url={boot.startOverUrl} />}
        <div className="pv-chrome-who" title={`Portal ${context.portal.id} · ${context.user.email}`}>
          Local preview · portal {context.portal.id} · {context.user.firstName} {context.user.lastName}
        </div>
      </header>
      <main className="pv-main">
        <p className="pv-crumbs">
          {boot.location === 'settings'
            ? 'Marketplace › Connected apps › Smart Transfer › Settings'
            : 'Apps › Smart Transfer'}
        </p>
        <h1 className="pv-page-title">{boot.title}</h1>
        {failure && (
          <div className="pv-alert pv-alert-danger" role="alert" data-testid="preview-failure">
            <p className="pv-alert-title">The preview could not run this page</p>
            <p className="pv-alert-body">{failure}</p>
          </div>
        )}
        <div className="pv-extension" data-location={boot.location}>
          <RemoteRenderer receiver={receiver} controller={controller} />
        </div>
      </main>
      <Alerts />
      <IframeModalLayer />
    </div>
  );
}

const boot = readBoot();
const container = document.getElementById('preview-root');
if (!container) throw new Error('preview-root is missing from the page');
createRoot(container).render(<Page boot={boot} />);
