import { createWorkstation } from '../../src/workstation/workstation';
import { serveWorkstation } from './workstation-service';

// Entry of the utility process: the workstation core, out of the main process so a slow query or a crash in
// native code never freezes the windows.
const port = process.parentPort;
serveWorkstation({ port, createWorkstation, exit: (code) => process.exit(code) });
