// The oracle for FitFileReader: Garmin's own JavaScript FIT SDK (npm @garmin/fitsdk) decodes each FIT file
// named on the command line and prints its sessions' recorded totals as one JSON object, keyed by file path.
// Usage: node fit-sessions.mjs <path of @garmin/fitsdk's src/index.js> <file.fit>...
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const [sdkPath, ...files] = process.argv.slice(2);
const { Decoder, Stream } = await import(pathToFileURL(sdkPath).href);
const result = {};
for (const file of files) {
  const decoder = new Decoder(Stream.fromBuffer(fs.readFileSync(file)));
  const { messages, errors } = decoder.read();
  const fileId = (messages.fileIdMesgs ?? [])[0] ?? {};
  const recordTimes = (messages.recordMesgs ?? []).map((r) => r.timestamp).filter((t) => t instanceof Date);
  result[file] = {
    manufacturer: fileId.manufacturer ?? null,
    errors: errors.map((e) => String(e.message ?? e)),
    firstRecord: recordTimes.length ? recordTimes[0].toISOString() : null,
    lastRecord: recordTimes.length ? recordTimes[recordTimes.length - 1].toISOString() : null,
    sessions: (messages.sessionMesgs ?? []).map((s) => ({
      sport: s.sport ?? null,
      subSport: s.subSport ?? null,
      startTime: s.startTime instanceof Date ? s.startTime.toISOString() : null,
      totalTimerTime: s.totalTimerTime ?? null,
      totalElapsedTime: s.totalElapsedTime ?? null,
      totalDistance: s.totalDistance ?? null,
      avgHeartRate: s.avgHeartRate ?? null,
    })),
  };
}
process.stdout.write(JSON.stringify(result));
