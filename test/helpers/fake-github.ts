import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
  authorization: string | undefined;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** Files committed per branch: branch → path → content. */
  files: Map<string, Map<string, string>>;
  pulls: { number: number; title: string; head: string; base: string; body: string }[];
  comments: { id: number; issue: number; body: string; user: { login: string; type: 'Bot' | 'User' } }[];
  /** Answer comment writes with 403, as GitHub does for a fork's read-only token. */
  forbidComments: boolean;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<any> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

/** A local server that answers the few GitHub REST endpoints Candor uses, as GitHub would; `main` holds `files`. */
export async function fakeGitHub(files: Record<string, string> = {}): Promise<FakeGitHub> {
  const state: Omit<FakeGitHub, 'url' | 'close'> = { requests: [], files: new Map([['main', new Map(Object.entries(files))]]), pulls: [], comments: [], forbidComments: false };
  let nextId = 1000;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const payload = await body(req);
    state.requests.push({ method: req.method ?? 'GET', path, body: payload, authorization: req.headers.authorization });
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path))) return send(200, { full_name: `${m[1]}/${m[2]}`, default_branch: 'main' });
    if (req.method === 'GET' && /^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads\/main$/.test(path)) return send(200, { ref: 'refs/heads/main', object: { sha: 'base-sha', type: 'commit' } });
    if (req.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/git\/refs$/.test(path)) {
      const branch = String(payload.ref).replace('refs/heads/', '');
      if (state.files.has(branch)) return send(422, { message: 'Reference already exists' });
      state.files.set(branch, new Map(state.files.get('main')));
      return send(201, { ref: payload.ref, object: { sha: payload.sha } });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(path))) {
      const file = m[1]!;
      if (req.method === 'GET') {
        const ref = url.searchParams.get('ref') ?? 'main';
        const content = state.files.get(ref === 'base-sha' ? 'main' : ref)?.get(file);
        return content === undefined ? send(404, { message: 'Not Found' }) : send(200, { type: 'file', path: file, sha: `sha-${file}`, content: Buffer.from(content).toString('base64') });
      }
      if (req.method === 'PUT') {
        const files = state.files.get(payload.branch);
        if (!files) return send(404, { message: 'Branch not found' });
        if (files.has(file) && payload.sha !== `sha-${file}`) return send(409, { message: 'sha mismatch' });
        files.set(file, Buffer.from(payload.content, 'base64').toString('utf8'));
        return send(201, { content: { path: file, sha: `sha-${file}` }, commit: { sha: `commit-${nextId++}` } });
      }
    }
    if (req.method === 'GET' && (m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(path))) {
      return send(200, { number: Number(m[1]), state: 'open', head: { sha: `head-of-${m[1]}` } });
    }
    if (req.method === 'POST' && (m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(path))) {
      const number = state.pulls.length + 1;
      state.pulls.push({ number, title: payload.title, head: payload.head, base: payload.base, body: payload.body });
      return send(201, { number, html_url: `https://github.com/${m[1]}/${m[2]}/pull/${number}` });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(path))) {
      const issue = Number(m[1]);
      if (req.method === 'GET') return send(200, state.comments.filter((c) => c.issue === issue));
      if (req.method === 'POST') {
        if (state.forbidComments) return send(403, { message: 'Resource not accessible by integration' });
        const comment = { id: nextId++, issue, body: payload.body, user: { login: 'github-actions[bot]', type: 'Bot' as const } };
        state.comments.push(comment);
        return send(201, comment);
      }
    }
    if (req.method === 'PATCH' && (m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path))) {
      if (state.forbidComments) return send(403, { message: 'Resource not accessible by integration' });
      const comment = state.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = payload.body;
      return send(200, comment);
    }
    send(404, { message: `Not Found: ${req.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake = state as FakeGitHub;
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
