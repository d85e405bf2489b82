// The pieces every stored record is built from.
import { z } from 'zod';

export const isoDateTime = z.iso.datetime({ offset: true });
/** A calendar day, `YYYY-MM-DD`, in the case's time zone. */
export const isoDate = z.iso.date();
export const id = z.string().min(1).max(200);

export const LanguageSchema = z.enum(['es', 'en']);
export type Language = z.infer<typeof LanguageSchema>;
