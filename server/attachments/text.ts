import "server-only";
/**
 * The text of a Word (.docx) or text PDF, for drafting a meeting from its minutes or press release:
 * mammoth reads Word, unpdf (pdf.js) reads PDF. A scanned PDF has no text; that is said, not guessed.
 */
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function documentText(bytes: Buffer, contentType: string): Promise<string> {
  let text: string;
  if (contentType === DOCX) {
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } else if (contentType === "application/pdf") {
    try {
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      text = (await extractText(pdf, { mergePages: true })).text;
    } catch {
      throw new AppError("bad_request:meeting_draft", vm("pdfUnreadable"), { file: vm("pdfUnreadableShort") });
    }
  } else {
    throw new AppError("unsupported_type:meeting_draft", vm("draftFileType"), { file: vm("draftFileTypeShort") });
  }
  // Word's paragraphs come as blank-line-separated blocks; three or more line breaks say nothing more.
  text = text.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
  if (!text) throw new AppError("bad_request:meeting_draft", vm("fileNoText"), { file: vm("fileNoTextShort") });
  return text;
}
