// Stored records of people and channels: link codes, client links, profiles, conversation
// references, bot state and the audit log. Part of the schemas in schemas.ts.
import { z } from 'zod';
import { id, isoDateTime, LanguageSchema } from './schemaPrimitives.js';

// ---- people and channels ------------------------------------------------------------

/** A one-time code a worker creates so a client can link their chat to their case. */
export const LinkCodeSchema = z.object({
  /** The public half of the code, used to find it. */
  id,
  /** sha256 of the whole code; the code itself is never stored. */
  codeHash: z.string().length(64),
  caseId: id,
  createdBy: id,
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  usedAt: isoDateTime.optional(),
  usedBy: id.optional(),
});
export type LinkCode = z.infer<typeof LinkCodeSchema>;

/** A chat user bound to a case as its client. */
export const ClientLinkSchema = z.object({ id, caseId: id, linkedAt: isoDateTime, codeId: id });
export type ClientLink = z.infer<typeof ClientLinkSchema>;

/** Per chat user: language preference, first-contact flag, failed link attempts. */
export const UserProfileSchema = z.object({
  id,
  language: LanguageSchema.optional(),
  welcomedAt: isoDateTime.optional(),
  failedLinkAttempts: z.number().int().min(0),
  linkLockedUntil: isoDateTime.optional(),
  /** The case a staff member is working on, so commands need not repeat its id. */
  currentCaseId: id.optional(),
  /** The cases of the last numbered list shown to a staff member, in order: «tarea 2» means the second. */
  lastCaseList: z.array(id).max(500).optional(),
  /**
   * Set when the channel refused a message to this user for good (blocked the bot, removed
   * the app); follow-ups wait for their next chat. Cleared when they write again.
   */
  unreachable: z.object({ since: isoDateTime, code: z.string().min(1).max(100) }).optional(),
});
export type UserProfile = z.infer<typeof UserProfileSchema>;

/** Where to reach a user proactively; botbuilder's ConversationReference, kept as sent. */
export const ConversationRefSchema = z.object({
  id,
  channelId: z.string(),
  serviceUrl: z.string(),
  updatedAt: isoDateTime,
  reference: z.looseObject({}),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

/** Conversation and dialog state, for botbuilder's Storage. */
// Keys hold channel and conversation ids, which Teams makes long; the file name is hashed.
export const BotStateRecordSchema = z.object({ id: z.string().min(1).max(4000), key: z.string(), eTag: z.string(), value: z.looseObject({}) });
export type BotStateRecord = z.infer<typeof BotStateRecordSchema>;

export const AuditEntrySchema = z.object({
  at: isoDateTime,
  actor: id,
  action: z.string().min(1).max(100),
  /** Only a case that exists: text typed where a case id was expected is never written here. */
  caseId: id.optional(),
  outcome: z.enum(['ok', 'denied']).default('ok'),
  /** Why a refusal had no case to name: no case under the typed id, or a command not on the person's menu. */
  reason: z.enum(['notFound', 'notOnMenu']).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
