export const PHONE = { latencyMs: 150, downBps: 1.6e6 / 8, upBps: 750e3 / 8, cpuSlowdown: 4 };
