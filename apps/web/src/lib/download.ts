import { interfaceLanguage, refreshSession } from "./api-client.ts";
import { toApiError } from "./api-error.ts";
import { session } from "./session.ts";

type QueryValue = string | number | undefined;

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Hands a Blob to the browser as a file download, through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/**
 * Downloads a file from the API with the in-memory access token (a plain link could not send
 * it), refreshing the session once on 401; problem+json answers become an ApiError.
 */
export async function downloadFile(
  path: string,
  options: { accept: string; filename: string; query?: Record<string, QueryValue> },
): Promise<void> {
  const send = () =>
    fetch(withQuery(path, options.query ?? {}), {
      headers: {
        accept: options.accept,
        "accept-language": interfaceLanguage(),
        authorization: `Bearer ${session.token() ?? ""}`,
      },
      credentials: "same-origin",
    });
  let res = await send();
  if (res.status === 401 && (await refreshSession())) res = await send();
  if (!res.ok) throw await toApiError(res);
  saveBlob(await res.blob(), options.filename);
}
