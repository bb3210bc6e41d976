/**
 * What went wrong, in the backend's words when it said: a ResponseError's
 * cause carries the backend's message, its own message only the status.
 */
export function errorMessage(error: unknown): string {
  const { cause, message } = error as {
    cause?: { message?: string };
    message?: string;
  };
  return cause?.message ?? message ?? String(error);
}
