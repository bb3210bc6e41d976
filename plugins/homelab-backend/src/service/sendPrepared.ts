import { Request, Response } from 'express';
import { PreparedJson } from '../topology/PreparedJson';

/**
 * Sends a prepared answer as it is: 304 when the client holds it already
 * (If-None-Match), gzipped when the client accepts it. Nothing is
 * serialised or compressed per request; the compression middleware leaves
 * an answer with a Content-Encoding alone.
 */
export function sendPrepared(
  req: Request,
  res: Response,
  prepared: PreparedJson,
): void {
  res.setHeader('ETag', prepared.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('Cache-Control', 'private, no-cache');
  res.type('application/json');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  if (req.acceptsEncodings('gzip')) {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(prepared.gzip);
    return;
  }
  res.end(prepared.json);
}
