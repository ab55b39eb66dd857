// CSV encoding for the exports (RFC 4180): exact decimals from the stored integers, so a
// spreadsheet sum of an export equals the portal's sum to the micro-point.

/** A field quoted only when it must be: commas, quotes, line breaks, or a leading formula sign. */
export function csvField(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  // A leading = + - @ makes spreadsheets evaluate the cell; numbers are safe, free text is not.
  const formula = typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text);
  if (formula) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly (string | number | bigint | null | undefined)[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** An integer scaled by 10^6 (micro-points, ppm) as an exact decimal: 6600000 → "6.6", -1 → "-0.000001". */
export function scaledToDecimal(value: string | number | bigint): string {
  const n = BigInt(value);
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Headers of every CSV download: a file name the browser saves under, and never cached. */
export function csvResponse(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A byte stream that asks `nextChunk` for more text only when the client reads (backpressure), so
 * an export of any size holds one page in memory. `nextChunk` returns null when done.
 */
export function pullStream(nextChunk: () => Promise<string | null>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await nextChunk();
        if (chunk === null) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
    },
    { highWaterMark: 1 },
  );
}
