/**
 * Which uploaded files an action's evidence may be: documents, spreadsheets, slides, images and
 * text an officer would attach, up to 10 MB, recognised by their name and confirmed by their
 * first bytes, so a renamed program is refused. Pure.
 */

export const maxEvidenceBytes = 10 * 1024 * 1024;

const zip = [0x50, 0x4b, 0x03, 0x04];
/** By extension: the media type served, and the first bytes the file must start with. */
const kinds: Record<string, { type: string; magic?: number[]; text?: true }> = {
  pdf: { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: zip,
  },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: zip },
  pptx: {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: zip,
  },
  odt: { type: 'application/vnd.oasis.opendocument.text', magic: zip },
  ods: { type: 'application/vnd.oasis.opendocument.spreadsheet', magic: zip },
  png: { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  csv: { type: 'text/csv; charset=utf-8', text: true },
  txt: { type: 'text/plain; charset=utf-8', text: true },
};

export const evidenceExtensions = Object.keys(kinds);

export interface UploadedFile {
  name: string;
  bytes: Buffer;
  /** The upload went past the size limit (what arrived is cut short). */
  truncated: boolean;
}

/** The media type to store, or why the file is refused, in words for the page. */
export function checkEvidenceFile(file: UploadedFile): { mediaType: string } | { problem: string } {
  if (file.truncated || file.bytes.length > maxEvidenceBytes)
    return { problem: 'The file must be smaller than 10 MB' };
  if (file.bytes.length === 0) return { problem: 'The selected file is empty' };
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const kind = kinds[extension];
  if (!kind)
    return {
      problem: `The selected file must be a PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, CSV or text file (${file.name} is not)`,
    };
  if (kind.magic && !kind.magic.every((b, i) => file.bytes[i] === b))
    return {
      problem: `${file.name} is not a ${extension.toUpperCase()} file: its contents say otherwise`,
    };
  if (kind.text && !isUtf8Text(file.bytes))
    return { problem: `${file.name} must be text in UTF-8` };
  return { mediaType: kind.type };
}

function isUtf8Text(bytes: Buffer): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !/[\u0000-\u0008\u000E-\u001F]/.test(text);
  } catch {
    return false;
  }
}

/** A file name fit to send back in a download's header: no path, no quotes or controls. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'evidence';
  const cleaned = base.replace(/[\u0000-\u001F\u007F"]/g, '').trim();
  return cleaned.slice(-200) || 'evidence';
}
