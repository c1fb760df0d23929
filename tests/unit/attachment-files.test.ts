/**
 * The pure parts of documents: types by content, safe names (hostile ones included), RFC 6266
 * headers, and the text of Word and PDF files for drafting a meeting.
 */
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanFileName, contentDisposition, detectContentType } from "@/lib/attachments/files";
import { DOCX, documentText } from "@/server/attachments/text";
import { AppError } from "@/lib/errors";

const fixture = (name: string) => fs.readFileSync(`tests/fixtures/documents/${name}`);

describe("types by content", () => {
  it("recognises Word and PDF whatever their names say, and refuses programs renamed", async () => {
    expect(await detectContentType(fixture("som16-press-release.docx"), "renamed.pdf", true)).toBe(DOCX);
    expect(await detectContentType(fixture("som16-minutes.pdf"), "minutes.txt", true)).toBe("application/pdf");
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000)]);
    await expect(detectContentType(elf, "report.pdf", true)).rejects.toMatchObject({ status: 415 });
    const zip = Buffer.from("504b0304140000000000", "hex");
    await expect(detectContentType(Buffer.concat([zip, Buffer.alloc(100)]), "x.docx", true)).rejects.toBeInstanceOf(AppError);
  });
  it("takes UTF-8 text as text, CSV and e-mail by name, and never HTML", async () => {
    expect(await detectContentType(Buffer.from("a,b\n1,2\n"), "x.csv", true)).toBe("text/csv");
    expect(await detectContentType(Buffer.from("From: a@example.org\nSubject: x\n\nhi"), "x.eml", true)).toBe("message/rfc822");
    expect(await detectContentType(Buffer.from("<html><script>alert(1)</script>"), "x.html", true)).toBe("text/plain");
    await expect(detectContentType(Buffer.from([0xff, 0xfe, 0x00, 0x41]), "x.txt", true)).rejects.toMatchObject({ status: 415 });
  });
});

describe("file names", () => {
  it("cleans hostile names: path separators, NUL, RTL override, 1,000 characters", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\x\\report.pdf")).toBe("report.pdf");
    expect(cleanFileName("a\u0000b.pdf")).toBe("ab.pdf");
    expect(cleanFileName("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    const long = cleanFileName(`${"é".repeat(1000)}.pdf`);
    expect([...long].length).toBe(200);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(cleanFileName("")).toBe("file");
    expect(cleanFileName("...")).toBe("file");
  });
  it("never lets a name break out of the header, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 1200 }), (raw) => {
        const name = cleanFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        const header = contentDisposition("attachment", name);
        // One line of printable ASCII, the quoted name free of quotes, and the exact name in filename*.
        expect(header).toMatch(/^attachment; filename="[\u0020-\u007e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*$/);
        expect(decodeURIComponent(header.split("''")[1]!)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });
  it("writes RFC 6266 headers with the UTF-8 name", () => {
    expect(contentDisposition("inline", "Évaluation régionale.pdf")).toBe(`inline; filename="_valuation r_gionale.pdf"; filename*=UTF-8''%C3%89valuation%20r%C3%A9gionale.pdf`);
  });
});

describe("text of documents", () => {
  it("reads a Word file with mammoth and a text PDF with unpdf", async () => {
    expect(await documentText(fixture("som16-press-release.docx"), DOCX)).toMatch(/^EU and UNODC renew their partnership[\s\S]*Brussels, 15 February 2022/);
    expect(await documentText(fixture("som16-minutes.pdf"), "application/pdf")).toMatch(/16th EU-UNODC Senior Officials Meeting[\s\S]*30 June 2022/);
  });
});

describe("the streamed upload, for any name and size", () => {
  /** A multipart body as a hostile client writes it, sent in pieces of a random size, with no Content-Length. */
  function request(fileName: string, bytes: Buffer, piece: number) {
    const boundary = "----unit-boundary";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="`),
      Buffer.from(fileName, "utf8"),
      Buffer.from(`"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (at >= body.length) return c.close();
        c.enqueue(body.subarray(at, at + piece));
        at += piece;
      },
    });
    return new Request("http://localhost/x", { method: "POST", body: stream, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
  }
  const pdfHead = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const hostileName = fc.oneof(
    fc.constantFrom("../../etc/passwd.pdf", "..\\..\\boot.pdf", "a\u0000b.pdf", "x\u202Efdp.exe", `${"x".repeat(1000)}.pdf`, "", "...", "\u200f\u2066.pdf"),
    fc.string({ unit: "grapheme", maxLength: 80 }).filter((s) => !s.includes('"') && !s.includes("\r") && !s.includes("\n")),
  );

  it("stores the exact bytes with their SHA-256 and a clean name, refuses over the limit with 413 and programs with 415", async () => {
    const { receiveUploadInMemory } = await import("@/server/attachments/upload");
    const { createHash } = await import("node:crypto");
    const max = 300 * 1024;
    await fc.assert(
      fc.asyncProperty(hostileName, fc.integer({ min: 1, max: 400 * 1024 }), fc.constantFrom("pdf", "program"), fc.integer({ min: 1, max: 70_000 }), async (name, size, kind, piece) => {
        const head = kind === "pdf" ? pdfHead : Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
        const bytes = Buffer.concat([head, Buffer.alloc(size, 0x25)]);
        const result = await receiveUploadInMemory(request(name, bytes, piece), max).catch((e: unknown) => e);
        // Control characters raw in a part's header are not valid multipart: busboy refuses them (a 400 naming the file).
        if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(name) && (result as AppError).status === 400) {
          expect(result).toMatchObject({ fields: { file: expect.any(String) } });
        } else if (bytes.length > max && kind === "pdf") {
          expect(result).toMatchObject({ status: 413, fields: { file: expect.any(String) } });
        } else if (kind === "program") {
          // The type is decided on the first 256 KiB (and the piece that crosses it): 415, or 413 if those already pass the limit.
          expect(result).toMatchObject({ fields: { file: expect.any(String) } });
          expect((result as AppError).status).toBe(bytes.length > max && (result as AppError).status === 413 ? 413 : 415);
        } else {
          const upload = result as Awaited<ReturnType<typeof receiveUploadInMemory>>;
          expect(upload.bytes.equals(bytes)).toBe(true);
          expect(upload.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
          expect(upload.size).toBe(bytes.length);
          expect(upload.contentType).toBe("application/pdf");
          expect(upload.fileName).toBe(cleanFileName(name));
          expect(upload.fileName).not.toMatch(/[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
