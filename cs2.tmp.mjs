import 'vite'; import 'zod';
const t0=performance.now();
const m = await import(process.argv[2]);
const t1=performance.now();
const r = m.candor(process.argv[3]);
const t2=performance.now();
console.log({import:(t1-t0).toFixed(1), candor:(t2-t1).toFixed(1)});
