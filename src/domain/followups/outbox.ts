// The outbox: which chats the channel has accepted each job's message for. It is written
// as soon as the connector answers, before the job is marked sent, so a job claimed again
// after a crash between the two is recorded as sent without being shown twice.
import { createHash } from 'node:crypto';
import { z } from 'zod';

const id = z.string().min(1).max(200);

export const OutboxRecordSchema = z.object({
  /** The job's id. */
  id,
  deliveries: z.array(
    z.object({
      /** The chat user the message went to. */
      to: id,
      /** The activity id the message carried (its idempotency key). */
      activityId: id,
      at: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type OutboxRecord = z.infer<typeof OutboxRecordSchema>;

/**
 * The id of the one message carrying these jobs to this chat user: the same jobs to the same
 * person always give the same id, so a copy sent again after a crash can be recognised.
 */
export function deliveryId(jobIds: readonly string[], to: string): string {
  const key = JSON.stringify([[...jobIds].sort(), to]);
  return `F-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/** The record after the message with `jobId` was accepted for `to`. */
export function withDelivery(record: OutboxRecord | undefined, jobId: string, delivery: OutboxRecord['deliveries'][number]): OutboxRecord {
  const deliveries = (record?.deliveries ?? []).filter((d) => d.to !== delivery.to);
  return { id: jobId, deliveries: [...deliveries, delivery] };
}
