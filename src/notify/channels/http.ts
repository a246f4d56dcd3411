/** A delivery the channel did not accept. `retryable`: worth trying again (in this run, and the next). */
export class DeliveryError extends Error {
  readonly retryable: boolean;
  /** From `Retry-After` (or the service's own field): how long the service asked us to wait. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryable: boolean, retryAfterMs?: number) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface HttpOptions {
  timeoutMs: number;
  headers?: Record<string, string>;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** POSTs `body` (JSON unless a string), and returns the response's text; a refusal or a failure throws a DeliveryError. */
export async function post(url: string, body: unknown, options: HttpOptions): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Candor status notifications', ...options.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (e) {
    const error = e as Error & { cause?: { code?: string; message?: string } };
    if (error.name === 'TimeoutError') throw new DeliveryError(`no answer within ${Math.round(options.timeoutMs / 1000)} s`, true);
    throw new DeliveryError(`the connection failed (${error.cause?.code ?? error.cause?.message ?? error.message})`, true);
  }
  let text = '';
  try {
    text = await response.text();
  } catch (e) {
    if (response.ok) throw new DeliveryError(`the connection dropped during the answer (${(e as Error).message})`, true);
  }
  if (response.ok) return text;
  const status = response.status;
  const retryAfter = parseRetryAfter(response.headers.get('retry-after')) ?? retryAfterField(text);
  const detail = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new DeliveryError(`HTTP ${status}${detail ? `: ${detail}` : ''}`, status === 408 || status === 429 || status >= 500, retryAfter);
}

/** Discord puts the wait in the body as well (`retry_after`, seconds). */
function retryAfterField(text: string): number | undefined {
  try {
    const seconds = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
    return typeof seconds === 'number' ? Math.ceil(seconds * 1000) : undefined;
  } catch {
    return undefined;
  }
}

/** The secret named in the configuration, from the environment. */
export function secretValue(env: Record<string, string | undefined>, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new DeliveryError(`the secret ${name} is not set: add it as a repository secret and pass it to the notify step's environment`, false);
  return value;
}

/** A webhook address from a secret: it must be a web address (its value is never shown). */
export function webhookUrl(env: Record<string, string | undefined>, name: string): string {
  const value = secretValue(env, name);
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new DeliveryError(`the secret ${name} is not a web address: store the webhook's whole URL in it`, false);
  return value;
}
