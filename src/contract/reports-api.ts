import { z } from 'zod';
import { IdSchema } from '../domain/ids';
import { HicsFormSchema } from '../domain/reports/hics-forms';
import { SitRepCardSchema, SitRepKindSchema, SitRepSchema, SitRepSectionsSchema } from '../domain/reports/sitreps';

const LangSchema = z.enum(['zh-CN', 'en']);
/** A PDF made in the workstation core, base64 so it crosses IPC and the web host's JSON socket unchanged. */
const PdfFileSchema = z.object({ fileName: z.string(), pdfBase64: z.string() });

/** Reports to the health authority and HICS forms as PDF, spread into the workstation API (src/contract/api.ts). */
export const reportsApi = {
  /** The incident's reports, oldest first. */
  'report.list': { params: z.strictObject({ incidentId: IdSchema }), result: z.object({ reports: z.array(SitRepSchema) }) },
  /** A new report's card and text suggested from the incident's data (its log, objectives), for the officer to edit. */
  'report.suggest': {
    params: z.strictObject({ incidentId: IdSchema, kind: SitRepKindSchema, lang: LangSchema }),
    result: z.object({ card: SitRepCardSchema, sections: SitRepSectionsSchema }),
  },
  /** The report card as PDF (a draft says DRAFT across the top). */
  'report.pdf': { params: z.strictObject({ id: IdSchema, lang: LangSchema }), result: PdfFileSchema },
  /** One HICS form of the incident as PDF, from its records; 254 lists tag numbers and counts, never names. */
  'forms.pdf': {
    params: z.strictObject({ incidentId: IdSchema, form: HicsFormSchema, lang: LangSchema, period: z.number().int().min(1).optional() }),
    result: PdfFileSchema,
  },
} as const;
