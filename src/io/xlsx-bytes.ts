import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { InternalError } from '../errors/problem';
import { FIXED_DATE, toExcelWorkbook, type WorkbookSpec } from '../render/workbook-spec';

/** exceljs's entry file, resolved at run time from node_modules: the bundle never contains exceljs (a 23 MB package). */
const EXCELJS = () => createRequire(__filename).resolve('exceljs');

/** Longest wait for the writer thread; a six-market workbook takes well under a second. */
const TIMEOUT_MS = 120_000;

/**
 * The worker's program. exceljs only writes asynchronously (its zip step is JSZip's generateAsync), while commands
 * are synchronous functions returning their output (src/cli/command.ts). So the bytes are made on a worker thread
 * and this thread blocks on Atomics.wait until they arrive: the command stays synchronous and exceljs is used only
 * through its public API. exceljs is loaded only here (about 0.3–1 s), never on the CLI's start-up path.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, signal, spec, exceljs, fixedDate } = workerData;
const done = (msg) => { port.postMessage(msg); Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); };
try {
  const ExcelJS = require(exceljs);
  // JSZip stamps each zip entry with the current time unless told otherwise: a fixed date keeps output deterministic.
  require(require('node:module').createRequire(exceljs).resolve('jszip')).defaults.date = new Date(fixedDate);
  const toExcelWorkbook = (${toExcelWorkbook.toString()});
  toExcelWorkbook(ExcelJS, spec).xlsx.writeBuffer()
    .then((b) => done({ bytes: new Uint8Array(b) }), (e) => done({ error: String(e && e.stack || e) }));
} catch (e) {
  done({ error: String(e && e.stack || e) });
}
`;

/** The .xlsx bytes of a workbook spec, made synchronously (see WORKER). */
export function xlsxBytes(spec: WorkbookSpec): Buffer {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { port: port2, signal, spec, exceljs: EXCELJS(), fixedDate: FIXED_DATE },
    transferList: [port2],
  });
  worker.unref();
  try {
    if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === 'timed-out') throw new InternalError(`writing the workbook took longer than ${TIMEOUT_MS / 1000} s`);
    const msg = receiveMessageOnPort(port1)?.message as { bytes?: Uint8Array; error?: string } | undefined;
    if (!msg?.bytes) throw new InternalError(`exceljs could not write the workbook: ${msg?.error ?? 'no reply'}`);
    return Buffer.from(msg.bytes.buffer, msg.bytes.byteOffset, msg.bytes.byteLength);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
